package dev.cloakroom.interop;

import dev.cloakroom.jdbc.JdbcEngine;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * One database both sides use: a SQLite file, or a PostgreSQL or MariaDB database made for one test class
 * and dropped after it. Engines made by {@link #engine} are closed with it.
 */
abstract class SharedDatabase implements AutoCloseable {

    private final List<JdbcEngine> engines = new ArrayList<>();

    /** A new SQLite file in {@code directory}, named so that two never share a file. */
    static SharedDatabase sqlite(Path directory) {
        return new SqliteDatabase(directory.resolve("shared-" + UUID.randomUUID() + ".sqlite3"));
    }

    /** A fresh PostgreSQL database on 127.0.0.1:5432, dropped by {@link #close()}. */
    static SharedDatabase postgres() {
        return ServerDatabase.postgres();
    }

    /** A fresh MariaDB database on 127.0.0.1:3306, dropped by {@link #close()}. */
    static SharedDatabase mariadb() {
        return ServerDatabase.mariadb();
    }

    /** What Django's settings read from {@code CLOAKROOM_DJANGO_DB}. */
    abstract String djangoUrl();

    /** The JDBC URL of the same database. */
    abstract String jdbcUrl();

    /** {@code SQLite}, {@code PostgreSQL} or {@code MariaDB}, for messages. */
    abstract String name();

    /** A plain connection, for looking at the catalogue and the rows directly. */
    Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl());
    }

    /**
     * Cloakroom's {@code db} engine on Django's {@code django_session} table, reading time from
     * {@code clock}. It never creates the table: the table it uses is the one Django's migrate made.
     */
    JdbcEngine engine(Clock clock) {
        return engine(clock, false);
    }

    /** Cloakroom's {@code db} engine; with {@code createSchema}, it creates the table if it is missing. */
    JdbcEngine engine(Clock clock, boolean createSchema) {
        JdbcEngine engine = JdbcEngine.builder(jdbcUrl()).clock(clock).poolSize(2).createSchema(createSchema)
                .build();
        engines.add(engine);
        return engine;
    }

    @Override
    public void close() {
        engines.forEach(JdbcEngine::close);
        engines.clear();
    }

    @Override
    public String toString() {
        return name() + " " + djangoUrl();
    }
}
