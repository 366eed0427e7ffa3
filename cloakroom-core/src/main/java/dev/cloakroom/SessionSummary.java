package dev.cloakroom;

import dev.cloakroom.internal.SessionKeys;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What {@link UserSessionIndex#sessionsOf} tells about one session: enough to list and revoke it.
 *
 * <p>The key is the one the storage holds ({@link ServerSideEngine#storedKey}): the session key, or its
 * hash on an engine that hashes keys at rest. To tell whether a summary is the current session, compare
 * it with {@code engine.storedKey(session.key())} (or use
 * {@link dev.cloakroom.contrib.auth.UserSessions#isCurrent}); to revoke it, pass it to
 * {@link ServerSideEngine#deleteStored}.
 *
 * @param key the stored key: the session key, or its hash on an engine that hashes keys (show only
 *     {@link #keySuffix()} to people)
 * @param expiresAt when it expires
 * @param lastSeen when it was last saved, if the engine records it
 */
public record SessionSummary(String key, Instant expiresAt, @Nullable Instant lastSeen) {

    /** Checks that key and expiry are present. */
    public SessionSummary {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    /** The last six characters of the key: what a page may show. */
    public String keySuffix() {
        return SessionKeys.suffix(key);
    }

    @Override
    public String toString() {
        return "SessionSummary[key=…" + keySuffix() + ", expiresAt=" + expiresAt + ", lastSeen=" + lastSeen
                + "]";
    }
}
