package dev.cloakroom.demo.config;

import dev.cloakroom.DjangoVersion;
import dev.cloakroom.SameSite;
import dev.cloakroom.SessionSettings;
import dev.cloakroom.signing.SecretKey;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The configuration of the demo and the CLI, read from {@code CLOAKROOM_*} environment variables with
 * command-line flags taking precedence (see {@link Variable} for the names and defaults). Every value is
 * checked when the configuration is loaded; a bad one is a {@link ConfigurationException} whose one-line
 * message names the variable or flag and the value.
 *
 * <p>With no secret key configured, {@link #settings()} reads the one kept in {@code .cloakroom-secret}
 * in the working directory, or generates it there once (permissions 600) with a WARN. That happens on
 * the first call of {@link #settings()}, so commands that need no secret never create the file.
 *
 * <p>Immutable and thread-safe once loaded.
 */
public final class EnvironmentConfig {

    /** The default {@code CLOAKROOM_DATABASE_URL}: a SQLite file in the working directory. */
    public static final String DEFAULT_DATABASE_URL = "jdbc:sqlite:./cloakroom.sqlite3";
    /** The default {@code CLOAKROOM_REDIS_URL}. */
    public static final String DEFAULT_REDIS_URL = "redis://127.0.0.1:6379/0";
    /** The default {@code CLOAKROOM_REDIS_KEY_PREFIX}, the Redis engine's. */
    public static final String DEFAULT_REDIS_KEY_PREFIX = "cloakroom:session:";
    /** The default {@code CLOAKROOM_PORT}. */
    public static final int DEFAULT_PORT = 8000;

    private final Map<Variable, String> raw;
    private final Map<Variable, String> sources;
    private final Path workingDirectory;
    private final EngineKind engine;
    private final String databaseUrl;
    private final String redisUrl;
    private final String redisKeyPrefix;
    private final Path filePath;
    private final int port;
    private final boolean djangoUsers;
    private final SessionSettings.Builder settingsBuilder;
    private @Nullable SessionSettings settings;
    private @Nullable SecretSource secretSource;

    private EnvironmentConfig(Map<Variable, String> raw, Map<Variable, String> sources,
            Path workingDirectory) {
        this.raw = raw;
        this.sources = sources;
        this.workingDirectory = workingDirectory;
        this.engine = parse(Variable.ENGINE, EngineKind.DB, EngineKind::parse);
        String url = raw.get(Variable.DATABASE_URL);
        this.databaseUrl = url != null ? checkJdbcUrl(url)
                : "jdbc:sqlite:" + workingDirectory.resolve("cloakroom.sqlite3");
        this.redisUrl = parse(Variable.REDIS_URL, DEFAULT_REDIS_URL, EnvironmentConfig::checkRedisUrl);
        this.redisKeyPrefix = parse(Variable.REDIS_KEY_PREFIX, DEFAULT_REDIS_KEY_PREFIX, v -> v);
        this.filePath = parse(Variable.FILE_PATH, Path.of(System.getProperty("java.io.tmpdir")),
                v -> workingDirectory.resolve(v));
        this.port = parse(Variable.PORT, DEFAULT_PORT, EnvironmentConfig::parsePort);
        this.djangoUsers = parse(Variable.DJANGO_USERS, false, EnvironmentConfig::parseBoolean);
        if (djangoUsers && engine != EngineKind.DB && engine != EngineKind.CACHED_DB) {
            throw new ConfigurationException(sources.get(Variable.DJANGO_USERS)
                    + " needs the users' database: "
                    + "use the db or cached_db engine with " + Variable.DATABASE_URL.environmentName());
        }
        this.settingsBuilder = settingsBuilder();
        if (raw.containsKey(Variable.SECRET_KEY_FALLBACKS) && !raw.containsKey(Variable.SECRET_KEY)) {
            throw new ConfigurationException(sources.get(Variable.SECRET_KEY_FALLBACKS) + " is set but "
                    + Variable.SECRET_KEY.environmentName() + " is not; set the current key too");
        }
    }

    /**
     * Loads the configuration from {@code environment} (usually {@code System.getenv()}), with
     * {@code flags} (values given on the command line) taking precedence. Empty values count as unset.
     *
     * @param workingDirectory where relative paths, the default SQLite file and {@code .cloakroom-secret}
     * live
     * @throws ConfigurationException if a value cannot be used
     */
    public static EnvironmentConfig load(Map<String, String> environment, Map<Variable, String> flags,
            Path workingDirectory) {
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(flags, "flags");
        Map<Variable, String> raw = new EnumMap<>(Variable.class);
        Map<Variable, String> sources = new EnumMap<>(Variable.class);
        for (Variable variable : Variable.values()) {
            String value = flags.get(variable);
            String source = variable.flag();
            if (value == null) {
                value = environment.get(variable.environmentName());
                source = variable.environmentName();
            }
            if (variable == Variable.SECRET_KEY && value != null && value.isEmpty()) {
                throw new ConfigurationException(source
                        + " is set but empty; set it to a long random string or unset it to use "
                        + "./" + SecretKeyFile.NAME);
            }
            if (value != null && !value.isEmpty()) {
                raw.put(variable, value);
                sources.put(variable, source);
            }
        }
        return new EnvironmentConfig(raw, sources, workingDirectory.toAbsolutePath().normalize());
    }

    /** Loads the configuration from the process environment and working directory, without flags. */
    public static EnvironmentConfig fromEnvironment() {
        return load(System.getenv(), Map.of(), Path.of(""));
    }

    /** {@code CLOAKROOM_ENGINE}; by default {@code db}. */
    public EngineKind engine() {
        return engine;
    }

    /** {@code CLOAKROOM_DATABASE_URL}; by default {@code cloakroom.sqlite3} in the working directory. */
    public String databaseUrl() {
        return databaseUrl;
    }

    /** {@code CLOAKROOM_REDIS_URL}; by default {@value #DEFAULT_REDIS_URL}. */
    public String redisUrl() {
        return redisUrl;
    }

    /** {@code CLOAKROOM_REDIS_KEY_PREFIX}; by default {@value #DEFAULT_REDIS_KEY_PREFIX}. */
    public String redisKeyPrefix() {
        return redisKeyPrefix;
    }

    /** {@code CLOAKROOM_FILE_PATH}, absolute; by default the system's temporary directory. */
    public Path filePath() {
        return filePath;
    }

    /** {@code CLOAKROOM_PORT}; by default {@value #DEFAULT_PORT}; 0 picks a free port. */
    public int port() {
        return port;
    }

    /**
     * Whether the demo logs in the users of Django's {@code auth_user} table in the database at
     * {@link #databaseUrl()} instead of its own two ({@code CLOAKROOM_DJANGO_USERS}); by default false.
     */
    public boolean djangoUsers() {
        return djangoUsers;
    }

    /** The directory relative paths and {@code .cloakroom-secret} are resolved against. */
    public Path workingDirectory() {
        return workingDirectory;
    }

    /**
     * The session settings these variables describe. The first call resolves the secret key: from
     * {@code CLOAKROOM_SECRET_KEY}, else from {@code .cloakroom-secret}, generating that file if needed.
     *
     * @throws ConfigurationException if the secret key file cannot be read or written
     */
    public synchronized SessionSettings settings() {
        SessionSettings result = settings;
        if (result == null) {
            String secret = raw.get(Variable.SECRET_KEY);
            SecretKey key;
            if (secret != null) {
                key = new SecretKey(secret, fallbacks());
                secretSource = SecretSource.CONFIGURED;
            } else {
                SecretKeyFile file = new SecretKeyFile(workingDirectory.resolve(SecretKeyFile.NAME));
                SecretKeyFile.Result read = file.readOrCreate();
                key = SecretKey.of(read.secret());
                secretSource = read.created() ? SecretSource.GENERATED_FILE : SecretSource.FILE;
            }
            result = settingsBuilder.secretKey(key).build();
            settings = result;
        }
        return result;
    }

    /** Where the secret key came from; {@code null} until {@link #settings()} was called. */
    public synchronized @Nullable SecretSource secretSource() {
        return secretSource;
    }

    /** Where the secret key of {@link #settings()} came from. */
    public enum SecretSource {
        /** {@code CLOAKROOM_SECRET_KEY} or {@code --secret-key}. */
        CONFIGURED,
        /** An existing {@code .cloakroom-secret}. */
        FILE,
        /** A {@code .cloakroom-secret} generated by this call. */
        GENERATED_FILE
    }

    private List<String> fallbacks() {
        String value = raw.get(Variable.SECRET_KEY_FALLBACKS);
        List<String> keys = new ArrayList<>();
        if (value != null) {
            for (String part : value.split(",", -1)) {
                String trimmed = part.trim();
                if (trimmed.isEmpty()) {
                    throw new ConfigurationException(sources.get(Variable.SECRET_KEY_FALLBACKS)
                            + " holds an empty key; separate non-empty keys with commas");
                }
                keys.add(trimmed);
            }
        }
        return keys;
    }

    private SessionSettings.Builder settingsBuilder() {
        SessionSettings.Builder b = SessionSettings.builder();
        apply(Variable.COOKIE_NAME, b::cookieName);
        apply(Variable.COOKIE_AGE, v -> b.cookieAge(Duration.ofSeconds(parseSeconds(v))));
        apply(Variable.COOKIE_SECURE, v -> b.cookieSecure(parseBoolean(v)));
        apply(Variable.COOKIE_HTTPONLY, v -> b.cookieHttpOnly(parseBoolean(v)));
        apply(Variable.COOKIE_SAMESITE, v -> b.cookieSameSite(parseSameSite(v)));
        apply(Variable.COOKIE_DOMAIN, b::cookieDomain);
        apply(Variable.COOKIE_PATH, b::cookiePath);
        apply(Variable.SAVE_EVERY_REQUEST, v -> b.saveEveryRequest(parseBoolean(v)));
        apply(Variable.EXPIRE_AT_BROWSER_CLOSE, v -> b.expireAtBrowserClose(parseBoolean(v)));
        apply(Variable.DJANGO_VERSION, v -> b.djangoVersion(DjangoVersion.parse(v)));
        fallbacks(); // checked now, used when the secret is resolved
        return b;
    }

    private void apply(Variable variable, java.util.function.Consumer<String> setter) {
        parse(variable, "", v -> {
            setter.accept(v);
            return v;
        });
    }

    private <T> T parse(Variable variable, T defaultValue, Function<String, T> parser) {
        String value = raw.get(variable);
        if (value == null) {
            return defaultValue;
        }
        try {
            return parser.apply(value);
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException("Invalid " + sources.get(variable) + " '" + printable(value)
                    + "': "
                    + reason(e), e);
        }
    }

    private static String reason(IllegalArgumentException e) {
        String message = e.getMessage();
        return message == null ? e.getClass().getSimpleName() : message.replace('\n', ' ');
    }

    private static String printable(String value) {
        String oneLine = value.replaceAll("\\p{Cntrl}", "?");
        return oneLine.length() > 80 ? oneLine.substring(0, 77) + "..." : oneLine;
    }

    private String checkJdbcUrl(String url) {
        if (!url.startsWith("jdbc:")) {
            throw new ConfigurationException("Invalid " + sources.get(Variable.DATABASE_URL) + " '"
                    + Redaction.url(url) + "': expected a JDBC URL such as jdbc:sqlite:./cloakroom.sqlite3 "
                    + "or jdbc:postgresql://127.0.0.1:5432/app");
        }
        return url;
    }

    private static String checkRedisUrl(String url) {
        if (!url.startsWith("redis://") && !url.startsWith("rediss://")
                && !url.startsWith("redis-sentinel://")
                && !url.startsWith("redis-socket://")) {
            throw new IllegalArgumentException("expected a Redis URI such as " + DEFAULT_REDIS_URL);
        }
        return url;
    }

    static int parsePort(String value) {
        int port;
        try {
            port = Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("expected a TCP port from 0 to 65535");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("expected a TCP port from 0 to 65535");
        }
        return port;
    }

    static long parseSeconds(String value) {
        long seconds;
        try {
            seconds = Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("expected a whole number of seconds, such as 1209600 (two "
                    + "weeks)");
        }
        if (seconds < 1) {
            throw new IllegalArgumentException("expected at least 1 second");
        }
        return seconds;
    }

    static boolean parseBoolean(String value) {
        switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "true": case "1": case "yes": case "on":
                return true;
            case "false": case "0": case "no": case "off":
                return false;
            default:
                throw new IllegalArgumentException("expected true or false");
        }
    }

    private static SameSite parseSameSite(String value) {
        try {
            return SameSite.parse(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("expected Lax, Strict, None or false");
        }
    }

    /** Describes the configuration without secrets or database passwords. */
    @Override
    public String toString() {
        return "EnvironmentConfig[engine=" + engine + ", databaseUrl=" + Redaction.url(databaseUrl)
                + ", redisUrl=" + Redaction.url(redisUrl) + ", filePath=" + filePath + ", port=" + port + "]";
    }
}
