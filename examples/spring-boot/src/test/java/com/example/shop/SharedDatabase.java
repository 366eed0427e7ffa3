package com.example.shop;

import java.nio.file.Path;

/**
 * What every test class starts from: a new SQLite database that Django's {@code migrate} made, as in a
 * deployment where Django and the Spring application share one database and one secret key.
 */
final class SharedDatabase {

    static final String SECRET_KEY = "the-secret-key-the-shop-shares-with-django";

    private SharedDatabase() {
    }

    /** Django, migrated on a new database in {@code directory}. */
    static Django newDjango(Path directory) {
        return Django.migrated(directory.resolve("db.sqlite3"), SECRET_KEY);
    }
}
