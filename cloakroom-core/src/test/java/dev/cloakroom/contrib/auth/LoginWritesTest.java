package dev.cloakroom.contrib.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cloakroom.Session;
import dev.cloakroom.SessionInterruptedException;
import dev.cloakroom.SessionSettings;
import dev.cloakroom.StoredSession;
import dev.cloakroom.testkit.CountingEngine;
import dev.cloakroom.testkit.MutableClock;
import dev.cloakroom.engine.MemoryEngine;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A login writes the new key's record once, at the end-of-request save, with the login in it; the old
 * record is gone as soon as {@link Auth#login} returns, and the new record never overwrites another.
 */
class LoginWritesTest {

    private final MutableClock clock = MutableClock.at(Instant.parse("2024-01-01T00:00:00Z"));
    private final MemoryEngine memory = MemoryEngine.create(clock);
    private final CountingEngine engine = CountingEngine.wrap(memory);
    private final SessionSettings settings =
            SessionSettings.builder().secretKey("test-secret").clock(clock).build();
    private final AuthUser alice = AuthUser.of("1", "pbkdf2_sha256$1$salt$hash");

    @Test
    void aLoginWithoutACookieIsOneWrite() {
        Session session = Session.open(engine, settings, null);
        Auth.login(session, alice);
        assertThat(engine.writes).as("writes before the save").hasValue(0);
        String key = session.key();
        assertThat(key).as("the new key is known at once").isNotNull();
        assertThat(session.isModified()).isTrue();
        assertThat(session.isSaved()).isFalse();

        session.save();

        assertThat(engine.writes).as("writes for the whole login").hasValue(1);
        assertThat(session.key()).isEqualTo(key);
        assertThat(memory.load(key)).get().extracting(StoredSession::userId).isEqualTo("1");
        assertThat(Session.open(memory, settings, key).get(Auth.USER_ID_KEY)).isEqualTo("1");
    }

    @Test
    void theOldRecordIsDeletedAtLoginAndTheNewOneCreatedAtSave() {
        Session anonymous = Session.open(memory, settings, null);
        anonymous.put("cart", List.of(3));
        anonymous.save();
        String planted = anonymous.key();

        Session session = Session.open(engine, settings, planted);
        Auth.login(session, alice);
        String fresh = session.key();
        assertThat(fresh).isNotNull().isNotEqualTo(planted);
        assertThat(memory.exists(planted)).as("old record, right after login").isFalse();
        assertThat(memory.exists(fresh)).as("new record, before the save").isFalse();

        session.save();

        assertThat(engine.writes).as("the old record's delete and the new one's create").hasValue(2);
        assertThat(memory.exists(planted)).isFalse();
        Session reread = Session.open(memory, settings, fresh);
        assertThat(reread.get("cart")).isEqualTo(List.of(3));
        assertThat(reread.get(Auth.USER_ID_KEY)).isEqualTo("1");
    }

    @Test
    void theSaveNeverWritesOverARecordThatTookTheNewKeyMeanwhile() {
        Session session = Session.open(engine, settings, null);
        Auth.login(session, alice);
        String reserved = session.key();
        StoredSession squatter =
                new StoredSession(reserved, "someone else's", clock.instant().plusSeconds(60), null);
        assertThat(memory.create(squatter)).isTrue();

        session.save();

        assertThat(session.key()).isNotNull().isNotEqualTo(reserved);
        assertThat(memory.load(reserved)).get().extracting(StoredSession::data).isEqualTo("someone else's");
        assertThat(Session.open(memory, settings, session.key()).get(Auth.USER_ID_KEY)).isEqualTo("1");
    }

    @Test
    void deletingBeforeTheSaveLeavesNothingToSave() {
        Session session = Session.open(engine, settings, null);
        session.put("a", 1);
        session.cycleKeyAtSave();
        String key = session.key();
        session.delete();

        assertThatThrownBy(session::save).isInstanceOf(SessionInterruptedException.class);
        assertThat(memory.exists(key)).isFalse();
    }

    @Test
    void flushAfterTheCycleStartsAFreshSession() {
        Session session = Session.open(engine, settings, null);
        Auth.login(session, alice);
        session.flush();
        session.put("after", "logout");
        session.save();

        assertThat(Session.open(memory, settings, session.key()).entries())
                .extracting(java.util.Map.Entry::getKey).containsExactly("after");
    }
}
