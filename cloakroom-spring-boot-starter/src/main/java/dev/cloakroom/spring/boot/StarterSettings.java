package dev.cloakroom.spring.boot;

import dev.cloakroom.config.Setting;
import dev.cloakroom.config.SettingValues;
import java.time.Duration;
import java.util.List;
import org.springframework.scheduling.support.CronExpression;

/**
 * The settings only the Spring Boot starter reads, declared as {@link dev.cloakroom.config.CloakroomSettings}
 * are and read beside them (properties {@code cloakroom.clearsessions.*}).
 */
public final class StarterSettings {

    /** {@code clearsessions.enabled}: whether the application deletes expired sessions on a schedule. */
    public static final Setting<Boolean> CLEARSESSIONS_ENABLED = Setting.builder("clearsessions.enabled",
            SettingValues::bool).label("BOOL").defaultValue(false, "`false`")
            .description("Whether the application deletes expired sessions on a schedule (Django's "
                    + "clearsessions), in batches; for the db, cache, cached_db and file engines.")
            .build();

    /** {@code clearsessions.fixed-delay}: the time between two runs, in seconds. */
    public static final Setting<Duration> CLEARSESSIONS_FIXED_DELAY = Setting.builder(
            "clearsessions.fixed-delay", v -> Duration.ofSeconds(SettingValues.seconds(v))).label("SECONDS")
            .defaultValue(Duration.ofHours(1), "`3600`")
            .description("Seconds between the end of one clearsessions run and the start of the next.")
            .build();

    /** {@code clearsessions.cron}: a cron expression for the runs, instead of the fixed delay. */
    public static final Setting<String> CLEARSESSIONS_CRON = Setting.builder("clearsessions.cron",
            StarterSettings::cron).label("CRON").defaultText("none (the fixed delay)")
            .description("A Spring cron expression (six fields, such as 0 0 3 * * *) for the clearsessions "
                    + "runs, instead of the fixed delay.")
            .build();

    /** Every setting above. */
    public static final List<Setting<?>> ALL = List.of(CLEARSESSIONS_ENABLED, CLEARSESSIONS_FIXED_DELAY,
            CLEARSESSIONS_CRON);

    private StarterSettings() {
    }

    private static String cron(String value) {
        if (!CronExpression.isValidExpression(value)) {
            throw new IllegalArgumentException("expected a cron expression of six fields, such as "
                    + "0 0 3 * * *");
        }
        return value;
    }
}
