package dev.cloakroom;

import dev.cloakroom.SessionListener.Rejection;
import dev.cloakroom.internal.SecurityLog;
import dev.cloakroom.internal.SessionKeys;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * A session kept in the cookie ({@link ClientSideEngine}): the key is the signed data, saving re-signs it,
 * and nothing on the server can be deleted or looked up. The per-session expiry is checked here, counted
 * from when the cookie was signed, with {@link StoredExpiry}'s rules.
 */
final class CookieStorage implements SessionStorage {

    /**
     * The longest cookie value a client-side engine is asked to read: twice what a browser keeps (4096
     * bytes per cookie), so anything longer never came from this server and is not even verified.
     */
    private static final int MAX_COOKIE_VALUE = 8192;

    private final ClientSideEngine engine;
    private final SessionSettings settings;

    CookieStorage(ClientSideEngine engine, SessionSettings settings) {
        this.engine = engine;
        this.settings = settings;
    }

    @Override
    public SessionEngine engine() {
        return engine;
    }

    @Override
    public boolean isStoredOnServer() {
        return false;
    }

    @Override
    public boolean isUsableKey(@Nullable String candidate) {
        if (candidate != null && candidate.length() > MAX_COOKIE_VALUE) {
            SecurityLog.suspicious("Ignoring a session cookie of " + candidate.length()
                    + " characters, over the " + MAX_COOKIE_VALUE + " a session cookie can have");
            settings.events().rejected(Rejection.OVERSIZED_COOKIE);
            return false;
        }
        // Django's rule for every engine: a key shorter than 8 characters is no key, silently.
        return candidate != null && candidate.length() >= SessionKeys.MIN_LENGTH;
    }

    @Override
    public Map<String, Object> load(SessionState state, String key) {
        Optional<ClientSideEngine.CookieSession> cookie = engine.read(key);
        if (cookie.isEmpty()) {
            settings.events().rejected(Rejection.INVALID_COOKIE);
        } else if (expired(state, cookie.get())) {
            settings.events().expired(key);
        } else {
            return cookie.get().data();
        }
        state.key = null; // as on the server: a cookie naming no valid session names nothing
        state.changed(); // Django re-issues a cookie for the empty session
        return new LinkedHashMap<>();
    }

    /** Whether the cookie's own per-session expiry, counted from when it was written, has passed. */
    private boolean expired(SessionState state, ClientSideEngine.CookieSession cookie) {
        Instant now = settings.clock().instant();
        StoredExpiry expiry = state.expiry(cookie.data(), now);
        if (!expiry.isCustom() && !settings.hasExpiryPolicy()) {
            return false; // the signature's age already bounds the cookie to cookieAge
        }
        Instant expiresAt = ExpiryPolicy.expiresAt(settings, cookie.data(), cookie.writtenAt(),
                expiry.date(cookie.writtenAt(), settings.cookieAge()));
        if (expiresAt.isAfter(now)) {
            state.storedExpiresAt = expiresAt;
            return false;
        }
        SecurityLog.suspicious("Rejected a session cookie: its session expired at " + expiresAt);
        return true;
    }

    @Override
    public void save(SessionState state, Supplier<Map<String, Object>> data) {
        String oldKey = state.key;
        String newKey = write(state, data.get());
        if (oldKey == null) {
            settings.events().created(newKey);
        }
    }

    private String write(SessionState state, Map<String, Object> values) {
        ExpiryPolicy.stampCreated(settings, values, settings.clock().instant());
        String newKey = engine.write(values);
        state.key = newKey;
        state.modified = true;
        state.saved = true;
        return newKey;
    }

    /** Re-signs the cookie; the old cookie stays valid until it expires. */
    @Override
    public void cycleKey(SessionState state, Map<String, Object> data) {
        String oldKey = state.key;
        String newKey = write(state, data);
        if (oldKey == null) {
            settings.events().created(newKey);
        } else {
            settings.events().keyCycled(oldKey, newKey);
        }
    }

    /** Drops the key and the data: the browser is told to delete the cookie, which is all there is. */
    @Override
    public void delete(SessionState state) {
        state.key = null;
        state.cache = new LinkedHashMap<>();
        state.changed();
    }

    @Override
    public void deleteOther(String otherKey) {
        // Nothing is stored on the server.
    }

    @Override
    public boolean exists(String key) {
        return false;
    }

    @Override
    public String toString() {
        return "CookieStorage[" + engine + "]";
    }
}
