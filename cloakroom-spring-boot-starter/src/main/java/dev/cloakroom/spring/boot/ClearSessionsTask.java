package dev.cloakroom.spring.boot;

import dev.cloakroom.ServerSideEngine;
import dev.cloakroom.SessionEngine;
import dev.cloakroom.config.Settings;
import java.time.Duration;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.scheduling.support.CronTrigger;

/**
 * Django's {@code clearsessions} on a schedule, when {@code cloakroom.clearsessions.enabled} is true: one
 * thread of its own runs {@link ServerSideEngine#clearExpired()} (which deletes in batches) every
 * {@code cloakroom.clearsessions.fixed-delay} seconds after the previous run ended, or at the times of
 * {@code cloakroom.clearsessions.cron}. A failed run is logged and the next one runs as planned.
 */
final class ClearSessionsTask implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(ClearSessionsTask.class);

    private final boolean enabled;
    private final Duration fixedDelay;
    private final Optional<String> cron;
    private final SessionEngine engine;
    private @Nullable ThreadPoolTaskScheduler scheduler;

    ClearSessionsTask(Settings settings, SessionEngine engine) {
        this.enabled = settings.get(StarterSettings.CLEARSESSIONS_ENABLED);
        this.fixedDelay = settings.get(StarterSettings.CLEARSESSIONS_FIXED_DELAY);
        this.cron = settings.value(StarterSettings.CLEARSESSIONS_CRON);
        this.engine = engine;
    }

    @Override
    public synchronized void start() {
        if (!enabled || scheduler != null) {
            return;
        }
        if (!(engine instanceof ServerSideEngine serverSide)) {
            LOG.warn("cloakroom.clearsessions.enabled is true but the engine keeps sessions in the cookie: "
                    + "there is nothing to clear");
            return;
        }
        ThreadPoolTaskScheduler s = new ThreadPoolTaskScheduler();
        s.setPoolSize(1);
        s.setThreadNamePrefix("cloakroom-clearsessions-");
        s.setDaemon(true);
        s.initialize();
        Runnable run = () -> clear(serverSide);
        if (cron.isPresent()) {
            s.schedule(run, new CronTrigger(cron.get()));
        } else {
            s.scheduleWithFixedDelay(run, fixedDelay);
        }
        scheduler = s;
        LOG.info("Clearing expired sessions {}", cron.map(c -> "at cron " + c)
                .orElse("every " + fixedDelay.toSeconds() + " s"));
    }

    private static void clear(ServerSideEngine engine) {
        try {
            int deleted = engine.clearExpired();
            LOG.debug("clearsessions deleted {} expired sessions", deleted);
        } catch (RuntimeException e) {
            LOG.warn("clearsessions failed: {}", e.toString());
        }
    }

    @Override
    public synchronized void stop() {
        ThreadPoolTaskScheduler s = scheduler;
        if (s != null) {
            s.shutdown();
            scheduler = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return scheduler != null;
    }
}
