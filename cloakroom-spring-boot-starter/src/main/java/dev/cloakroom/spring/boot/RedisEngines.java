package dev.cloakroom.spring.boot;

import dev.cloakroom.config.Engines;
import dev.cloakroom.config.OpenedEngine;
import dev.cloakroom.config.Schema;
import dev.cloakroom.config.Settings;
import dev.cloakroom.redis.RedisEngineFactory;
import io.lettuce.core.resource.ClientResources;
import org.springframework.beans.factory.ListableBeanFactory;

/**
 * The {@code cache} engine, on {@code cloakroom.redis.url} or else the Redis of {@code spring.data.redis.*}
 * (which {@link EnvironmentSettings} passes as {@code redis.url}).
 */
final class RedisEngines {

    private RedisEngines() {
    }

    /**
     * Opens the engine on the application's Lettuce {@code ClientResources} bean when there is one (Spring
     * Boot defines it with Spring Data Redis): the engine's client then shares Boot's event loops and timer
     * and leaves them to Boot on close. Without such a bean the engine has resources of its own.
     */
    static OpenedEngine open(Settings settings, ListableBeanFactory beanFactory) {
        EngineOpener.requireModule("cache", "cloakroom-redis", "dev.cloakroom.redis.RedisEngine");
        ClientResources resources = beanFactory.getBeanProvider(ClientResources.class).getIfAvailable();
        if (resources == null) {
            return Engines.open(settings, Schema.CREATE_MISSING);
        }
        return RedisEngineFactory.open(settings, resources);
    }
}
