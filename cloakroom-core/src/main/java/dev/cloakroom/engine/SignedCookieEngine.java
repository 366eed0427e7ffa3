package dev.cloakroom.engine;

import dev.cloakroom.ClientSideEngine;
import dev.cloakroom.Session;
import dev.cloakroom.SessionSettings;
import dev.cloakroom.SessionTooLargeException;
import dev.cloakroom.internal.JsonValues;
import dev.cloakroom.internal.SecurityLog;
import dev.cloakroom.signing.BadSignatureException;
import dev.cloakroom.signing.ObjectSigner;
import dev.cloakroom.signing.Salts;
import dev.cloakroom.signing.UnreadablePayloadException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code signed_cookies} engine: the cookie carries the whole session, signed with Django's format
 * and salt ({@code django.contrib.sessions.backends.signed_cookies}) and compressed when that helps.
 * Nothing is stored on the server.
 *
 * <p>What follows from that, and differs from server-side engines:
 * <ul>
 *   <li>The signature's timestamp bounds a cookie's life to {@code cookieAge}, as in Django. A shorter
 *       expiry set with {@link Session#setExpiry} is enforced by {@link Session} when the cookie is read
 *       too, counted from that timestamp (Django ignores it, so a replayed short-lived cookie stays valid
 *       for two weeks there).</li>
 *   <li>A cookie cannot be revoked: after {@code cycleKey} or logout the old cookie still loads until it
 *       expires. Rotate the secret key to invalidate every cookie at once.</li>
 *   <li>There is no compare-and-set: the state is the cookie, so of two concurrent requests the browser
 *       keeps whichever response arrives last.</li>
 *   <li>A session whose cookie would exceed 4096 bytes fails at save with {@link SessionTooLargeException}
 *       instead of being silently dropped by the browser.</li>
 * </ul>
 * Thread-safe.
 */
public final class SignedCookieEngine implements ClientSideEngine {

    /** The largest {@code name=value} browsers are required to keep. */
    public static final int MAX_COOKIE_BYTES = 4096;

    private final ObjectSigner signer;
    private final Duration maxAge;
    private final String cookieName;
    private final Clock clock;

    private SignedCookieEngine(SessionSettings settings) {
        this.clock = settings.clock();
        this.signer = new ObjectSigner(settings.secretKey(), Salts.SIGNED_COOKIES, clock,
                settings.maxDecompressedBytes());
        this.maxAge = settings.cookieAge();
        this.cookieName = settings.cookieName();
    }

    /** Creates the engine with the secret key, cookie age, name and clock of {@code settings}. */
    public static SignedCookieEngine create(SessionSettings settings) {
        return new SignedCookieEngine(settings);
    }

    @Override
    public Optional<CookieSession> read(String cookieValue) {
        try {
            ObjectSigner.Loaded loaded = signer.loads(cookieValue, maxAge);
            if (!(loaded.value() instanceof Map<?, ?> map)) {
                SecurityLog.suspicious("Rejected a signed session cookie: its payload is not a JSON object");
                return Optional.empty();
            }
            return Optional.of(new CookieSession(JsonValues.copyMap(map), loaded.timestamp()));
        } catch (BadSignatureException e) {
            SecurityLog.suspicious("Rejected a signed session cookie: " + e.getMessage());
        } catch (UnreadablePayloadException e) {
            SecurityLog.suspicious("Rejected an unreadable signed session cookie: " + e.getMessage());
        }
        return Optional.empty();
    }

    @Override
    public String write(Map<String, Object> data) {
        String value = signer.dumps(data, true);
        int size = cookieName.length() + 1 + value.length();
        if (size > MAX_COOKIE_BYTES) {
            throw new SessionTooLargeException("The signed session cookie would be " + size
                    + " bytes, over the " + MAX_COOKIE_BYTES + " bytes browsers keep; "
                    + "store less in the session or use a server-side engine (db, cache, cached_db, file)");
        }
        return value;
    }

    @Override
    public String toString() {
        return "SignedCookieEngine[maxAge=" + maxAge.toSeconds() + "s]";
    }
}
