package dev.cloakroom.config;

import dev.cloakroom.DjangoVersion;
import dev.cloakroom.SameSite;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Cloakroom's settings: the one table of names, defaults and meanings that environment variables,
 * {@code web.xml} init-parameters and command-line flags all read ({@link Spelling} derives their
 * spellings). The README's "Configuration" table is this table.
 */
public final class CloakroomSettings {

    /** The default {@link #REDIS_URL}. */
    public static final String DEFAULT_REDIS_URL = "redis://127.0.0.1:6379/0";

    /** {@code engine}: which engine keeps the sessions. */
    public static final Setting<String> ENGINE = Setting.builder("engine", Engines::parseName)
            .label("NAME").defaultValue("db", "`db`")
            .description("The engine: db, cache, cached_db, file, signed_cookies, encrypted_cookies "
                    + "or memory.")
            .build();

    /** {@code secret-key}: Django's {@code SECRET_KEY}. */
    public static final Setting<String> SECRET_KEY = Setting.builder("secret-key", v -> v)
            .label("KEY").secret()
            .defaultText("generated once into `./.cloakroom-secret` (mode 600) with a WARN; in a servlet "
                    + "container, random per start with a WARN")
            .description("SECRET_KEY. Prefer the variable to the flag: flags show in the process list.")
            .build();

    /** {@code secret-key-fallbacks}: Django's {@code SECRET_KEY_FALLBACKS}, comma-separated. */
    public static final Setting<List<String>> SECRET_KEY_FALLBACKS = Setting.builder("secret-key-fallbacks",
            CloakroomSettings::keys).label("KEY,...").secret()
            .description("SECRET_KEY_FALLBACKS: older keys still accepted, comma-separated.").build();

    /** {@code cookie.name}: {@code SESSION_COOKIE_NAME}. */
    public static final Setting<String> COOKIE_NAME = Setting.builder("cookie.name", v -> v).label("NAME")
            .defaultText("`sessionid`").sessionSetting((b, v) -> b.cookieName(v))
            .description("SESSION_COOKIE_NAME, also the file engine's file prefix.").build();

    /** {@code session.header}: the header carrying the session key instead of a cookie. */
    public static final Setting<String> SESSION_HEADER = Setting.builder("session.header", v -> v)
            .label("HEADER").defaultText("none (the key travels in the cookie)")
            .sessionSetting((b, v) -> b.sessionHeader(v))
            .description("A request and response header, such as X-Session-Token, that carries the "
                    + "session key instead of the cookie, for API and mobile clients; cookies are then "
                    + "neither read nor written.").build();

    /** {@code cookie.age}: {@code SESSION_COOKIE_AGE}, in seconds. */
    public static final Setting<Duration> COOKIE_AGE = Setting.builder("cookie.age",
            v -> Duration.ofSeconds(SettingValues.seconds(v))).label("SECONDS")
            .defaultText("`1209600` (two weeks)").sessionSetting((b, v) -> b.cookieAge(v))
            .description("SESSION_COOKIE_AGE, in seconds.").build();

    /** {@code cookie.domain}: {@code SESSION_COOKIE_DOMAIN}. */
    public static final Setting<String> COOKIE_DOMAIN = Setting.builder("cookie.domain", v -> v)
            .label("DOMAIN").defaultText("none (host-only)").sessionSetting((b, v) -> b.cookieDomain(v))
            .description("SESSION_COOKIE_DOMAIN.").build();

    /** {@code cookie.path}: {@code SESSION_COOKIE_PATH}. */
    public static final Setting<String> COOKIE_PATH = Setting.builder("cookie.path", v -> v).label("PATH")
            .defaultText("`/`").sessionSetting((b, v) -> b.cookiePath(v))
            .description("SESSION_COOKIE_PATH.").build();

    /** {@code cookie.secure}: {@code SESSION_COOKIE_SECURE}. */
    public static final Setting<Boolean> COOKIE_SECURE = Setting.builder("cookie.secure", SettingValues::bool)
            .label("BOOL").defaultText("`false`").sessionSetting((b, v) -> b.cookieSecure(v))
            .description("SESSION_COOKIE_SECURE.").build();

    /** {@code cookie.http-only}: {@code SESSION_COOKIE_HTTPONLY}. */
    public static final Setting<Boolean> COOKIE_HTTP_ONLY = Setting.builder("cookie.http-only",
            SettingValues::bool).alias("cookie.httponly").label("BOOL").defaultText("`true`")
            .sessionSetting((b, v) -> b.cookieHttpOnly(v)).description("SESSION_COOKIE_HTTPONLY.").build();

    /** {@code cookie.same-site}: {@code SESSION_COOKIE_SAMESITE}. */
    public static final Setting<SameSite> COOKIE_SAME_SITE = Setting.builder("cookie.same-site",
            SettingValues::sameSite).alias("cookie.samesite").label("VALUE").defaultText("`Lax`")
            .sessionSetting((b, v) -> b.cookieSameSite(v))
            .description("SESSION_COOKIE_SAMESITE: Lax, Strict, None or false.").build();

    /** {@code save-every-request}: {@code SESSION_SAVE_EVERY_REQUEST}. */
    public static final Setting<Boolean> SAVE_EVERY_REQUEST = Setting.builder("save-every-request",
            SettingValues::bool).label("BOOL").defaultText("`false`")
            .sessionSetting((b, v) -> b.saveEveryRequest(v)).description("SESSION_SAVE_EVERY_REQUEST.")
            .build();

    /** {@code expire-at-browser-close}: {@code SESSION_EXPIRE_AT_BROWSER_CLOSE}. */
    public static final Setting<Boolean> EXPIRE_AT_BROWSER_CLOSE = Setting.builder("expire-at-browser-close",
            SettingValues::bool).label("BOOL").defaultText("`false`")
            .sessionSetting((b, v) -> b.expireAtBrowserClose(v))
            .description("SESSION_EXPIRE_AT_BROWSER_CLOSE.").build();

    /** {@code idle-timeout}: how long a session lives unused, in seconds; off by default. */
    public static final Setting<Duration> IDLE_TIMEOUT = Setting.builder("idle-timeout",
            v -> Duration.ofSeconds(SettingValues.seconds(v))).label("SECONDS")
            .defaultText("off").sessionSetting((b, v) -> b.idleTimeout(v))
            .description("Idle timeout, in seconds: a session unused for this long expires. Reads extend "
                    + "it at most once per touch-after.").build();

    /** {@code absolute-timeout}: how long a session lives from its creation, in seconds; off by default. */
    public static final Setting<Duration> ABSOLUTE_TIMEOUT = Setting.builder("absolute-timeout",
            v -> Duration.ofSeconds(SettingValues.seconds(v))).label("SECONDS")
            .defaultText("off").sessionSetting((b, v) -> b.absoluteTimeout(v))
            .description("Absolute lifetime, in seconds: a session expires this long after its creation, "
                    + "through cycleKey.").build();

    /** {@code touch-after}: how far a read must move the expiry before it is saved, in seconds. */
    public static final Setting<Duration> TOUCH_AFTER = Setting.builder("touch-after",
            v -> "0".equals(v.trim()) ? Duration.ZERO : Duration.ofSeconds(SettingValues.seconds(v)))
            .label("SECONDS")
            .defaultText("`60`").sessionSetting((b, v) -> b.touchAfter(v))
            .description("With an idle timeout: a request that only reads saves the session when that "
                    + "moves its expiry by at least this many seconds; 0 saves on every read.").build();

    /** {@code django-version}: the Django release sharing the store. */
    public static final Setting<DjangoVersion> DJANGO_VERSION = Setting.builder("django-version",
            v -> DjangoVersion.parse(v)).label("VERSION").defaultText("`5.2`")
            .sessionSetting((b, v) -> b.djangoVersion(v))
            .description("The Django sharing the store (3.2, 4.2 or 5.2): what Cloakroom writes where "
                    + "Djangos differ.").build();

    /** {@code jdbc.url}: the database of {@code db} and {@code cached_db}. */
    public static final Setting<String> JDBC_URL = Setting.builder("jdbc.url", CloakroomSettings::jdbcUrl)
            .alias("database-url").label("JDBC_URL").url()
            .defaultIn(directory -> "jdbc:sqlite:" + directory.resolve("cloakroom.sqlite3"),
                    "`jdbc:sqlite:./cloakroom.sqlite3`")
            .description("The JDBC URL of the db and cached_db engines.").build();

    /** {@code jdbc.table}: the table of {@code db}. */
    public static final Setting<String> JDBC_TABLE = Setting.builder("jdbc.table", v -> v).label("TABLE")
            .defaultValue("django_session", "`django_session`")
            .description("The table of the db engine.").build();

    /** {@code jdbc.user-column}: the indexed user column of {@code db}'s table. */
    public static final Setting<String> JDBC_USER_COLUMN = Setting.builder("jdbc.user-column", v -> v)
            .label("COLUMN").defaultValue("user_id", "`user_id`")
            .description("The indexed column of the user id (listing and revoking a user's sessions); "
                    + "used if the table has it, created by migrate.").build();

    /** {@code jdbc.clear-expired-batch-size}: rows per {@code DELETE} of the db engine's cleanup. */
    public static final Setting<Integer> JDBC_CLEAR_EXPIRED_BATCH_SIZE = Setting.builder(
            "jdbc.clear-expired-batch-size", SettingValues::positiveInt).label("ROWS")
            .defaultValue(10_000, "`10000`")
            .description("Rows deleted per statement by clearsessions on the db engine; smaller batches hold "
                    + "the database for less at a time.").build();

    /** {@code jdbc.clear-expired-pause}: the pause between two cleanup batches of the db engine. */
    public static final Setting<Duration> JDBC_CLEAR_EXPIRED_PAUSE = Setting.builder(
            "jdbc.clear-expired-pause", CloakroomSettings::cleanupPause).label("MILLISECONDS")
            .defaultValue(Duration.ZERO, "`0`")
            .description("Milliseconds between two batches of clearsessions on the db engine, leaving the "
                    + "database to live traffic; with batches of 1000, 100 ms apart is about 8000 rows/s.")
            .build();

    /** {@code redis.url}: the Redis of {@code cache} and {@code cached_db}. */
    public static final Setting<String> REDIS_URL = Setting.builder("redis.url", CloakroomSettings::redisUrl)
            .label("URI").url().defaultValue(DEFAULT_REDIS_URL, "`" + DEFAULT_REDIS_URL + "`")
            .description("The Redis URI of the cache and cached_db engines.").build();

    /** {@code redis.key-prefix}: the prefix of every Redis key. */
    public static final Setting<String> REDIS_KEY_PREFIX = Setting.builder("redis.key-prefix", v -> v)
            .label("PREFIX").defaultValue("cloakroom:session:", "`cloakroom:session:`")
            .description("The prefix of every Redis key of the cache and cached_db engines.").build();

    /** {@code hash-keys}: whether {@code db} and {@code cache} store hashes of session keys. */
    public static final Setting<Boolean> HASH_KEYS = Setting.builder("hash-keys", SettingValues::bool)
            .label("BOOL").defaultValue(false, "`false`")
            .description("Store a SHA-256 of each session key instead of the key (db, cache, cached_db), so "
                    + "a copy of the store gives no live key. Not with a Django sharing the store.").build();

    /** {@code file.path}: the directory of {@code file}. */
    public static final Setting<Path> FILE_PATH = Setting.builder("file.path", v -> Path.of(v)).label("DIR")
            .defaultIn(directory -> Path.of(System.getProperty("java.io.tmpdir")),
                    "the system's temporary directory")
            .description("The directory of the file engine (SESSION_FILE_PATH).").build();

    /** Every setting above, in the README's order. */
    public static final List<Setting<?>> ALL = List.of(ENGINE, SECRET_KEY, SECRET_KEY_FALLBACKS, COOKIE_NAME,
            COOKIE_AGE, COOKIE_DOMAIN, COOKIE_PATH, COOKIE_SECURE, COOKIE_HTTP_ONLY, COOKIE_SAME_SITE,
            SAVE_EVERY_REQUEST, EXPIRE_AT_BROWSER_CLOSE, IDLE_TIMEOUT, ABSOLUTE_TIMEOUT, TOUCH_AFTER,
            DJANGO_VERSION, JDBC_URL, JDBC_TABLE,
            JDBC_USER_COLUMN, JDBC_CLEAR_EXPIRED_BATCH_SIZE, JDBC_CLEAR_EXPIRED_PAUSE,
            REDIS_URL, REDIS_KEY_PREFIX, HASH_KEYS, FILE_PATH, SESSION_HEADER);

    private CloakroomSettings() {
    }

    private static List<String> keys(String value) {
        try {
            return SettingValues.list(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("holds an empty key; separate non-empty keys with commas");
        }
    }

    private static Duration cleanupPause(String value) {
        long millis = SettingValues.millis(value);
        if (millis > 60_000) {
            throw new IllegalArgumentException("expected at most 60000 milliseconds (one minute)");
        }
        return Duration.ofMillis(millis);
    }

    private static String jdbcUrl(String url) {
        if (!url.startsWith("jdbc:")) {
            throw new IllegalArgumentException("expected a JDBC URL such as jdbc:sqlite:./cloakroom.sqlite3 "
                    + "or jdbc:postgresql://127.0.0.1:5432/app");
        }
        return url;
    }

    private static String redisUrl(String url) {
        if (!url.startsWith("redis://") && !url.startsWith("rediss://")
                && !url.startsWith("redis-sentinel://")
                && !url.startsWith("redis-socket://")) {
            throw new IllegalArgumentException("expected a Redis URI such as " + DEFAULT_REDIS_URL);
        }
        return url;
    }
}
