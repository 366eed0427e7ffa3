package dev.cloakroom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cloakroom.testkit.ForwardingEngine;
import dev.cloakroom.engine.MemoryEngine;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * A failed load is final for the rest of the session's life: every later access throws the same storage
 * failure at once and the storage is never asked again, so a request waits for a storage timeout at most
 * once. And {@link Session#isSaved()}: after a save the values are the stored ones, until changed again.
 */
class SessionStorageFailureTest {

    private final SessionSettings settings =
            SessionSettings.builder().secretKey("failure-test-secret").build();
    private final MemoryEngine memory = MemoryEngine.create();

    /** The memory engine, failing every call while {@code down} and counting every call that reaches it. */
    private final class OutageEngine extends ForwardingEngine {
        final AtomicInteger calls = new AtomicInteger();
        boolean down;

        OutageEngine() {
            super(memory);
        }

        private void check(String operation) {
            calls.incrementAndGet();
            if (down) {
                throw new SessionStorageException("Database at 10.1.2.3:5432 (table app_sessions) timed out "
                        + "while " + operation);
            }
        }

        @Override
        public Optional<StoredSession> load(String key) {
            check("loading a session");
            return super.load(key);
        }

        @Override
        public boolean create(StoredSession session) {
            check("creating a session");
            return super.create(session);
        }

        @Override
        public SaveResult save(@Nullable StoredSession loaded, StoredSession next) {
            check("saving a session");
            return super.save(loaded, next);
        }

        @Override
        public void delete(String key) {
            check("deleting a session");
            super.delete(key);
        }
    }

    private final OutageEngine engine = new OutageEngine();

    private String stored(String name, Object value) {
        Session session = Session.open(engine, settings, null);
        session.put(name, value);
        session.save();
        return session.key();
    }

    @Test
    void aFailedLoadIsThrownAgainByEveryLaterAccessWithoutAskingTheStorage() {
        String key = stored("cart", 3);
        engine.down = true;
        engine.calls.set(0);
        Session session = Session.open(engine, settings, key);

        assertThatThrownBy(() -> session.get("cart")).isInstanceOf(SessionStorageException.class)
                .hasMessageContaining("timed out while loading a session");
        engine.down = false; // back: the request still does not try again
        assertThatThrownBy(() -> session.get("cart")).isInstanceOf(SessionStorageException.class)
                .hasMessageContaining("timed out while loading a session")
                .cause().isInstanceOf(SessionStorageException.class);
        assertThatThrownBy(session::keys).isInstanceOf(SessionStorageException.class);
        assertThatThrownBy(() -> session.put("cart", 4)).isInstanceOf(SessionStorageException.class);
        assertThatThrownBy(() -> session.compute("n", n -> 1)).isInstanceOf(SessionStorageException.class);
        assertThatThrownBy(session::entries).isInstanceOf(SessionStorageException.class);
        assertThatThrownBy(session::cycleKey).isInstanceOf(SessionStorageException.class);
        assertThatThrownBy(session::flush).isInstanceOf(SessionStorageException.class);
        session.clear(); // needs no storage
        assertThatThrownBy(session::save).isInstanceOf(SessionStorageException.class)
                .hasMessageContaining("timed out while loading a session");

        assertThat(engine.calls).as("storage calls").hasValue(1);
        assertThat(session.key()).isEqualTo(key);
        assertThat(Session.open(engine, settings, key).get("cart")).as("a new request loads again")
                .isEqualTo(3);
    }

    @Test
    void aFailedSaveIsNotRememberedAndTheNextSaveTriesAgain() {
        String key = stored("n", 1);
        Session session = Session.open(engine, settings, key);
        session.put("n", 2);
        engine.down = true;
        assertThatThrownBy(session::save).isInstanceOf(SessionStorageException.class)
                .hasMessageContaining("saving");
        assertThat(session.isSaved()).isFalse();
        engine.down = false;
        session.save();
        assertThat(session.isSaved()).isTrue();
        assertThat(Session.open(engine, settings, key).get("n")).isEqualTo(2);
    }

    @Test
    void afterASaveTheValuesAreTheStoredOnesEvenWhenAnotherRequestSavedFirst() {
        String key = stored("count", 5);
        Session mine = Session.open(engine, settings, key);
        Long answered = mine.compute("count", Long.class, n -> n + 1);
        Session other = Session.open(engine, settings, key);
        other.compute("count", Long.class, n -> n + 10);
        other.save();

        assertThat(answered).as("computed on the data this request loaded").isEqualTo(6);
        assertThat(mine.isSaved()).isFalse();
        mine.save();
        assertThat(mine.isSaved()).isTrue();
        assertThat(mine.get("count", Long.class)).as("what was stored").isEqualTo(16);
        assertThat(Session.open(engine, settings, key).get("count", Long.class)).isEqualTo(16);
    }

    @Test
    void isSavedTurnsFalseAtTheNextChange() {
        Session session = Session.open(engine, settings, null);
        assertThat(session.isSaved()).isFalse();
        session.put("a", 1);
        session.save();
        assertThat(session.isSaved()).isTrue();
        session.get("a");
        assertThat(session.isSaved()).as("reading changes nothing").isTrue();
        session.put("b", 2);
        assertThat(session.isSaved()).isFalse();
        session.cycleKey();
        assertThat(session.isSaved()).as("cycleKey stores the data under the new key").isTrue();
        session.markModified();
        assertThat(session.isSaved()).isFalse();
        session.save();
        session.remove("a");
        assertThat(session.isSaved()).isFalse();
        session.save();
        session.remove("absent");
        assertThat(session.isSaved()).as("removing nothing changes nothing").isTrue();
        session.clear();
        assertThat(session.isSaved()).isFalse();
    }
}
