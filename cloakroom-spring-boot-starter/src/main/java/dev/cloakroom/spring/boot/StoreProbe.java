package dev.cloakroom.spring.boot;

import dev.cloakroom.ServerSideEngine;
import dev.cloakroom.SessionEngine;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Asks the session store whether it answers, for the health indicators: a server-side engine is asked whether
 * a random key exists; a cookie engine has no store and always answers.
 */
final class StoreProbe {

    private final SessionEngine engine;

    StoreProbe(SessionEngine engine) {
        this.engine = engine;
    }

    /** Returns null if the store answered, or what it threw. */
    @Nullable RuntimeException failure() {
        if (engine instanceof ServerSideEngine serverSide) {
            try {
                serverSide.exists(UUID.randomUUID().toString().replace("-", ""));
            } catch (RuntimeException e) {
                return e;
            }
        }
        return null;
    }

    /** The engine, as its {@code toString()} describes it (no passwords). */
    String engine() {
        return engine.toString();
    }
}
