package dev.cloakroom.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cloakroom.ListingStats;
import dev.cloakroom.ServerSideEngine;
import dev.cloakroom.SessionEngine;
import dev.cloakroom.SessionSettings;
import dev.cloakroom.StoredSession;
import dev.cloakroom.testkit.ServerSideEngineContract;
import dev.cloakroom.internal.SessionKeys;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class MemoryEngineTest extends ServerSideEngineContract {

    @Override
    protected ServerSideEngine newEngine(SessionSettings settings) {
        return MemoryEngine.create(settings.clock());
    }

    /** The listing: expired records are found, live ones listed soonest expiry first, all counted. */
    @Test
    void listingFindsListsAndCountsStoredSessions() {
        MemoryEngine memory = (MemoryEngine) engine;
        StoredSession later = new StoredSession("laterkey0000", "abcd", clock.instant().plusSeconds(120),
                "7");
        StoredSession sooner = new StoredSession("soonerkey000", "ab", clock.instant().plusSeconds(60), null);
        StoredSession expired = new StoredSession("expiredkey00", "abcdef", clock.instant(), null);
        for (StoredSession s : List.of(later, sooner, expired)) {
            assertThat(memory.create(s)).isTrue();
        }
        assertThat(memory.find("expiredkey00")).contains(expired);
        assertThat(memory.find("nosuchkey000")).isEmpty();
        assertThat(memory.live(clock.instant(), 0)).containsExactly(sooner, later);
        assertThat(memory.live(clock.instant(), 1)).containsExactly(sooner);
        assertThat(memory.stats(clock.instant())).isEqualTo(new ListingStats(2, 1, 12, 6));
        assertThatThrownBy(() -> memory.live(clock.instant(), -1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** Sign out everywhere while the user's sessions are being saved: none of them survives. */
    @Test
    void revokeAllRacingSavesRevokesEverySession() throws Exception {
        MemoryEngine memory = (MemoryEngine) engine;
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            for (int round = 0; round < 1000; round++) {
                List<String> keys = new ArrayList<>();
                for (int i = 0; i < 20; i++) {
                    String key = SessionKeys.generate();
                    memory.create(new StoredSession(key, "v0", clock.instant().plusSeconds(60), "alice"));
                    keys.add(key);
                }
                AtomicBoolean stop = new AtomicBoolean();
                List<Future<?>> savers = new ArrayList<>();
                for (int t = 0; t < 3; t++) {
                    savers.add(pool.submit(() -> {
                        while (!stop.get()) {
                            for (String key : keys) {
                                memory.load(key).ifPresent(s -> memory.save(s, new StoredSession(
                                        key, "v" + System.nanoTime(), s.expiresAt(), "alice")));
                            }
                        }
                        return null;
                    }));
                }
                memory.revokeAll("alice", null);
                stop.set(true);
                for (Future<?> f : savers) {
                    f.get(1, TimeUnit.MINUTES);
                }
                for (String key : keys) {
                    assertThat(memory.exists(key)).as("round %d: a revoked session survived", round)
                            .isFalse();
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
