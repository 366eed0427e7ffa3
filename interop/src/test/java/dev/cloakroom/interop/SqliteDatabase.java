package dev.cloakroom.interop;

import java.nio.file.Path;

/** A SQLite file both Django and Cloakroom open; the test's temporary directory removes it. */
final class SqliteDatabase extends SharedDatabase {

    private final Path file;

    SqliteDatabase(Path file) {
        this.file = file.toAbsolutePath();
    }

    @Override
    String djangoUrl() {
        return "sqlite:" + file;
    }

    @Override
    String jdbcUrl() {
        return "jdbc:sqlite:" + file;
    }

    @Override
    String name() {
        return "SQLite";
    }
}
