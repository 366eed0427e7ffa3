package dev.cloakroom.djangoauth;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/** The SQL of {@link DjangoUsers}: one statement per call, on a connection taken from the data source. */
final class UserTable {

    /** A row: the user and whether {@code is_active} is set. */
    record Row(DjangoUser user, boolean active) {
    }

    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern INTEGER = Pattern.compile("-?[0-9]{1,18}");
    private static final DateTimeFormatter SQLITE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");

    private final DataSource dataSource;
    private final String table;
    private final String select;
    private final String updatePassword;
    private final @Nullable String updateLastLogin;
    private final String backend;
    private final String idColumn;
    private final String usernameColumn;

    UserTable(DataSource dataSource, String table, String id, String username, String password,
            @Nullable String isActive, @Nullable String lastLogin, String backend) {
        this.dataSource = dataSource;
        this.table = identifier(table);
        this.select = "SELECT " + identifier(id) + ", " + identifier(username) + ", " + identifier(password)
                + ", " + (isActive == null ? "1" : identifier(isActive)) + " FROM " + this.table + " WHERE ";
        this.updatePassword = "UPDATE " + this.table + " SET " + password + " = ? WHERE " + id + " = ? AND "
                + password + " = ?";
        this.updateLastLogin = lastLogin == null ? null
                : "UPDATE " + this.table + " SET " + identifier(lastLogin) + " = ? WHERE " + id + " = ?";
        this.backend = backend;
        this.idColumn = id;
        this.usernameColumn = username;
    }

    Optional<Row> byId(String id) {
        return query(select + idColumn + " = ?", id, true, "look up a user by id");
    }

    Optional<Row> byUsername(String username) {
        return query(select + usernameColumn + " = ?", username, false, "look up a user by username");
    }

    /** Replaces {@code oldHash} by {@code newHash}, unless another request changed it meanwhile. */
    boolean replacePassword(String id, String oldHash, String newHash) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(updatePassword)) {
            s.setString(1, newHash);
            bindId(s, 2, id);
            s.setString(3, oldHash);
            return s.executeUpdate() == 1;
        } catch (SQLException e) {
            throw failure("update a password", e);
        }
    }

    void setLastLogin(String id, Instant when) {
        if (updateLastLogin == null) {
            return;
        }
        Instant micros = when.truncatedTo(ChronoUnit.MICROS);
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(updateLastLogin)) {
            String product = c.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT);
            if (product.contains("sqlite")) {
                // Django's text
                s.setString(1, SQLITE.format(LocalDateTime.ofInstant(micros, ZoneOffset.UTC)));
            } else if (product.contains("postgres")) {
                s.setObject(1, OffsetDateTime.ofInstant(micros, ZoneOffset.UTC));
            } else {
                s.setObject(1, LocalDateTime.ofInstant(micros, ZoneOffset.UTC)); // MySQL, MariaDB: naive UTC
            }
            bindId(s, 2, id);
            s.executeUpdate();
        } catch (SQLException e) {
            throw failure("update last_login", e);
        }
    }

    private Optional<Row> query(String sql, String value, boolean isId, String what) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            if (isId) {
                bindId(s, 1, value);
            } else {
                s.setString(1, value);
            }
            try (ResultSet row = s.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                String hash = row.getString(3);
                return Optional.of(new Row(new DjangoUser(row.getString(1), row.getString(2),
                        hash == null ? "" : hash, backend), row.getBoolean(4)));
            }
        } catch (SQLException e) {
            throw failure(what, e);
        }
    }

    /** Integer keys (Django's default {@code AutoField}) are bound as numbers, others as text. */
    private static void bindId(PreparedStatement s, int index, String id) throws SQLException {
        if (INTEGER.matcher(id).matches()) {
            s.setLong(index, Long.parseLong(id));
        } else {
            s.setString(index, id);
        }
    }

    private DjangoUsersException failure(String what, SQLException e) {
        return new DjangoUsersException("Could not " + what + " in Django's user table " + table + ": "
                + e.getMessage(), e);
    }

    static String identifier(String name) {
        if (!IDENTIFIER.matcher(name).matches()) {
            throw new IllegalArgumentException("Not a plain SQL identifier: '" + name + "'");
        }
        return name;
    }
}
