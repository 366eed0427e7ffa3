package dev.cloakroom.bench.load;

import dev.cloakroom.bench.endpoints.Endpoint;
import dev.cloakroom.bench.endpoints.EndpointServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * The floor on PostgreSQL, in autocommit on its own HikariCP pool: read is one {@code SELECT} on the primary
 * key; increment is that {@code SELECT} and one {@code UPDATE}; login is one {@code INSERT}.
 */
final class RawSqlServlet extends EndpointServlet {

    private static final long serialVersionUID = 1L;

    static final String TABLE = "bench_raw_session";
    static final String DDL = "CREATE TABLE IF NOT EXISTS " + TABLE
            + " (session_key varchar(40) PRIMARY KEY, "
            + "session_data text NOT NULL, expire_date timestamp with time zone NOT NULL)";

    private final transient DataSource dataSource;

    RawSqlServlet(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    protected String read(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String key = cookie(request, RawSessions.COOKIE);
        try (Connection c = dataSource.getConnection()) {
            return RawSessions.user(key != null && RawSessions.usable(key) ? select(c, key) : null);
        } catch (SQLException e) {
            throw new IOException("raw SQL read failed", e);
        }
    }

    @Override
    protected String incr(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String key = cookie(request, RawSessions.COOKIE);
        try (Connection c = dataSource.getConnection()) {
            String value = key != null && RawSessions.usable(key) ? select(c, key) : null;
            if (value == null) {
                return "no session";
            }
            int next = RawSessions.count(value) + 1;
            try (PreparedStatement s = c.prepareStatement("UPDATE " + TABLE
                    + " SET session_data = ? WHERE session_key = ?")) {
                s.setString(1, RawSessions.value(RawSessions.user(value), next));
                s.setString(2, key);
                s.executeUpdate();
            }
            return String.valueOf(next);
        } catch (SQLException e) {
            throw new IOException("raw SQL increment failed", e);
        }
    }

    @Override
    protected String login(HttpServletRequest request, HttpServletResponse response, String userId)
            throws IOException {
        String key = RawSessions.newKey();
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("INSERT INTO " + TABLE
                        + " (session_key, session_data, expire_date) VALUES (?, ?, ?)")) {
            s.setString(1, key);
            s.setString(2, RawSessions.value(userId, 0));
            s.setObject(3, OffsetDateTime.ofInstant(Instant.now().plus(RawSessions.AGE), ZoneOffset.UTC));
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IOException("raw SQL login failed", e);
        }
        RawSessions.setCookie(response, key);
        return "logged in";
    }

    private static @Nullable String select(Connection c, String key) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT session_data FROM " + TABLE
                + " WHERE session_key = ? AND expire_date > ?")) {
            s.setString(1, key);
            s.setObject(2, OffsetDateTime.now(ZoneOffset.UTC));
            try (ResultSet row = s.executeQuery()) {
                return row.next() ? row.getString(1) : null;
            }
        }
    }
}
