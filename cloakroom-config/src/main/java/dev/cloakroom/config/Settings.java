package dev.cloakroom.config;

import dev.cloakroom.SessionSettings;
import dev.cloakroom.SessionSettingsBuilder;
import dev.cloakroom.signing.SecretKey;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Values of {@link Setting}s read from one or more sources (environment variables, flags, init-parameters),
 * every one parsed and checked when read: a bad value is a {@link ConfigurationException} whose one-line
 * message names the setting as the user spelled it and the value. A blank value counts as unset.
 *
 * <pre>{@code
 * Settings settings = Settings.fromEnvironment(System.getenv());
 * try (OpenedEngine engine = Engines.open(settings, Schema.CREATE_MISSING)) {
 *     SessionSettings session = settings.sessionSettings();
 * }
 * }</pre>
 *
 * <p>Without {@code secret-key}, {@link #sessionSettings()} reads the key kept in {@code .cloakroom-secret}
 * in the working directory, generating it there once (permissions 600) with a WARN, when the reader was
 * told to ({@link Reader#secretKeyFile}); otherwise the key is random for this process
 * ({@link SessionSettingsBuilder}'s default, with its WARN). That happens on the first call, so code that
 * needs no secret never creates the file.
 *
 * <p>Immutable and thread-safe once read.
 */
public final class Settings {

    private final List<Setting<?>> table;
    private final Map<Setting<?>, Object> values;
    private final Map<Setting<?>, String> spelled;
    private final Map<Setting<?>, String> raw;
    private final Spelling preferred;
    private final Path workingDirectory;
    private final boolean secretKeyFile;
    private final SessionSettingsBuilder builder;
    private @Nullable SessionSettings sessionSettings;
    private @Nullable SecretSource secretSource;

    private Settings(Reader reader, Map<Setting<?>, Object> values, Map<Setting<?>, String> spelled,
            Map<Setting<?>, String> raw) {
        this.table = List.copyOf(reader.table);
        this.values = values;
        this.spelled = spelled;
        this.raw = raw;
        this.preferred = reader.sources.isEmpty() ? Spelling.ENVIRONMENT : reader.sources.get(0).spelling;
        this.workingDirectory = reader.workingDirectory;
        this.secretKeyFile = reader.secretKeyFile;
        if (isSet(CloakroomSettings.SECRET_KEY_FALLBACKS) && !isSet(CloakroomSettings.SECRET_KEY)) {
            String fallbacks = spelledName(CloakroomSettings.SECRET_KEY_FALLBACKS);
            Spelling spelling = spellingOf(fallbacks);
            throw new ConfigurationException(fallbacks + " is set but "
                    + CloakroomSettings.SECRET_KEY.keys(spelling).get(0)
                    + " is not; set the current key too");
        }
        this.builder = sessionSettingsBuilder();
    }

    /** Starts reading settings of {@link CloakroomSettings#ALL} (and more, with {@link Reader#table}). */
    public static Reader reader() {
        return new Reader();
    }

    /**
     * Reads {@code CLOAKROOM_*} variables from {@code environment} (usually {@code System.getenv()}), with
     * the process's working directory and the secret key kept in {@code .cloakroom-secret} there.
     *
     * @throws ConfigurationException if a value cannot be used
     */
    public static Settings fromEnvironment(Map<String, String> environment) {
        return reader().environment(environment).secretKeyFile(true).read();
    }

    /**
     * The keys among {@code keys} that name none of {@code table}'s settings as {@code spelling} spells
     * them, sorted: misspelt init-parameters, say.
     */
    public static Set<String> unknownKeys(Collection<Setting<?>> table, Spelling spelling,
            Collection<String> keys) {
        Set<String> known = new TreeSet<>();
        table.forEach(s -> known.addAll(s.keys(spelling)));
        Set<String> unknown = new TreeSet<>(keys);
        unknown.removeAll(known);
        return unknown;
    }

    /** Whether {@code setting} was given a (non-blank) value. */
    public boolean isSet(Setting<?> setting) {
        return values.containsKey(setting);
    }

    /** The value given to {@code setting}, if any. */
    public <T> Optional<T> value(Setting<T> setting) {
        @SuppressWarnings("unchecked") // values holds what setting's parser returned
        T value = (T) values.get(setting);
        return Optional.ofNullable(value).map(this::resolved);
    }

    /**
     * The value given to {@code setting}, or its default. Paths are resolved against the working directory.
     *
     * @throws IllegalStateException if it is not set and has no default
     */
    public <T> T get(Setting<T> setting) {
        Optional<T> value = value(setting);
        if (value.isPresent()) {
            return value.get();
        }
        T defaultValue = setting.defaultValue(workingDirectory);
        if (defaultValue == null) {
            throw new IllegalStateException(setting.name() + " is not set and has no default");
        }
        return resolved(defaultValue);
    }

    private <T> T resolved(T value) {
        if (value instanceof Path path) {
            @SuppressWarnings("unchecked") // a Path resolved is a Path
            T resolvedPath = (T) workingDirectory.resolve(path);
            return resolvedPath;
        }
        return value;
    }

    /** The engine's name: {@code db}, {@code cache}... */
    public String engineName() {
        return get(CloakroomSettings.ENGINE);
    }

    /**
     * {@code setting}'s name as the user spelled it ({@code --cookie-age}, {@code CLOAKROOM_COOKIE_AGE}), or
     * as the first source spells it if it is not set.
     */
    public String spelledName(Setting<?> setting) {
        String name = spelled.get(setting);
        return name != null ? name : preferred.key(setting.name());
    }

    /** The directory relative paths, the default SQLite file and {@code .cloakroom-secret} are in. */
    public Path workingDirectory() {
        return workingDirectory;
    }

    /**
     * The session settings. The first call resolves the secret key (see the class comment).
     *
     * @throws ConfigurationException if the secret key file cannot be read or written
     */
    public synchronized SessionSettings sessionSettings() {
        SessionSettings result = sessionSettings;
        if (result == null) {
            Optional<String> secret = value(CloakroomSettings.SECRET_KEY);
            if (secret.isPresent()) {
                builder.secretKey(new SecretKey(secret.get(),
                        value(CloakroomSettings.SECRET_KEY_FALLBACKS).orElse(List.of())));
                secretSource = SecretSource.CONFIGURED;
            } else if (secretKeyFile) {
                SecretKeyFile.Result read = new SecretKeyFile(workingDirectory.resolve(SecretKeyFile.NAME))
                        .readOrCreate();
                builder.secretKey(SecretKey.of(read.secret()));
                secretSource = read.created() ? SecretSource.GENERATED_FILE : SecretSource.FILE;
            } else {
                secretSource = SecretSource.RANDOM;
            }
            result = builder.build();
            sessionSettings = result;
        }
        return result;
    }

    /** Where the secret key came from; {@code null} until {@link #sessionSettings()} was called. */
    public synchronized @Nullable SecretSource secretSource() {
        return secretSource;
    }

    /** Where the secret key of {@link #sessionSettings()} came from. */
    public enum SecretSource {
        /** The {@code secret-key} setting. */
        CONFIGURED,
        /** An existing {@code .cloakroom-secret}. */
        FILE,
        /** A {@code .cloakroom-secret} generated by this call. */
        GENERATED_FILE,
        /** None: a random key for this process. */
        RANDOM
    }

    /**
     * Turns {@code e}, thrown by code using {@code setting}'s value {@code shownValue}, into a
     * {@link ConfigurationException} naming the setting: {@code Cannot use CLOAKROOM_JDBC_URL '...': ...}.
     */
    public ConfigurationException cannotUse(Setting<?> setting, String shownValue, RuntimeException e) {
        return new ConfigurationException("Cannot use " + spelledName(setting) + " '" + shownValue + "': "
                + e.getMessage(), e);
    }

    private SessionSettingsBuilder sessionSettingsBuilder() {
        SessionSettingsBuilder b = SessionSettings.builder();
        for (Setting<?> setting : table) {
            apply(b, setting);
        }
        return b;
    }

    private <T> void apply(SessionSettingsBuilder b, Setting<T> setting) {
        Optional<T> value = value(setting);
        if (value.isPresent() && setting.isSessionSetting()) {
            try {
                setting.applyTo(b, value.get());
            } catch (IllegalArgumentException e) {
                throw invalid(spelledName(setting), setting, rawValue(setting), e);
            }
        }
    }

    private String rawValue(Setting<?> setting) {
        return String.valueOf(raw.get(setting));
    }

    private static Spelling spellingOf(String key) {
        if (key.startsWith("--")) {
            return Spelling.FLAG;
        }
        return key.startsWith(Spelling.ENVIRONMENT_PREFIX) ? Spelling.ENVIRONMENT : Spelling.PARAMETER;
    }

    static ConfigurationException invalid(String spelledName, Setting<?> setting, String value,
            IllegalArgumentException e) {
        String message = e.getMessage();
        String reason = message == null ? e.getClass().getSimpleName() : message.replace('\n', ' ');
        return new ConfigurationException("Invalid " + spelledName + " '" + printable(setting.shown(value))
                + "': " + reason, e);
    }

    private static String printable(String value) {
        String oneLine = value.replaceAll("\\p{Cntrl}", "?");
        return oneLine.length() > 80 ? oneLine.substring(0, 77) + "..." : oneLine;
    }

    /** Describes the settings that were set, without secrets or passwords. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("Settings[");
        String separator = "";
        for (Setting<?> setting : table) {
            String value = raw.get(setting);
            if (value != null) {
                sb.append(separator).append(setting.name()).append('=').append(setting.shown(value));
                separator = ", ";
            }
        }
        return sb.append(']').toString();
    }

    /** Reads {@link Settings} from sources; a source added earlier wins over one added later. */
    public static final class Reader {
        private final List<Setting<?>> table = new ArrayList<>(CloakroomSettings.ALL);
        private final List<Source> sources = new ArrayList<>();
        private Path workingDirectory = Path.of("").toAbsolutePath();
        private boolean secretKeyFile;

        private Reader() {
        }

        private record Source(Spelling spelling, Function<String, @Nullable String> values) {
        }

        /** Reads {@code settings} too: an application's own, declared as Cloakroom's are. */
        public Reader table(Collection<? extends Setting<?>> settings) {
            table.addAll(settings);
            return this;
        }

        /** Reads {@code CLOAKROOM_*} environment variables from {@code environment}. */
        public Reader environment(Map<String, String> environment) {
            Map<String, String> copy = Map.copyOf(environment);
            sources.add(new Source(Spelling.ENVIRONMENT, copy::get));
            return this;
        }

        /** Reads command-line flags: {@code flags} maps {@code --cookie-age} to its value. */
        public Reader flags(Map<String, String> flags) {
            Map<String, String> copy = Map.copyOf(flags);
            sources.add(new Source(Spelling.FLAG, copy::get));
            return this;
        }

        /** Reads init-parameters or properties: {@code parameters} maps {@code cookie-age} to its value. */
        public Reader parameters(Function<String, @Nullable String> parameters) {
            sources.add(new Source(Spelling.PARAMETER, Objects.requireNonNull(parameters, "parameters")));
            return this;
        }

        /** Where relative paths are resolved; by default the process's working directory. */
        public Reader workingDirectory(Path directory) {
            this.workingDirectory = directory.toAbsolutePath().normalize();
            return this;
        }

        /**
         * Whether, without {@code secret-key}, the key is kept in {@code .cloakroom-secret} in the working
         * directory (generated once); by default false: a random key per process.
         */
        public Reader secretKeyFile(boolean keep) {
            this.secretKeyFile = keep;
            return this;
        }

        /**
         * Reads and checks every setting.
         *
         * @throws ConfigurationException naming the setting as spelled, if a value cannot be used
         */
        public Settings read() {
            Map<Setting<?>, Object> values = new HashMap<>();
            Map<Setting<?>, String> spelled = new HashMap<>();
            Map<Setting<?>, String> raw = new HashMap<>();
            for (Setting<?> setting : table) {
                readOne(setting, values, spelled, raw);
            }
            return new Settings(this, values, spelled, raw);
        }

        private void readOne(Setting<?> setting, Map<Setting<?>, Object> values,
                Map<Setting<?>, String> spelled, Map<Setting<?>, String> raws) {
            for (Source source : sources) {
                for (String key : setting.keys(source.spelling)) {
                    String raw = source.values.apply(key);
                    if (raw == null) {
                        continue;
                    }
                    if (raw.isBlank()) {
                        if (setting == CloakroomSettings.SECRET_KEY && secretKeyFile) {
                            throw new ConfigurationException(key + " is set but empty; set it to a long "
                                    + "random string or unset it to use ./" + SecretKeyFile.NAME);
                        }
                        continue; // blank is unset
                    }
                    String value = raw.trim();
                    try {
                        values.put(setting, setting.parse(value));
                    } catch (IllegalArgumentException e) {
                        throw invalid(key, setting, value, e);
                    }
                    spelled.put(setting, key);
                    raws.put(setting, value);
                    return;
                }
            }
        }
    }
}
