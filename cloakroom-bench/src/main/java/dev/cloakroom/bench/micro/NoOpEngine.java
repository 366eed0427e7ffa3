package dev.cloakroom.bench.micro;

import dev.cloakroom.SaveResult;
import dev.cloakroom.ServerSideEngine;
import dev.cloakroom.StoredSession;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * An engine that stores nothing and always has one session: every load returns {@code stored} under the
 * key asked for, every write succeeds. Isolates the middleware and the session from storage.
 */
final class NoOpEngine implements ServerSideEngine {

    private final StoredSession stored;

    NoOpEngine(StoredSession stored) {
        this.stored = stored;
    }

    @Override
    public Optional<StoredSession> load(String key) {
        return Optional.of(stored.withKey(key));
    }

    @Override
    public boolean create(StoredSession session) {
        return true;
    }

    @Override
    public SaveResult save(@Nullable StoredSession loaded, StoredSession next) {
        return SaveResult.SAVED;
    }

    @Override
    public void delete(String key) {
        // Nothing is stored.
    }

    @Override
    public boolean exists(String key) {
        return true;
    }

    @Override
    public int clearExpired() {
        return 0;
    }
}
