package dev.cloakroom.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cloakroom.ServerSideEngine;
import dev.cloakroom.SessionEngine;
import dev.cloakroom.SessionSettings;
import dev.cloakroom.StoredSession;
import dev.cloakroom.contract.ServerSideEngineContract;
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
