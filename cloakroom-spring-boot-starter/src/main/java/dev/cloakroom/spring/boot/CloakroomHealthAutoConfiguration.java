package dev.cloakroom.spring.boot;

import dev.cloakroom.SessionEngine;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;

/**
 * The health indicator {@code cloakroom} on Spring Boot 3 (actuator's {@code HealthIndicator}): {@code UP}
 * when the session store answers, {@code DOWN} with the error otherwise. Off with
 * {@code management.health.cloakroom.enabled=false}.
 */
@AutoConfiguration(after = CloakroomAutoConfiguration.class)
@ConditionalOnClass(name = "org.springframework.boot.actuate.health.HealthIndicator")
@ConditionalOnBean(SessionEngine.class)
@ConditionalOnProperty(name = "management.health.cloakroom.enabled", matchIfMissing = true)
public final class CloakroomHealthAutoConfiguration {

    /** Creates the configuration; Spring calls it. */
    public CloakroomHealthAutoConfiguration() {
    }

    @Bean
    @ConditionalOnMissingBean(name = "cloakroomHealthIndicator")
    static HealthIndicator cloakroomHealthIndicator(SessionEngine engine) {
        StoreProbe probe = new StoreProbe(engine);
        return () -> {
            RuntimeException failure = probe.failure();
            Health.Builder health = failure == null ? Health.up() : Health.down(failure);
            return health.withDetail("engine", probe.engine()).build();
        };
    }
}
