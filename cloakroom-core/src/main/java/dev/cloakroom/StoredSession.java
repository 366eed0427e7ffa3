package dev.cloakroom;

import dev.cloakroom.internal.SessionKeys;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One session as an engine stores it: Django's {@code django_session} row.
 *
 * <p>{@code data} is Django's encoded {@code session_data} (signed, optionally compressed JSON); engines
 * store it as it is and never decode it. Because an engine hands back exactly the string it stored,
 * {@code data} doubles as the version that compare-and-set saves compare against.
 *
 * @param key the session key, 32 characters from {@code a-z0-9} for keys Cloakroom makes
 * @param data Django's encoded session data
 * @param expiresAt when the session expires; engines do not return it after this instant
 * @param userId the value of the session's user id entry ({@code _auth_user_id} by default) when the
 *     session was encoded, for engines that index sessions by user; {@code null} when absent
 */
public record StoredSession(String key, String data, Instant expiresAt, @Nullable String userId) {

    /** Creates a stored session, checking that no component but {@code userId} is null. */
    public StoredSession {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    /** Returns whether this session has expired at {@code now} (Django: {@code expire_date <= now}). */
    public boolean isExpiredAt(Instant now) {
        return !expiresAt.isAfter(now);
    }

    /** Returns a copy under another key. */
    public StoredSession withKey(String newKey) {
        return new StoredSession(newKey, data, expiresAt, userId);
    }

    @Override
    public String toString() {
        return "StoredSession[key=…" + SessionKeys.suffix(key) + ", data=" + data.length() + " chars"
                + ", expiresAt=" + expiresAt + ", userId=" + userId + "]";
    }
}
