package dev.cloakroom;

import dev.cloakroom.internal.Listeners;
import dev.cloakroom.internal.SessionCodec;
import dev.cloakroom.signing.SecretKey;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Django's {@code SESSION_*} settings, immutable, with Django's defaults. Build with {@link #builder()};
 * {@link #defaults()} gives Django's defaults and a random secret key (with a WARN: sessions made with it
 * do not survive a restart). Thread-safe.
 */
public final class SessionSettings {

    private final String cookieName;
    private final Duration cookieAge;
    private final @Nullable String cookieDomain;
    private final String cookiePath;
    private final boolean cookieSecure;
    private final boolean cookieHttpOnly;
    private final SameSite cookieSameSite;
    private final boolean saveEveryRequest;
    private final boolean expireAtBrowserClose;
    private final SecretKey secretKey;
    private final int maxDecompressedBytes;
    private final String userIdKey;
    private final int maxSaveAttempts;
    private final Duration saveRetryTimeout;
    private final @Nullable Duration idleTimeout;
    private final @Nullable Duration absoluteTimeout;
    private final Duration touchAfter;
    private final Clock clock;
    private final DjangoVersion djangoVersion;
    private final @Nullable String sessionHeader;
    private final SessionCodec codec;
    private final List<SessionListener> listeners;
    private final Listeners events;

    SessionSettings(SessionSettingsBuilder b, SecretKey secretKey) {
        this.cookieName = b.cookieName;
        this.cookieAge = b.cookieAge;
        this.cookieDomain = b.cookieDomain;
        this.cookiePath = b.cookiePath;
        this.cookieSecure = b.cookieSecure;
        this.cookieHttpOnly = b.cookieHttpOnly;
        this.cookieSameSite = b.cookieSameSite;
        this.saveEveryRequest = b.saveEveryRequest;
        this.expireAtBrowserClose = b.expireAtBrowserClose;
        this.secretKey = secretKey;
        this.maxDecompressedBytes = b.maxDecompressedBytes;
        this.userIdKey = b.userIdKey;
        this.maxSaveAttempts = b.maxSaveAttempts;
        this.saveRetryTimeout = b.saveRetryTimeout;
        this.idleTimeout = b.idleTimeout;
        this.absoluteTimeout = b.absoluteTimeout;
        this.touchAfter = b.touchAfter;
        this.clock = b.clock;
        this.djangoVersion = b.djangoVersion;
        this.sessionHeader = b.sessionHeader;
        this.codec = new SessionCodec(secretKey, clock, maxDecompressedBytes);
        this.listeners = List.copyOf(b.listeners);
        this.events = Listeners.of(listeners);
    }

    /** Returns a builder holding Django's defaults. */
    public static SessionSettingsBuilder builder() {
        return new SessionSettingsBuilder();
    }

    /** Django's defaults with a random, per-process secret key. */
    public static SessionSettings defaults() {
        return builder().build();
    }

    /** Returns a builder holding these settings, to change a few. */
    public SessionSettingsBuilder toBuilder() {
        SessionSettingsBuilder b = new SessionSettingsBuilder();
        b.cookieName = cookieName;
        b.cookieAge = cookieAge;
        b.cookieDomain = cookieDomain;
        b.cookiePath = cookiePath;
        b.cookieSecure = cookieSecure;
        b.cookieHttpOnly = cookieHttpOnly;
        b.cookieSameSite = cookieSameSite;
        b.saveEveryRequest = saveEveryRequest;
        b.expireAtBrowserClose = expireAtBrowserClose;
        b.secretKey = secretKey;
        b.maxDecompressedBytes = maxDecompressedBytes;
        b.userIdKey = userIdKey;
        b.maxSaveAttempts = maxSaveAttempts;
        b.saveRetryTimeout = saveRetryTimeout;
        b.idleTimeout = idleTimeout;
        b.absoluteTimeout = absoluteTimeout;
        b.touchAfter = touchAfter;
        b.clock = clock;
        b.djangoVersion = djangoVersion;
        b.sessionHeader = sessionHeader;
        b.listeners = new ArrayList<>(listeners);
        return b;
    }

    /** {@code SESSION_COOKIE_NAME}; by default {@code sessionid}. */
    public String cookieName() {
        return cookieName;
    }

    /** {@code SESSION_COOKIE_AGE}; by default 14 days. */
    public Duration cookieAge() {
        return cookieAge;
    }

    /** {@code SESSION_COOKIE_DOMAIN}; by default {@code null}, a host-only cookie. */
    public @Nullable String cookieDomain() {
        return cookieDomain;
    }

    /** {@code SESSION_COOKIE_PATH}; by default {@code /}. */
    public String cookiePath() {
        return cookiePath;
    }

    /** {@code SESSION_COOKIE_SECURE}; by default {@code false}. */
    public boolean cookieSecure() {
        return cookieSecure;
    }

    /** {@code SESSION_COOKIE_HTTPONLY}; by default {@code true}. */
    public boolean cookieHttpOnly() {
        return cookieHttpOnly;
    }

    /** {@code SESSION_COOKIE_SAMESITE}; by default {@link SameSite#LAX}. */
    public SameSite cookieSameSite() {
        return cookieSameSite;
    }

    /** {@code SESSION_SAVE_EVERY_REQUEST}; by default {@code false}. */
    public boolean saveEveryRequest() {
        return saveEveryRequest;
    }

    /** {@code SESSION_EXPIRE_AT_BROWSER_CLOSE}; by default {@code false}. */
    public boolean expireAtBrowserClose() {
        return expireAtBrowserClose;
    }

    /** {@code SECRET_KEY} and {@code SECRET_KEY_FALLBACKS}. */
    public SecretKey secretKey() {
        return secretKey;
    }

    /** The most bytes a compressed session or cookie may inflate to; by default 1 MiB. */
    public int maxDecompressedBytes() {
        return maxDecompressedBytes;
    }

    /**
     * The session entry that names the user, stored as {@link StoredSession#userId()}; by default
     * {@code _auth_user_id}.
     */
    public String userIdKey() {
        return userIdKey;
    }

    /**
     * How many times a save is tried at most when concurrent requests keep changing the session; by default
     * {@link Integer#MAX_VALUE}: the retries are bounded by {@link #saveRetryTimeout()} instead.
     */
    public int maxSaveAttempts() {
        return maxSaveAttempts;
    }

    /**
     * How long a save keeps retrying when concurrent requests keep changing the session before it gives up
     * with a {@link SessionException}; by default 10 seconds. Measured on the JVM's monotonic timer, not on
     * {@link #clock()}.
     */
    public Duration saveRetryTimeout() {
        return saveRetryTimeout;
    }

    /**
     * How long a session lives without a request that reads or writes it; by default {@code null}, off (only
     * {@link #cookieAge()} applies, as in Django). See {@link SessionSettingsBuilder#idleTimeout(Duration)}.
     */
    public @Nullable Duration idleTimeout() {
        return idleTimeout;
    }

    /**
     * How long a session lives from its creation, however active; by default {@code null}, off. See
     * {@link SessionSettingsBuilder#absoluteTimeout(Duration)}.
     */
    public @Nullable Duration absoluteTimeout() {
        return absoluteTimeout;
    }

    /**
     * How much later a request that only reads must move the expiry before it is saved for that alone; by
     * default one minute. Used only with an {@link #idleTimeout()}. See
     * {@link SessionSettingsBuilder#touchAfter(Duration)}.
     */
    public Duration touchAfter() {
        return touchAfter;
    }

    /** Whether an idle timeout or an absolute lifetime is set: the session then keeps its creation time. */
    boolean hasExpiryPolicy() {
        return idleTimeout != null || absoluteTimeout != null;
    }

    /** Where time comes from; by default {@link Clock#systemUTC()}. */
    public Clock clock() {
        return clock;
    }

    /**
     * The Django release whose bytes are written where releases differ (see {@link DjangoVersion}); by
     * default {@link DjangoVersion#DJANGO_5_2}.
     */
    public DjangoVersion djangoVersion() {
        return djangoVersion;
    }

    /**
     * The request and response header that carries the session key instead of a cookie, such as
     * {@code X-Session-Token}; by default {@code null}: the key travels in the cookie {@link #cookieName()}.
     * When set, no cookie is read or written (see {@code SessionMiddleware}).
     */
    public @Nullable String sessionHeader() {
        return sessionHeader;
    }

    /** The codec for Django's {@code session_data} under these settings. */
    SessionCodec codec() {
        return codec;
    }

    /** The session listeners, in the order they are called; by default none. */
    public List<SessionListener> listeners() {
        return listeners;
    }

    /** The listeners as one, each call guarded. */
    Listeners events() {
        return events;
    }

    @Override
    public String toString() {
        return "SessionSettings[cookieName=" + cookieName + ", cookieAge=" + cookieAge.toSeconds() + "s"
                + ", cookieDomain=" + cookieDomain + ", cookiePath=" + cookiePath
                + ", cookieSecure=" + cookieSecure
                + ", cookieHttpOnly=" + cookieHttpOnly + ", cookieSameSite=" + cookieSameSite
                + ", saveEveryRequest=" + saveEveryRequest + ", expireAtBrowserClose=" + expireAtBrowserClose
                + ", secretKey=<masked>, secretKeyFallbacks=" + secretKey.fallbacks().size()
                + ", maxDecompressedBytes=" + maxDecompressedBytes + ", userIdKey=" + userIdKey
                + ", maxSaveAttempts=" + maxSaveAttempts + ", saveRetryTimeout=" + saveRetryTimeout.toMillis()
                + "ms, idleTimeout=" + seconds(idleTimeout) + ", absoluteTimeout=" + seconds(absoluteTimeout)
                + ", touchAfter=" + touchAfter.toSeconds() + "s, djangoVersion=" + djangoVersion
                + ", sessionHeader=" + sessionHeader + ", listeners=" + listeners.size() + "]";
    }

    private static String seconds(@Nullable Duration duration) {
        return duration == null ? "off" : duration.toSeconds() + "s";
    }
}
