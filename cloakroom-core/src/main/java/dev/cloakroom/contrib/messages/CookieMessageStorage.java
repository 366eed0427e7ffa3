package dev.cloakroom.contrib.messages;

import dev.cloakroom.SameSite;
import dev.cloakroom.SessionSettings;
import dev.cloakroom.internal.SecurityLog;
import dev.cloakroom.signing.BadSignatureException;
import dev.cloakroom.signing.ObjectSigner;
import dev.cloakroom.signing.Salts;
import dev.cloakroom.signing.UnreadablePayloadException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Messages kept in the signed {@value #COOKIE_NAME} cookie, as Django's {@code CookieStorage}: compact
 * JSON, compressed when that is shorter, signed with salt {@code django.contrib.messages} and key
 * {@code "django.http.cookies" + SECRET_KEY} (fallback keys accepted), at most {@value #MAX_COOKIE_SIZE}
 * bytes. What does not fit is returned by {@link #update()} (or, in a {@link FallbackMessageStorage}, goes
 * to the session), and the cookie then ends with {@code "__messagesnotfinished__"}. A cookie that is
 * tampered with or unreadable is ignored (one WARN on {@code cloakroom.security}) and deleted.
 *
 * <p>This class never touches HTTP: construct it with the request's cookie value and, after
 * {@link #update()}, write {@link #cookieUpdate()} to the response. Not thread-safe: one per request.
 */
public final class CookieMessageStorage extends MessageStorage {

    /** Django's cookie name ({@code CookieStorage.cookie_name}). */
    public static final String COOKIE_NAME = "messages";
    /** Django's limit on the cookie value, in bytes ({@code CookieStorage.max_cookie_size}). */
    public static final int MAX_COOKIE_SIZE = 2048;

    static final String NOT_FINISHED = "__messagesnotfinished__";

    private final @Nullable String cookieValue;
    private final SessionSettings settings;
    private final ObjectSigner signer;
    private @Nullable CookieUpdate cookieUpdate;

    private CookieMessageStorage(@Nullable String cookieValue, SessionSettings settings) {
        this.cookieValue = cookieValue;
        this.settings = Objects.requireNonNull(settings, "settings");
        this.signer = new ObjectSigner(settings.secretKey().withPrefix(Salts.COOKIE_SIGNER_KEY_PREFIX),
                Salts.MESSAGES, settings.clock(), settings.maxDecompressedBytes());
    }

    /**
     * Returns a storage over the request's {@value #COOKIE_NAME} cookie.
     *
     * @param cookieValue the cookie's value, or {@code null} if the request has none
     * @param settings the secret key, clock and cookie attributes (domain, Secure, HttpOnly, SameSite: the
     *     session cookie's, as in Django)
     */
    public static CookieMessageStorage of(@Nullable String cookieValue, SessionSettings settings) {
        return new CookieMessageStorage(cookieValue, settings);
    }

    /**
     * What to do with the {@value #COOKIE_NAME} cookie after {@link #update()}: empty if it must be left
     * alone.
     */
    public Optional<CookieUpdate> cookieUpdate() {
        return Optional.ofNullable(cookieUpdate);
    }

    @Override
    Loaded load() {
        List<Object> decoded = decode(cookieValue);
        if (decoded == null) {
            return new Loaded(null, true);
        }
        boolean allRetrieved = decoded.isEmpty() || !NOT_FINISHED.equals(decoded.get(decoded.size() - 1));
        return new Loaded(MessageJson.messagesOf(decoded), allRetrieved);
    }

    @Override
    List<Message> store(List<Message> messages, boolean removeOldest) {
        List<Message> unstored = List.of();
        String encoded = encode(messages, false);
        if (encoded != null && encoded.length() > MAX_COOKIE_SIZE) {
            int n = messages.size();
            if (removeOldest) {
                // Keep the newest: the smallest i such that messages[i:] + sentinel fits.
                int lo = 1;
                int hi = n;
                while (lo < hi) {
                    int mid = (lo + hi) >>> 1;
                    if (fits(messages.subList(mid, n))) {
                        hi = mid;
                    } else {
                        lo = mid + 1;
                    }
                }
                unstored = List.copyOf(messages.subList(0, lo));
                encoded = encode(messages.subList(lo, n), true);
            } else {
                // Keep the oldest: the largest k such that messages[:k] + sentinel fits.
                int lo = 0;
                int hi = n - 1;
                while (lo < hi) {
                    int mid = (lo + hi + 1) >>> 1;
                    if (fits(messages.subList(0, mid))) {
                        lo = mid;
                    } else {
                        hi = mid - 1;
                    }
                }
                unstored = List.copyOf(messages.subList(lo, n));
                encoded = encode(messages.subList(0, lo), true);
            }
        }
        cookieUpdate = new CookieUpdate(encoded);
        return unstored;
    }

    private boolean fits(List<Message> kept) {
        String encoded = encode(kept, true);
        return encoded == null || encoded.length() <= MAX_COOKIE_SIZE;
    }

    /**
     * Returns the cookie value for {@code messages} (plus the sentinel if {@code notFinished}), or
     * {@code null} when there is nothing to store. The value holds only URL-safe base64, {@code .} and
     * {@code :}, so its stored length is its length (Python's {@code SimpleCookie} quotes nothing).
     */
    @Nullable String encode(List<Message> messages, boolean notFinished) {
        if (messages.isEmpty() && !notFinished) {
            return null;
        }
        List<Object> tree = MessageJson.toTree(messages, settings.djangoVersion());
        if (notFinished) {
            tree.add(NOT_FINISHED);
        }
        return signer.dumps(tree, true);
    }

    /** Returns the decoded elements of a cookie value, or {@code null} (and marks used) if unreadable. */
    @Nullable List<Object> decode(@Nullable String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            return new ArrayList<>(MessageJson.fromTree(signer.loads(value, null).value()));
        } catch (BadSignatureException e) {
            SecurityLog.suspicious("Ignoring a " + COOKIE_NAME + " cookie with a bad signature: "
                    + e.getMessage());
        } catch (UnreadablePayloadException | IllegalArgumentException e) {
            SecurityLog.suspicious("Ignoring an unreadable " + COOKIE_NAME + " cookie: " + e.getMessage());
        }
        markUsed();
        return null;
    }

    /**
     * A change to the {@value #COOKIE_NAME} cookie.
     *
     * @param value the new value, or {@code null} to delete the cookie
     */
    public record CookieUpdate(@Nullable String value) {

        /** Whether the cookie is to be deleted. */
        public boolean isDeletion() {
            return value == null;
        }

        /**
         * Returns the {@code Set-Cookie} header value as Django writes it: a browser-session cookie on path
         * {@code /} with the session cookie's domain, Secure, HttpOnly and SameSite; a deletion is an empty
         * value with {@code Max-Age=0} and an expiry in 1970.
         */
        public String toSetCookieHeader(SessionSettings settings) {
            StringBuilder header = new StringBuilder(COOKIE_NAME).append('=');
            String domain = settings.cookieDomain();
            SameSite sameSite = settings.cookieSameSite();
            if (value == null) {
                header.append("\"\"");
                appendDomain(header, domain);
                header.append("; expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=0; Path=/");
                if (sameSite.attribute() != null) {
                    header.append("; SameSite=").append(sameSite.attribute());
                }
                if (sameSite == SameSite.NONE) {
                    header.append("; Secure");
                }
                return header.toString();
            }
            header.append(value);
            appendDomain(header, domain);
            if (settings.cookieHttpOnly()) {
                header.append("; HttpOnly");
            }
            header.append("; Path=/");
            if (sameSite.attribute() != null) {
                header.append("; SameSite=").append(sameSite.attribute());
            }
            if (settings.cookieSecure()) {
                header.append("; Secure");
            }
            return header.toString();
        }

        private static void appendDomain(StringBuilder header, @Nullable String domain) {
            if (domain != null) {
                header.append("; Domain=").append(domain);
            }
        }

        @Override
        public String toString() {
            return value == null ? "CookieUpdate[delete]" : "CookieUpdate[" + value.length() + " chars]";
        }
    }
}
