package dev.cloakroom.demo;

import dev.cloakroom.config.CloakroomSettings;
import dev.cloakroom.config.ConfigurationException;
import dev.cloakroom.config.Setting;
import dev.cloakroom.config.SettingValues;
import dev.cloakroom.config.Settings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The demo's settings: Cloakroom's ({@link CloakroomSettings}) and two of its own, declared the same way,
 * read from {@code CLOAKROOM_*} variables with flags winning; the secret key is kept in
 * {@code .cloakroom-secret} when none is set. Unlike Cloakroom's defaults, the demo turns the idle and
 * absolute expiry on ({@link #EXPIRY_DEFAULTS}), so that its "Expiry" page has something to show.
 */
public final class DemoSettings {

    /** {@code port}: the demo's TCP port on 127.0.0.1; 0 picks a free one. */
    public static final Setting<Integer> PORT = Setting.builder("port", SettingValues::port).label("PORT")
            .defaultValue(8000, "`8000` (`0`: any free port)")
            .description("The demo's TCP port on 127.0.0.1.").build();

    /** {@code django-users}: whether the demo logs in the users of Django's {@code auth_user}. */
    public static final Setting<Boolean> DJANGO_USERS = Setting.builder("django-users", SettingValues::bool)
            .label("BOOL").defaultValue(false, "`0` (the demo's alice and bob)")
            .description("Whether the demo logs in the users of Django's auth_user in its database "
                    + "(db, cached_db).").build();

    /** The demo's own settings. */
    public static final List<Setting<?>> OWN = List.of(PORT, DJANGO_USERS);

    /**
     * The demo's values of {@code idle-timeout} (30 minutes), {@code absolute-timeout} (8 hours) and
     * {@code touch-after} (1 minute), in seconds, used where the variables and flags set none.
     */
    public static final Map<String, String> EXPIRY_DEFAULTS = Map.of(
            CloakroomSettings.IDLE_TIMEOUT.name(), "1800",
            CloakroomSettings.ABSOLUTE_TIMEOUT.name(), "28800",
            CloakroomSettings.TOUCH_AFTER.name(), "60");

    private DemoSettings() {
    }

    /** Cloakroom's settings and the demo's own, in usage order. */
    public static List<Setting<?>> all() {
        List<Setting<?>> all = new ArrayList<>(CloakroomSettings.ALL);
        all.addAll(OWN);
        return all;
    }

    /**
     * Reads the settings from {@code environment} with {@code flags} ({@code --port} to value) winning, and
     * {@link #EXPIRY_DEFAULTS} for the expiry settings neither sets.
     *
     * @param workingDirectory where relative paths, the default SQLite file and {@code .cloakroom-secret}
     *     live
     * @throws ConfigurationException if a value cannot be used
     */
    public static Settings read(Map<String, String> environment, Map<String, String> flags,
            Path workingDirectory) {
        Settings settings = Settings.reader().table(OWN).flags(flags).environment(environment)
                .parameters(EXPIRY_DEFAULTS::get).workingDirectory(workingDirectory).secretKeyFile(true)
                .read();
        String engine = settings.engineName();
        if (settings.get(DJANGO_USERS) && !engine.equals("db") && !engine.equals("cached_db")) {
            throw new ConfigurationException(settings.spelledName(DJANGO_USERS)
                    + " needs the users' database: use the db or cached_db engine with "
                    + CloakroomSettings.JDBC_URL.environmentName());
        }
        return settings;
    }

    /** Reads the settings from the process's environment and working directory, without flags. */
    public static Settings fromEnvironment() {
        return read(System.getenv(), Map.of(), Path.of(""));
    }
}
