package dev.cloakroom.engine;

import dev.cloakroom.ClientSideEngine;
import dev.cloakroom.Session;
import dev.cloakroom.SessionSettings;
import dev.cloakroom.SessionTooLargeException;
import dev.cloakroom.internal.JsonValues;
import dev.cloakroom.internal.SecurityLog;
import dev.cloakroom.internal.Zlib;
import dev.cloakroom.signing.PythonJson;
import dev.cloakroom.signing.UnreadablePayloadException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The {@code encrypted_cookies} engine, beyond Django: like {@link SignedCookieEngine} the cookie carries
 * the whole session, but encrypted with AES-256-GCM (the JDK's provider), so the browser, and anyone else
 * who reads the cookie, can neither read nor change the data. Nothing is stored on the server.
 *
 * <p>The cookie value is {@code 1.<keyId>.<base64url(nonce || ciphertext || tag)>}: format version, the id
 * of the key on the {@link EncryptionKeyRing}, a random 12-byte nonce, and the ciphertext with its 16-byte
 * tag. The version, key id and cookie name are authenticated as associated data. The plaintext is one flag
 * byte ({@code 0}: JSON follows; {@code 1}: zlib-compressed JSON follows) and the compact JSON
 * {@code {"t":<written at, epoch seconds>,"d":<session data>}}.
 *
 * <p>What follows, as for signed cookies:
 * <ul>
 *   <li>A cookie lives at most {@code cookieAge} from when it was written; a shorter expiry set with
 *       {@link Session#setExpiry} is enforced by {@link Session} when the cookie is read, counted from the
 *       same time.</li>
 *   <li>A cookie cannot be revoked: a copied cookie still loads until it expires, after {@code cycleKey}
 *       or logout too. Removing its key from the ring invalidates every cookie under that key.</li>
 *   <li>Cookies under an older key of the ring are read, and the next save writes them under the current
 *       key: every write uses the current key.</li>
 *   <li>A session whose cookie would exceed 4096 bytes fails at save with {@link SessionTooLargeException}.
 *   </li>
 *   <li>Compression is off unless {@link #withCompression()} turns it on: the length of a compressed
 *       cookie says something about its content, which matters when an attacker can put chosen text in a
 *       session that also holds a secret and can watch the cookie's size.</li>
 * </ul>
 * Thread-safe.
 */
public final class EncryptedCookieEngine implements ClientSideEngine {

    /** The largest {@code name=value} browsers are required to keep. */
    public static final int MAX_COOKIE_BYTES = SignedCookieEngine.MAX_COOKIE_BYTES;

    private static final byte JSON = 0;
    private static final byte ZLIB_JSON = 1;

    private final EncryptionKeyRing keys;
    private final Duration maxAge;
    private final String cookieName;
    private final Clock clock;
    private final int maxDecompressedBytes;
    private final boolean compress;
    private final SecureRandom random;

    private EncryptedCookieEngine(SessionSettings settings, EncryptionKeyRing keys, boolean compress,
            SecureRandom random) {
        this.keys = Objects.requireNonNull(keys, "keys");
        this.maxAge = settings.cookieAge();
        this.cookieName = settings.cookieName();
        this.clock = settings.clock();
        this.maxDecompressedBytes = settings.maxDecompressedBytes();
        this.compress = compress;
        this.random = random;
    }

    /**
     * Creates the engine with keys derived from the secret key and its fallbacks of {@code settings}
     * ({@link EncryptionKeyRing#fromSecretKey}), and its cookie age, name, clock and decompression bound.
     */
    public static EncryptedCookieEngine create(SessionSettings settings) {
        return create(settings, EncryptionKeyRing.fromSecretKey(settings.secretKey()));
    }

    /**
     * Creates the engine with explicit keys and the cookie age, name, clock and decompression bound of
     * {@code settings}; the secret key of {@code settings} is not used.
     */
    public static EncryptedCookieEngine create(SessionSettings settings, EncryptionKeyRing keys) {
        return new EncryptedCookieEngine(settings, keys, false, new SecureRandom());
    }

    /**
     * Returns an engine like this one that compresses a session with zlib when that makes it shorter, for
     * sessions that would not fit a cookie otherwise. Do not turn it on if a session can hold both a
     * secret and text an attacker chooses while the attacker can watch cookie sizes (the CRIME and BREACH
     * attacks). Compressed cookies are read either way, inflated to at most {@code maxDecompressedBytes}.
     */
    public EncryptedCookieEngine withCompression() {
        return new EncryptedCookieEngine(this, true);
    }

    private EncryptedCookieEngine(EncryptedCookieEngine other, boolean compress) {
        this.keys = other.keys;
        this.maxAge = other.maxAge;
        this.cookieName = other.cookieName;
        this.clock = other.clock;
        this.maxDecompressedBytes = other.maxDecompressedBytes;
        this.compress = compress;
        this.random = other.random;
    }

    /** The keys this engine encrypts and decrypts with. */
    public EncryptionKeyRing keys() {
        return keys;
    }

    @Override
    public Optional<CookieSession> read(String cookieValue) {
        try {
            byte[] plaintext = EncryptedToken.open(keys, cookieName, cookieValue);
            CookieSession session = decode(plaintext);
            Duration age = Duration.between(session.writtenAt(), clock.instant());
            if (age.compareTo(maxAge) > 0) {
                throw new EncryptedToken.Rejected("it expired: written " + age.toSeconds()
                        + " s ago, over the cookie age of " + maxAge.toSeconds() + " s");
            }
            return Optional.of(session);
        } catch (EncryptedToken.Rejected e) {
            SecurityLog.suspicious("Rejected an encrypted session cookie: " + e.getMessage());
            return Optional.empty();
        }
    }

    @Override
    public String write(Map<String, Object> data) {
        Map<String, Object> payload = new LinkedHashMap<>(4);
        payload.put("t", clock.instant().getEpochSecond());
        payload.put("d", data);
        byte[] body = PythonJson.dumps(payload).getBytes(StandardCharsets.UTF_8);
        byte flag = JSON;
        if (compress) {
            byte[] deflated = Zlib.compress(body);
            if (deflated.length < body.length) {
                body = deflated;
                flag = ZLIB_JSON;
            }
        }
        byte[] plaintext = new byte[1 + body.length];
        plaintext[0] = flag;
        System.arraycopy(body, 0, plaintext, 1, body.length);
        String value = EncryptedToken.seal(keys.current(), cookieName, plaintext, random);
        int size = cookieName.length() + 1 + value.length();
        if (size > MAX_COOKIE_BYTES) {
            throw new SessionTooLargeException("The encrypted session cookie would be " + size
                    + " bytes, over the " + MAX_COOKIE_BYTES + " bytes browsers keep; store less in the "
                    + "session" + (compress ? "" : ", turn on compression (withCompression())")
                    + " or use a server-side engine (db, cache, cached_db, file)");
        }
        return value;
    }

    /** Reads the decrypted plaintext: the flag byte, then {@code {"t":…,"d":{…}}}. */
    private CookieSession decode(byte[] plaintext) throws EncryptedToken.Rejected {
        if (plaintext.length == 0 || (plaintext[0] != JSON && plaintext[0] != ZLIB_JSON)) {
            throw new EncryptedToken.Rejected("its plaintext does not start with a known flag");
        }
        byte[] json = Arrays.copyOfRange(plaintext, 1, plaintext.length);
        if (plaintext[0] == ZLIB_JSON) {
            try {
                json = Zlib.decompress(json, maxDecompressedBytes);
            } catch (UnreadablePayloadException e) {
                throw new EncryptedToken.Rejected("its compressed data is unreadable: " + e.getMessage());
            }
        }
        Object value;
        try {
            value = PythonJson.loads(new String(json, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            throw new EncryptedToken.Rejected("its plaintext is not JSON");
        }
        if (!(value instanceof Map<?, ?> payload) || !(payload.get("d") instanceof Map<?, ?> data)) {
            throw new EncryptedToken.Rejected("its payload is not a JSON object with a data object");
        }
        return new CookieSession(JsonValues.copyMap(data), writtenAt(payload.get("t")));
    }

    private static Instant writtenAt(@Nullable Object seconds) throws EncryptedToken.Rejected {
        if (seconds instanceof Integer || seconds instanceof Long) {
            try {
                return Instant.ofEpochSecond(((Number) seconds).longValue());
            } catch (DateTimeException e) {
                // out of Instant's range: rejected below
            }
        }
        throw new EncryptedToken.Rejected("its payload has no usable written-at time");
    }

    @Override
    public String toString() {
        return "EncryptedCookieEngine[maxAge=" + maxAge.toSeconds() + "s, keys=" + keys.ids()
                + ", compression=" + (compress ? "on" : "off") + "]";
    }
}
