package dev.cloakroom.jdbc;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What differs between the databases the {@code db} engine runs on: how {@code expire_date} is stored,
 * how a duplicate key shows, the batched delete, how to look at the catalogue, and the driver settings
 * of a pool the engine builds itself. Everything else is plain SQL shared by all of them
 * ({@link SqlStatements}). Instances are stateless and thread-safe.
 */
abstract class SqlDialect {

    /** The database's name in messages: {@code PostgreSQL}. */
    abstract String displayName();

    /** The suffix of this dialect's SQL resources: {@code schema-<suffix>.sql}. */
    abstract String resourceSuffix();

    /** The longest identifier Django allows on this database (its {@code max_name_length()}). */
    abstract int maxIdentifierLength();

    /** The driver the engine needs for a URL of this database, and where it comes from. */
    abstract JdbcDriver driver();

    /** The driver class the engine needs for a URL of this database. */
    final String driverClass() {
        return driver().className();
    }

    /** The Maven dependency that provides {@link #driverClass()}, for the missing-driver message. */
    final String driverDependency() {
        return driver().dependency();
    }

    /** Quotes an identifier already validated as {@code [A-Za-z_][A-Za-z0-9_]*}. */
    String quote(String identifier) {
        return '"' + identifier + '"';
    }

    /** Binds {@code at}, truncated to microseconds as Django stores it, to an {@code expire_date}. */
    abstract void bindInstant(PreparedStatement statement, int index, Instant at) throws SQLException;

    /** Reads an {@code expire_date} column. */
    abstract Instant readInstant(ResultSet rows, int index) throws SQLException;

    /**
     * The insert for {@link dev.cloakroom.SessionEngine#create}: it either inserts one row or, when the
     * key is taken, inserts none or throws an exception {@link #isDuplicateKey} recognises.
     */
    abstract String insert(String table, List<String> columns);

    /** Whether {@code e} says that the primary key is taken. */
    abstract boolean isDuplicateKey(SQLException e);

    /** The condition {@code session_data = ?}, compared byte for byte (session data is case-sensitive). */
    String dataMatches(String column) {
        return column + " = ?";
    }

    /**
     * The condition that the MD5 of {@code session_data} is {@code ?} (32 lower-case hex digits of its
     * UTF-8 bytes), so a compare-and-set sends a digest instead of the data a second time; {@code null}
     * where the database has no MD5 function, and the full data is compared.
     */
    @Nullable String dataDigestMatches(String column) {
        return null;
    }

    /** Deletes at most {@code ?2} rows with {@code expire_date < ?1}. */
    abstract String deleteExpiredBatch(String table, String expireDate, String key);

    /** A query with one parameter (the unquoted table name) that returns a row if the table exists. */
    abstract String tableExists();

    /** A query with two parameters (table, column) that returns a row if the column exists. */
    abstract String columnExists();

    /** Whether DDL runs inside a transaction (so a half-created schema is rolled back). */
    abstract boolean transactionalDdl();

    /**
     * Driver properties for a pool the engine builds: timeouts, statement caching, SQLite's WAL mode.
     * Properties the URL already sets are left to the URL.
     */
    abstract Map<String, String> driverProperties(Duration connectTimeout, Duration statementTimeout);

    /** Where the database is, for messages: {@code PostgreSQL at 127.0.0.1:5432}. Never holds a password. */
    abstract String describe(String jdbcUrl);

    /** Whether a driver for this URL is on the class path. */
    boolean driverPresent(String jdbcUrl) {
        return isPresent(driverClass());
    }

    /** Rewrites the URL if the driver needs it to accept it; by default, as it is. */
    String driverUrl(String jdbcUrl) {
        return jdbcUrl;
    }

    /** Returns the dialect for a JDBC URL, or {@code null} if it names no database the engine supports. */
    static @Nullable SqlDialect forUrl(String jdbcUrl) {
        String url = jdbcUrl.toLowerCase(Locale.ROOT);
        if (url.startsWith("jdbc:sqlite:")) {
            return new SqliteDialect();
        }
        if (url.startsWith("jdbc:postgresql:")) {
            return new PostgresDialect();
        }
        if (url.startsWith("jdbc:mariadb:") || url.startsWith("jdbc:mysql:")) {
            return new MariaDbDialect();
        }
        return null;
    }

    /** Returns the dialect for a product name from {@code DatabaseMetaData}, or {@code null}. */
    static @Nullable SqlDialect forProduct(String productName) {
        String name = productName.toLowerCase(Locale.ROOT);
        if (name.contains("sqlite")) {
            return new SqliteDialect();
        }
        if (name.contains("postgres")) {
            return new PostgresDialect();
        }
        if (name.contains("mariadb") || name.contains("mysql")) {
            return new MariaDbDialect();
        }
        return null;
    }

    /** The {@code host:port} list of a {@code jdbc:<db>://host[:port][,host[:port]]/...} URL. */
    static String hostsOf(String jdbcUrl, int defaultPort) {
        int start = jdbcUrl.indexOf("//");
        if (start < 0) {
            return "localhost:" + defaultPort;
        }
        int end = start + 2;
        while (end < jdbcUrl.length() && "/?;".indexOf(jdbcUrl.charAt(end)) < 0) {
            end++;
        }
        String authority = jdbcUrl.substring(start + 2, end);
        authority = authority.substring(authority.lastIndexOf('@') + 1); // never show user:password@
        if (authority.isEmpty()) {
            return "localhost:" + defaultPort;
        }
        StringBuilder hosts = new StringBuilder();
        for (String host : authority.split(",")) {
            if (hosts.length() > 0) {
                hosts.append(',');
            }
            boolean hasPort = host.startsWith("[") ? host.contains("]:") : host.contains(":");
            hosts.append(hasPort ? host : host + ":" + defaultPort);
        }
        return hosts.toString();
    }

    /** Keeps the properties whose name the URL's query string does not already set. */
    static Map<String, String> unlessInUrl(String jdbcUrl, Map<String, String> properties) {
        int query = jdbcUrl.indexOf('?');
        Map<String, String> kept = new LinkedHashMap<>(properties);
        if (query >= 0) {
            for (String parameter : jdbcUrl.substring(query + 1).split("&")) {
                int equals = parameter.indexOf('=');
                String name = equals >= 0 ? parameter.substring(0, equals) : parameter;
                kept.keySet().removeIf(key -> key.equalsIgnoreCase(name));
            }
        }
        return kept;
    }

    /** Whole seconds, rounded up, at least one: drivers that take seconds treat 0 as "wait forever". */
    static String seconds(Duration duration) {
        long millis = duration.toMillis();
        return Long.toString(Math.max(1, (millis + 999) / 1000));
    }

    static boolean isPresent(String className) {
        try {
            Class.forName(className, false, SqlDialect.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    @Override
    public String toString() {
        return displayName();
    }
}
