package dev.cloakroom.bench.soak;

import dev.cloakroom.bench.load.BenchStores;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** The database of the soak's {@code db} engine, and how to count the connections the demo holds to it. */
abstract sealed class SoakDatabase {

    /** The JDBC URL the demo is given. */
    abstract String url();

    /** What to call it in the report (no password). */
    abstract String describe();

    /** How many connections the demo process holds open to the database now. */
    abstract int connections(SoakServer server) throws IOException, SQLException;

    /** A SQLite file in {@code directory}; connections are counted as the demo's open files on it. */
    static SoakDatabase sqlite(Path directory) {
        return new Sqlite(directory.resolve("soak.sqlite3"));
    }

    /**
     * The database {@code cloakroom_soak} on the PostgreSQL server of {@code benchUrl} (created if missing);
     * connections are counted in {@code pg_stat_activity} by the application name the demo's URL sets.
     */
    static SoakDatabase postgres(String benchUrl) throws SQLException {
        String url = benchUrl.replaceFirst("/[a-z_][a-z0-9_]*(\\?|$)", "/cloakroom_soak$1");
        BenchStores.createDatabaseIfMissing(url);
        return new Postgres(url, "cloakroom-soak-" + ProcessHandle.current().pid());
    }

    private static final class Sqlite extends SoakDatabase {
        private final Path file;

        Sqlite(Path file) {
            this.file = file;
        }

        @Override
        String url() {
            return "jdbc:sqlite:" + file;
        }

        @Override
        String describe() {
            return "SQLite (a file in a temporary directory)";
        }

        @Override
        int connections(SoakServer server) throws IOException {
            return Files.exists(file) ? server.openFilesOn(file) : 0;
        }
    }

    private static final class Postgres extends SoakDatabase {
        private final String adminUrl;
        private final String applicationName;

        Postgres(String adminUrl, String applicationName) {
            this.adminUrl = adminUrl;
            this.applicationName = applicationName;
        }

        @Override
        String url() {
            return adminUrl + (adminUrl.contains("?") ? "&" : "?") + "ApplicationName=" + applicationName;
        }

        @Override
        String describe() {
            return "PostgreSQL, database cloakroom_soak";
        }

        @Override
        int connections(SoakServer server) throws SQLException {
            try (Connection c = DriverManager.getConnection(adminUrl);
                    PreparedStatement s = c.prepareStatement(
                            "SELECT count(*) FROM pg_stat_activity WHERE application_name = ?")) {
                s.setString(1, applicationName);
                try (ResultSet rows = s.executeQuery()) {
                    rows.next();
                    return rows.getInt(1);
                }
            }
        }
    }
}
