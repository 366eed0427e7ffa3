package dev.cloakroom;

import dev.cloakroom.signing.SecretKey;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Builds {@link SessionSettings}; each setter names the Django setting it mirrors and its default. */
public final class SessionSettingsBuilder {
    private static final Logger LOG = LoggerFactory.getLogger(SessionSettings.class);

    String cookieName = "sessionid";
    Duration cookieAge = Duration.ofDays(14);
    @Nullable String cookieDomain;
    String cookiePath = "/";
    boolean cookieSecure;
    boolean cookieHttpOnly = true;
    SameSite cookieSameSite = SameSite.LAX;
    boolean saveEveryRequest;
    boolean expireAtBrowserClose;
    @Nullable SecretKey secretKey;
    int maxDecompressedBytes = 1024 * 1024;
    String userIdKey = "_auth_user_id";
    int maxSaveAttempts = Integer.MAX_VALUE;
    Duration saveRetryTimeout = Duration.ofSeconds(10);
    @Nullable Duration idleTimeout;
    @Nullable Duration absoluteTimeout;
    Duration touchAfter = Duration.ofMinutes(1);
    Clock clock = Clock.systemUTC();
    DjangoVersion djangoVersion = DjangoVersion.DJANGO_5_2;
    @Nullable String sessionHeader;
    List<SessionListener> listeners = new ArrayList<>();

    SessionSettingsBuilder() {
    }

    /**
     * Sets the cookie name ({@code SESSION_COOKIE_NAME}); by default {@code sessionid}.
     *
     * @throws IllegalArgumentException if it is empty or not a valid cookie name
     */
    public SessionSettingsBuilder cookieName(String name) {
        Objects.requireNonNull(name, "cookieName");
        if (name.isEmpty() || !name.chars().allMatch(SessionSettingsBuilder::isTokenChar)) {
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
    public SessionSettingsBuilder cookieAge(Duration age) {
        Objects.requireNonNull(age, "cookieAge");
        if (age.toSeconds() < 1) {
            throw new IllegalArgumentException("cookieAge must be at least one second, was " + age);
        }
        this.cookieAge = age;
        return this;
    }

    /** Sets the cookie domain ({@code SESSION_COOKIE_DOMAIN}); by default {@code null}, host-only. */
    public SessionSettingsBuilder cookieDomain(@Nullable String domain) {
        this.cookieDomain = domain == null || domain.isBlank() ? null : domain;
        return this;
    }

    /**
     * Sets the cookie path ({@code SESSION_COOKIE_PATH}); by default {@code /}.
     *
     * @throws IllegalArgumentException if it does not start with {@code /}
     */
    public SessionSettingsBuilder cookiePath(String path) {
        Objects.requireNonNull(path, "cookiePath");
        if (!path.startsWith("/") || path.contains(";")) {
            throw new IllegalArgumentException(
                    "cookiePath must start with '/' and hold no ';', was '" + path + "'");
        }
        this.cookiePath = path;
        return this;
    }

    /** Sets {@code Secure} on the cookie ({@code SESSION_COOKIE_SECURE}); by default {@code false}. */
    public SessionSettingsBuilder cookieSecure(boolean secure) {
        this.cookieSecure = secure;
        return this;
    }

    /** Sets {@code HttpOnly} on the cookie ({@code SESSION_COOKIE_HTTPONLY}); by default {@code true}. */
    public SessionSettingsBuilder cookieHttpOnly(boolean httpOnly) {
        this.cookieHttpOnly = httpOnly;
        return this;
    }

    /** Sets the cookie's SameSite ({@code SESSION_COOKIE_SAMESITE}); by default {@link SameSite#LAX}. */
    public SessionSettingsBuilder cookieSameSite(SameSite sameSite) {
        this.cookieSameSite = Objects.requireNonNull(sameSite, "cookieSameSite");
        return this;
    }

    /**
     * Saves non-empty sessions on every request ({@code SESSION_SAVE_EVERY_REQUEST}); by default
     * {@code false}.
     */
    public SessionSettingsBuilder saveEveryRequest(boolean saveEveryRequest) {
        this.saveEveryRequest = saveEveryRequest;
        return this;
    }

    /**
     * Makes session cookies end with the browser ({@code SESSION_EXPIRE_AT_BROWSER_CLOSE}); by default
     * {@code false}.
     */
    public SessionSettingsBuilder expireAtBrowserClose(boolean expireAtBrowserClose) {
        this.expireAtBrowserClose = expireAtBrowserClose;
        return this;
    }

    /**
     * Sets the secret key and its fallbacks ({@code SECRET_KEY}, {@code SECRET_KEY_FALLBACKS}); by
     * default a random key per process, with a WARN.
     */
    public SessionSettingsBuilder secretKey(SecretKey secretKey) {
        this.secretKey = Objects.requireNonNull(secretKey, "secretKey");
        return this;
    }

    /**
     * Sets the secret key ({@code SECRET_KEY}) and older keys still accepted when reading
     * ({@code SECRET_KEY_FALLBACKS}).
     *
     * @throws IllegalArgumentException if {@code secretKey} is empty
     */
    public SessionSettingsBuilder secretKey(String secretKey, String... fallbacks) {
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
    public SessionSettingsBuilder maxDecompressedBytes(int bytes) {
        if (bytes < 1024) {
            throw new IllegalArgumentException(
                    "maxDecompressedBytes must be at least 1024, was " + bytes);
        }
        this.maxDecompressedBytes = bytes;
        return this;
    }

    /** Sets the session entry naming the user for per-user indexes; by default {@code _auth_user_id}. */
    public SessionSettingsBuilder userIdKey(String key) {
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
    public SessionSettingsBuilder maxSaveAttempts(int attempts) {
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
    public SessionSettingsBuilder saveRetryTimeout(Duration timeout) {
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
    public SessionSettingsBuilder idleTimeout(@Nullable Duration timeout) {
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
    public SessionSettingsBuilder absoluteTimeout(@Nullable Duration timeout) {
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
    public SessionSettingsBuilder touchAfter(Duration interval) {
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
    public SessionSettingsBuilder clock(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        return this;
    }

    /**
     * Sets the Django release sharing the store, whose bytes Cloakroom writes where releases differ
     * (the CSRF value in the session, flash messages; see {@link DjangoVersion}); by default
     * {@link DjangoVersion#DJANGO_5_2}. What every release writes is read whatever this says.
     */
    public SessionSettingsBuilder djangoVersion(DjangoVersion version) {
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
    public SessionSettingsBuilder sessionHeader(@Nullable String name) {
        if (name != null) {
            if (name.isEmpty() || !name.chars().allMatch(SessionSettingsBuilder::isTokenChar)) {
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

    /**
     * Adds a listener that hears what happens to sessions ({@link SessionListener}); by default there is
     * none. Listeners are called in the order they were added, on the request's thread, after the storage
     * answered: keep them fast.
     */
    public SessionSettingsBuilder listener(SessionListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
        return this;
    }

    /** Replaces the listeners with {@code listeners}, in order ({@link #listener(SessionListener)}). */
    public SessionSettingsBuilder listeners(List<? extends SessionListener> listeners) {
        List<SessionListener> copy = new ArrayList<>(listeners.size());
        for (SessionListener listener : listeners) {
            copy.add(Objects.requireNonNull(listener, "listener"));
        }
        this.listeners = copy;
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
