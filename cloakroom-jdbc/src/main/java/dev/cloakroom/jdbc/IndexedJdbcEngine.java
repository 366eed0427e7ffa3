package dev.cloakroom.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import dev.cloakroom.SessionSummary;
import dev.cloakroom.UserSessionIndex;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * The {@code db} engine with a user column ({@link JdbcEngineBuilder#userColumn()}): it also indexes
 * sessions by user, with one statement on the column's index per call.
 */
final class IndexedJdbcEngine extends JdbcEngine implements UserSessionIndex {

    IndexedJdbcEngine(DataSource dataSource, @Nullable HikariDataSource ownedPool, SqlDialect dialect,
            String jdbcUrl, String table, String userColumn, Clock clock, int batchSize, Duration pause,
            boolean hashKeys) {
        super(dataSource, ownedPool, dialect, jdbcUrl, table, userColumn, clock, batchSize, pause, hashKeys);
    }

    /**
     * Returns the user's live sessions, soonest expiry first: one query on the user column's index. Their
     * keys are the stored keys: hashes when the engine hashes keys.
     *
     * @throws SessionStorageException if the database fails
     */
    @Override
    public List<SessionSummary> sessionsOf(String userId) {
        String query = Objects.requireNonNull(sql.sessionsOf());
        Objects.requireNonNull(userId, "userId");
        return connections.read("list a user's sessions", null, c -> {
            try (PreparedStatement statement = c.prepareStatement(query)) {
                statement.setString(1, userId);
                dialect.bindInstant(statement, 2, clock.instant());
                List<SessionSummary> sessions = new ArrayList<>();
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        sessions.add(new SessionSummary(rows.getString(1), dialect.readInstant(rows, 2),
                                null));
                    }
                }
                return sessions;
            }
        });
    }

    /**
     * Deletes every session of the user, expired or not, except {@code exceptKey}: one statement on the
     * user column's index. {@code exceptKey} is a session key, hashed first when the engine hashes keys.
     *
     * @throws SessionStorageException if the database fails
     */
    @Override
    public int revokeAll(String userId, @Nullable String exceptKey) {
        String all = Objects.requireNonNull(sql.revokeAll());
        Objects.requireNonNull(userId, "userId");
        return connections.call("revoke a user's sessions", null, c -> {
            String delete = exceptKey == null ? all : Objects.requireNonNull(sql.revokeAllExcept());
            try (PreparedStatement statement = c.prepareStatement(delete)) {
                statement.setString(1, userId);
                if (exceptKey != null) {
                    statement.setString(2, storedKey(exceptKey));
                }
                return statement.executeUpdate();
            }
        });
    }
}
