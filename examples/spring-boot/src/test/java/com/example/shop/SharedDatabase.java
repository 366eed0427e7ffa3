package com.example.shop;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What every test class starts from: a new SQLite database that Django's {@code migrate} made, as in a
 * deployment where Django and the Spring application share one database and one secret key.
 */
final class SharedDatabase {

    static final String SECRET_KEY = "the-secret-key-the-shop-shares-with-django";

    private SharedDatabase() {
    }

    /** Django, migrated on a new database in a new temporary directory. */
    static Django newDjango() {
        try {
            Path directory = Files.createTempDirectory("shop-example");
            return Django.migrated(directory.resolve("db.sqlite3"), SECRET_KEY);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
