package dev.cloakroom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cloakroom.testkit.ForwardingEngine;
import dev.cloakroom.engine.MemoryEngine;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * The edges of {@link Session#save()} that no real engine produces on demand: a key already taken at
 * create, conflicts that never stop, a record that vanishes between a conflict and the reload, and the
 * last-writer-wins path of {@link Session#markModified()}. Every engine's own behaviour is in the contract.
 */
class SessionSaveTest {

    private final SessionSettings settings = SessionSettings.builder().secretKey("save-test-secret")
            .maxSaveAttempts(3).build();
    private final MemoryEngine memory = MemoryEngine.create();

    /** A memory engine whose answers a test can script. */
    private final class ScriptedEngine extends ForwardingEngine {
        final List<String> createdKeys = new ArrayList<>();
        final AtomicInteger saves = new AtomicInteger();
        int takenKeys;
        boolean alwaysConflict;
        boolean vanishOnConflict;

        ScriptedEngine() {
            super(memory);
        }

        @Override
        public boolean create(StoredSession session) {
            createdKeys.add(session.key());
            if (takenKeys > 0) {
                takenKeys--;
                return false;
            }
            return memory.create(session);
        }

        @Override
        public SaveResult save(@Nullable StoredSession loaded, StoredSession next) {
            saves.incrementAndGet();
            if (vanishOnConflict) {
                memory.delete(next.key());
                return SaveResult.CONFLICT;
            }
            return alwaysConflict ? SaveResult.CONFLICT : memory.save(loaded, next);
        }
    }

    private final ScriptedEngine engine = new ScriptedEngine();

    private String savedSession(Map<String, Object> values) {
        Session session = Session.open(engine, settings, null);
        values.forEach(session::put);
        session.save();
        return session.key();
    }

    private Session withNChangedToTwo(String key) {
        Session session = Session.open(engine, settings, key);
        session.put("n", 2);
        return session;
    }

    @Test
    void aTakenKeyAtCreateIsReplacedByAFreshOne() {
        engine.takenKeys = 2;
        String key = savedSession(Map.of("cart", List.of("book")));

        assertThat(engine.createdKeys).hasSize(3).doesNotHaveDuplicates().endsWith(key);
        assertThat(key).matches("[a-z0-9]{32}");
        assertThat(Session.open(memory, settings, key).get("cart")).isEqualTo(List.of("book"));
        assertThat(memory.exists(engine.createdKeys.get(0))).isFalse();
    }

    @Test
    void conflictsThatNeverStopEndInAClearErrorAfterMaxSaveAttempts() {
        String key = savedSession(Map.of("n", 1));
        engine.alwaysConflict = true;
        Session session = withNChangedToTwo(key);

        assertThatThrownBy(session::save).isInstanceOf(SessionException.class)
                .isNotInstanceOf(SessionInterruptedException.class)
                .hasMessageContaining("in 3 attempts").hasMessageContaining("at the same time");
        assertThat(engine.saves.get()).isEqualTo(3);
        assertThat(Session.open(memory, settings, key).get("n")).isEqualTo(1);
    }

    @Test
    void byDefaultConflictsAreRetriedUntilTheSaveRetryTimeoutNotForAFixedCount() {
        SessionSettings patient = SessionSettings.builder().secretKey("save-test-secret")
                .saveRetryTimeout(Duration.ofMillis(300)).build();
        assertThat(patient.maxSaveAttempts()).isEqualTo(Integer.MAX_VALUE);
        Session first = Session.open(engine, patient, null);
        first.put("n", 1);
        first.save();
        engine.alwaysConflict = true;
        Session session = Session.open(engine, patient, first.key());
        session.put("n", 2);

        assertThatThrownBy(session::save).isInstanceOf(SessionException.class)
                .hasMessageContaining("attempts over").hasMessageContaining("at the same time");
        assertThat(engine.saves.get()).isGreaterThan(10);
        assertThat(Session.open(memory, patient, first.key()).get("n")).isEqualTo(1);
    }

    @Test
    void theDefaultsBoundSaveRetriesByTenSecondsRatherThanByCount() {
        SessionSettings defaults = SessionSettings.builder().secretKey("save-test-secret").build();
        assertThat(defaults.saveRetryTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(defaults.maxSaveAttempts()).isEqualTo(Integer.MAX_VALUE);
        assertThatThrownBy(() -> SessionSettings.builder().saveRetryTimeout(Duration.ofMillis(-1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("saveRetryTimeout");
    }

    @Test
    void aRecordThatVanishesBetweenConflictAndReloadIsNotResurrected() {
        String key = savedSession(Map.of("n", 1));
        engine.vanishOnConflict = true;
        Session session = withNChangedToTwo(key);

        assertThatThrownBy(session::save).isInstanceOf(SessionInterruptedException.class);
        assertThat(memory.exists(key)).isFalse();
    }

    @Test
    @SuppressWarnings("unchecked")
    void markModifiedSavesAValueChangedInPlaceAndWinsOverAConcurrentSave() {
        String key = savedSession(Map.of("prefs", Map.of("theme", "light"), "other", "before"));
        Session mine = Session.open(engine, settings, key);
        Map<String, Object> prefs = (Map<String, Object>) mine.get("prefs");
        Session theirs = Session.open(engine, settings, key);
        theirs.put("other", "changed by another request");
        theirs.save();

        prefs.put("theme", "dark");
        assertThat(mine.isModified()).isFalse();
        mine.markModified();
        assertThat(mine.isModified()).isTrue();
        mine.save();

        Session read = Session.open(memory, settings, key);
        assertThat(read.get("prefs")).isEqualTo(Map.of("theme", "dark"));
        // Last writer wins, as in Django: this request's whole copy is written over the other save.
        assertThat(read.get("other")).isEqualTo("before");
    }

    /** A plain bean (not a record) converts through Jackson at put and reads back as the same type. */
    public static final class Address {
        private String city = "";
        private int zip;

        public String getCity() {
            return city;
        }

        public void setCity(String city) {
            this.city = city;
        }

        public int getZip() {
            return zip;
        }

        public void setZip(int zip) {
            this.zip = zip;
        }
    }

    @Test
    void aPojoIsStoredAsJsonAndReadBackAsItsType() {
        Address address = new Address();
        address.setCity("Zürich");
        address.setZip(8001);
        String key = savedSession(Map.of("address", address));

        Session read = Session.open(memory, settings, key);
        assertThat(read.get("address")).isEqualTo(Map.of("city", "Zürich", "zip", 8001));
        Address back = read.get("address", Address.class);
        assertThat(back.getCity()).isEqualTo("Zürich");
        assertThat(back.getZip()).isEqualTo(8001);
    }
}
