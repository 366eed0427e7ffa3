package dev.cloakroom.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cloakroom.ServerSideEngine;
import dev.cloakroom.Session;
import dev.cloakroom.SessionListing;
import dev.cloakroom.SessionSettings;
import dev.cloakroom.SessionSummary;
import dev.cloakroom.StoredSession;
import dev.cloakroom.UserSessionIndex;
import dev.cloakroom.contrib.auth.UserSessions;
import dev.cloakroom.internal.StoredKeys;
import dev.cloakroom.testkit.ServerSideEngineContract;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * The {@code db} engine with {@code hashKeys(true)}: the core conformance suite, and that the table holds
 * hashes of the keys, never the keys, while listing and revoking still work.
 */
abstract class HashedKeysJdbcContract extends ServerSideEngineContract {

    /** The class's own database. */
    abstract DataSource dataSource();

    /** The class's own table. */
    abstract String table();

    @Override
    protected ServerSideEngine newEngine(SessionSettings settings) {
        return JdbcEngine.builder(dataSource()).table(table()).userColumn().hashKeys(true)
                .clock(settings.clock()).build();
    }

    @Test
    void theTableHoldsTheHashOfTheKeyNeverTheKey() throws SQLException {
        String key = login("7");

        List<String> rows = rows();
        assertThat(rows).noneMatch(row -> row.contains(key));
        assertThat(rows).anyMatch(row -> row.startsWith(StoredKeys.hash(key) + "|"));
        assertThat(engine.load(key)).map(StoredSession::key).hasValue(key);
    }

    @Test
    void theStoredHashUsedAsTheKeyFindsNothing() {
        String key = login("7");
        String hash = StoredKeys.hash(key);

        assertThat(engine.load(hash)).isEmpty();
        assertThat(engine.exists(hash)).isFalse();
        Session stolen = open(hash);
        assertThat(stolen.get("_auth_user_id")).isNull();
        engine.delete(hash);
        assertThat(engine.load(key)).isPresent();
        stolen.put("planted", true);
        assertThat(saved(stolen)).isNotEqualTo(hash).isNotEqualTo(key);
    }

    @Test
    void signingOutEverywhereElseKeepsTheCurrentSession() {
        String current = login("7");
        String phone = login("7");
        String laptop = login("7");
        String otherUser = login("8");
        Session session = open(current);

        assertThat(UserSessions.revokeOthers(session)).isEqualTo(2);

        assertThat(engine.load(phone)).isEmpty();
        assertThat(engine.load(laptop)).isEmpty();
        assertThat(engine.load(otherUser)).isPresent();
        List<SessionSummary> left = UserSessions.sessionsOf(session);
        assertThat(left).extracting(SessionSummary::key).containsExactly(StoredKeys.hash(current));
        assertThat(UserSessions.isCurrent(left.get(0), session)).isTrue();
        assertThat(UserSessions.isCurrent(left.get(0), open(otherUser))).isFalse();
    }

    @Test
    void revokingOneListedSessionDeletesItByItsStoredKey() {
        String kept = login("7");
        String revoked = login("7");
        UserSessionIndex index = (UserSessionIndex) engine;
        SessionListing listing = (SessionListing) engine;
        String listed = StoredKeys.hash(revoked);
        assertThat(index.sessionsOf("7")).extracting(SessionSummary::key)
                .containsExactlyInAnyOrder(StoredKeys.hash(kept), listed);
        assertThat(listing.find(listed)).isPresent();
        assertThat(listing.live(clock.instant(), 0)).extracting(StoredSession::key).contains(listed)
                .doesNotContain(kept, revoked);

        assertThat(engine.deleteStored(listed)).isTrue();

        assertThat(engine.load(revoked)).isEmpty();
        assertThat(engine.load(kept)).isPresent();
        assertThat(engine.deleteStored(listed)).isFalse();
    }

    @Test
    void anEngineWithoutHashingDoesNotFindHashedSessions() {
        String key = login("7");
        try (JdbcEngine plain = JdbcEngine.builder(dataSource()).table(table()).clock(clock).build()) {
            assertThat(plain.load(key)).isEmpty();
            assertThat(plain.load(StoredKeys.hash(key))).isPresent();
        }
    }

    /** A session logged in (verified) as {@code userId}; returns its key. */
    private String login(String userId) {
        Session session = newSession();
        session.put("_auth_user_id", userId);
        session.setVerifiedUser(userId);
        return saved(session);
    }

    /** Every row of the table as {@code key|data|expiry|user}. */
    private List<String> rows() throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = dataSource().getConnection(); Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT session_key, session_data, expire_date, user_id FROM "
                        + table())) {
            while (r.next()) {
                rows.add(r.getString(1) + "|" + r.getString(2) + "|" + r.getString(3) + "|" + r.getString(4));
            }
        }
        return rows;
    }
}
