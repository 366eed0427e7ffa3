package dev.cloakroom;

import dev.cloakroom.internal.SessionCodec;
import dev.cloakroom.signing.SecretKey;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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

    private SessionSettings(Builder b, SecretKey secretKey) {
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
    }

    /** Returns a builder holding Django's defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** Django's defaults with a random, per-process secret key. */
    public static SessionSettings defaults() {
        return builder().build();
    }

    /** Returns a builder holding these settings, to change a few. */
    public Builder toBuilder() {
        Builder b = new Builder();
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
     * {@link #cookieAge()} applies, as in Django). See {@link Builder#idleTimeout(Duration)}.
     */
    public @Nullable Duration idleTimeout() {
        return idleTimeout;
    }

    /**
     * How long a session lives from its creation, however active; by default {@code null}, off. See
     * {@link Builder#absoluteTimeout(Duration)}.
     */
    public @Nullable Duration absoluteTimeout() {
        return absoluteTimeout;
    }

    /**
     * How much later a request that only reads must move the expiry before it is saved for that alone; by
     * default one minute. Used only with an {@link #idleTimeout()}. See {@link Builder#touchAfter(Duration)}.
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
                + ", sessionHeader=" + sessionHeader + "]";
    }

    private static String seconds(@Nullable Duration duration) {
        return duration == null ? "off" : duration.toSeconds() + "s";
    }

    /** Builds {@link SessionSettings}; each setter names the Django setting it mirrors and its default. */
    public static final class Builder {
        private static final Logger LOG = LoggerFactory.getLogger(SessionSettings.class);

        private String cookieName = "sessionid";
        private Duration cookieAge = Duration.ofDays(14);
        private @Nullable String cookieDomain;
        private String cookiePath = "/";
        private boolean cookieSecure;
        private boolean cookieHttpOnly = true;
        private SameSite cookieSameSite = SameSite.LAX;
        private boolean saveEveryRequest;
        private boolean expireAtBrowserClose;
        private @Nullable SecretKey secretKey;
        private int maxDecompressedBytes = 1024 * 1024;
        private String userIdKey = "_auth_user_id";
        private int maxSaveAttempts = Integer.MAX_VALUE;
        private Duration saveRetryTimeout = Duration.ofSeconds(10);
        private @Nullable Duration idleTimeout;
        private @Nullable Duration absoluteTimeout;
        private Duration touchAfter = Duration.ofMinutes(1);
        private Clock clock = Clock.systemUTC();
        private DjangoVersion djangoVersion = DjangoVersion.DJANGO_5_2;
        private @Nullable String sessionHeader;

        private Builder() {
        }

        /**
         * Sets the cookie name ({@code SESSION_COOKIE_NAME}); by default {@code sessionid}.
         *
         * @throws IllegalArgumentException if it is empty or not a valid cookie name
         */
        public Builder cookieName(String name) {
            Objects.requireNonNull(name, "cookieName");
            if (name.isEmpty() || !name.chars().allMatch(Builder::isTokenChar)) {
                throw new IllegalArgumentException(
                        "cookieName must be a non-empty cookie token, was '" + name + "'");
            }
            this.cookieName = name;
            return this;
        }

        /**
         * Sets how long sessions live ({@code SESSION_COOKIE_AGE}); by default 14 days.
         *
         * @throws IllegalArgumentException if it is not at least one second
         */
        public Builder cookieAge(Duration age) {
            Objects.requireNonNull(age, "cookieAge");
            if (age.toSeconds() < 1) {
                throw new IllegalArgumentException("cookieAge must be at least one second, was " + age);
            }
            this.cookieAge = age;
            return this;
        }

        /** Sets the cookie domain ({@code SESSION_COOKIE_DOMAIN}); by default {@code null}, host-only. */
        public Builder cookieDomain(@Nullable String domain) {
            this.cookieDomain = domain == null || domain.isBlank() ? null : domain;
            return this;
        }

        /**
         * Sets the cookie path ({@code SESSION_COOKIE_PATH}); by default {@code /}.
         *
         * @throws IllegalArgumentException if it does not start with {@code /}
         */
        public Builder cookiePath(String path) {
            Objects.requireNonNull(path, "cookiePath");
            if (!path.startsWith("/") || path.contains(";")) {
                throw new IllegalArgumentException(
                        "cookiePath must start with '/' and hold no ';', was '" + path + "'");
            }
            this.cookiePath = path;
            return this;
        }

        /** Sets {@code Secure} on the cookie ({@code SESSION_COOKIE_SECURE}); by default {@code false}. */
        public Builder cookieSecure(boolean secure) {
            this.cookieSecure = secure;
            return this;
        }

        /** Sets {@code HttpOnly} on the cookie ({@code SESSION_COOKIE_HTTPONLY}); by default {@code true}. */
        public Builder cookieHttpOnly(boolean httpOnly) {
            this.cookieHttpOnly = httpOnly;
            return this;
        }

        /** Sets the cookie's SameSite ({@code SESSION_COOKIE_SAMESITE}); by default {@link SameSite#LAX}. */
        public Builder cookieSameSite(SameSite sameSite) {
            this.cookieSameSite = Objects.requireNonNull(sameSite, "cookieSameSite");
            return this;
        }

        /**
         * Saves non-empty sessions on every request ({@code SESSION_SAVE_EVERY_REQUEST}); by default
         * {@code false}.
         */
        public Builder saveEveryRequest(boolean saveEveryRequest) {
            this.saveEveryRequest = saveEveryRequest;
            return this;
        }

        /**
         * Makes session cookies end with the browser ({@code SESSION_EXPIRE_AT_BROWSER_CLOSE}); by default
         * {@code false}.
         */
        public Builder expireAtBrowserClose(boolean expireAtBrowserClose) {
            this.expireAtBrowserClose = expireAtBrowserClose;
            return this;
        }

        /**
         * Sets the secret key and its fallbacks ({@code SECRET_KEY}, {@code SECRET_KEY_FALLBACKS}); by
         * default a random key per process, with a WARN.
         */
        public Builder secretKey(SecretKey secretKey) {
            this.secretKey = Objects.requireNonNull(secretKey, "secretKey");
            return this;
        }

        /**
         * Sets the secret key ({@code SECRET_KEY}) and older keys still accepted when reading
         * ({@code SECRET_KEY_FALLBACKS}).
         *
         * @throws IllegalArgumentException if {@code secretKey} is empty
         */
        public Builder secretKey(String secretKey, String... fallbacks) {
            Objects.requireNonNull(secretKey, "secretKey");
            if (secretKey.isEmpty()) {
                throw new IllegalArgumentException("secretKey must not be empty");
            }
            this.secretKey = new SecretKey(secretKey, List.of(fallbacks));
            return this;
        }

        /**
         * Sets the most bytes a compressed session may inflate to; by default 1 MiB.
         *
         * @throws IllegalArgumentException if it is below 1 KiB
         */
        public Builder maxDecompressedBytes(int bytes) {
            if (bytes < 1024) {
                throw new IllegalArgumentException(
                        "maxDecompressedBytes must be at least 1024, was " + bytes);
            }
            this.maxDecompressedBytes = bytes;
            return this;
        }

        /** Sets the session entry naming the user for per-user indexes; by default {@code _auth_user_id}. */
        public Builder userIdKey(String key) {
            Objects.requireNonNull(key, "userIdKey");
            if (key.isEmpty()) {
                throw new IllegalArgumentException("userIdKey must not be empty");
            }
            this.userIdKey = key;
            return this;
        }

        /**
         * Sets how many times at most a save is tried against concurrent changes; by default no limit by
         * count, only {@link #saveRetryTimeout(Duration)}.
         *
         * @throws IllegalArgumentException if it is below 1
         */
        public Builder maxSaveAttempts(int attempts) {
            if (attempts < 1) {
                throw new IllegalArgumentException("maxSaveAttempts must be at least 1, was " + attempts);
            }
            this.maxSaveAttempts = attempts;
            return this;
        }

        /**
         * Sets how long a save keeps retrying against concurrent changes of the same session (with a random,
         * growing pause between attempts) before it fails; by default 10 seconds. The first attempt is always
         * made, whatever the timeout.
         *
         * @throws IllegalArgumentException if it is negative
         */
        public Builder saveRetryTimeout(Duration timeout) {
            Objects.requireNonNull(timeout, "saveRetryTimeout");
            if (timeout.isNegative()) {
                throw new IllegalArgumentException("saveRetryTimeout must not be negative, was " + timeout);
            }
            this.saveRetryTimeout = timeout;
            return this;
        }

        /**
         * Sets the idle timeout: a session expires when no request has read or written it for this long
         * (OWASP's idle timeout); by default {@code null}, off. A request that only reads extends it at most
         * once per {@link #touchAfter(Duration)}; a request that never opens the session does not extend it.
         * The stored expiry (Django's {@code expire_date}) and the cookie's {@code Max-Age} become the
         * earlier of Django's own ({@link #cookieAge(Duration)} or the session's {@code set_expiry}) and
         * {@code now + idleTimeout}. With this or {@link #absoluteTimeout(Duration)} set, the session keeps
         * its creation time under {@value Session#CREATED_KEY}, an entry Django ignores.
         *
         * @param timeout the timeout, at least one second; {@code null} turns it off
         * @throws IllegalArgumentException if it is under one second
         */
        public Builder idleTimeout(@Nullable Duration timeout) {
            this.idleTimeout = positive("idleTimeout", timeout);
            return this;
        }

        /**
         * Sets the absolute lifetime: a session expires this long after it was created, however active
         * (OWASP's absolute timeout); by default {@code null}, off. The creation time survives
         * {@code cycleKey}; {@code flush} starts a new session and so a new lifetime. A session loaded past
         * its lifetime is treated as expired (empty, under a new key) even if the storage still returns it.
         *
         * @param timeout the lifetime, at least one second; {@code null} turns it off
         * @throws IllegalArgumentException if it is under one second
         */
        public Builder absoluteTimeout(@Nullable Duration timeout) {
            this.absoluteTimeout = positive("absoluteTimeout", timeout);
            return this;
        }

        /**
         * Sets the touch interval used with an {@link #idleTimeout(Duration)}: a request that reads the
         * session but does not change it saves it (to move its expiry) only when that save would move the
         * expiry by at least this much, so read-only traffic writes a session at most once per interval and
         * such a request otherwise costs one storage read. By default one minute; {@link Duration#ZERO}
         * touches on every reading request. Requests that change the session save as always.
         *
         * @throws IllegalArgumentException if it is negative, or not shorter than the idle timeout (checked
         *     by {@link #build()})
         */
        public Builder touchAfter(Duration interval) {
            Objects.requireNonNull(interval, "touchAfter");
            if (interval.isNegative()) {
                throw new IllegalArgumentException("touchAfter must not be negative, was " + interval);
            }
            this.touchAfter = interval;
            return this;
        }

        private static @Nullable Duration positive(String name, @Nullable Duration timeout) {
            if (timeout != null && timeout.toSeconds() < 1) {
                throw new IllegalArgumentException(name + " must be at least one second, was " + timeout);
            }
            return timeout;
        }

        /** Sets where time comes from; by default {@link Clock#systemUTC()}. Tests pass a clock they move. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Sets the Django release sharing the store, whose bytes Cloakroom writes where releases differ
         * (the CSRF value in the session, flash messages; see {@link DjangoVersion}); by default
         * {@link DjangoVersion#DJANGO_5_2}. What every release writes is read whatever this says.
         */
        public Builder djangoVersion(DjangoVersion version) {
            this.djangoVersion = Objects.requireNonNull(version, "version");
            return this;
        }

        /**
         * Sets the header that carries the session key instead of a cookie, for API and mobile clients
         * ({@code X-Session-Token} is the usual name); by default {@code null}, cookies only. With a header,
         * the key is read from that request header and sent back in the same response header; cookies are
         * neither read nor written.
         *
         * @throws IllegalArgumentException if {@code name} is not an HTTP header name (a token), or names a
         *     header the session cannot use ({@code Cookie}, {@code Set-Cookie})
         */
        public Builder sessionHeader(@Nullable String name) {
            if (name != null) {
                if (name.isEmpty() || !name.chars().allMatch(Builder::isTokenChar)) {
                    throw new IllegalArgumentException("sessionHeader must be an HTTP header name such as "
                            + "X-Session-Token, was '" + name + "'");
                }
                if (name.equalsIgnoreCase("Cookie") || name.equalsIgnoreCase("Set-Cookie")) {
                    throw new IllegalArgumentException("sessionHeader cannot be " + name
                            + ": leave it unset to keep the key in the cookie");
                }
            }
            this.sessionHeader = name;
            return this;
        }

        /** Builds the settings. */
        public SessionSettings build() {
            Duration idle = idleTimeout;
            if (idle != null && touchAfter.compareTo(idle) >= 0) {
                throw new IllegalArgumentException("touchAfter (" + touchAfter.toSeconds()
                        + "s) must be shorter than idleTimeout (" + idle.toSeconds() + "s)");
            }
            SecretKey key = secretKey;
            if (key == null) {
                LOG.warn("No secretKey configured: using a random one for this process. Sessions will not "
                        + "survive a restart and cannot be shared; "
                        + "set SessionSettings.builder().secretKey(...).");
                key = SecretKey.of(randomSecret());
            }
            return new SessionSettings(this, key);
        }

        private static String randomSecret() {
            String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789!@#$%^&*(-_=+)";
            SecureRandom random = new SecureRandom();
            StringBuilder sb = new StringBuilder(50);
            for (int i = 0; i < 50; i++) {
                sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            return sb.toString();
        }

        private static boolean isTokenChar(int c) {
            return c > 0x20 && c < 0x7f && "()<>@,;:\\\"/[]?={}".indexOf(c) < 0;
        }
    }
}
