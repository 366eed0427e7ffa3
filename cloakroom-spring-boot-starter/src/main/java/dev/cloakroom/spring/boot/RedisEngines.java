package dev.cloakroom.spring.boot;

import dev.cloakroom.config.Engines;
import dev.cloakroom.config.OpenedEngine;
import dev.cloakroom.config.Schema;
import dev.cloakroom.config.Settings;
import org.springframework.beans.factory.ListableBeanFactory;

/**
 * The {@code cache} engine, on {@code cloakroom.redis.url} or else the Redis of {@code spring.data.redis.*}
 * (which {@link EnvironmentSettings} passes as {@code redis.url}).
 */
final class RedisEngines {

    private RedisEngines() {
    }

    /**
     * Opens the engine with its own Lettuce client. Boot's Lettuce {@code ClientResources} bean (its event
     * loops) is not shared with it: {@code RedisEngine}'s builder takes no {@code ClientResources}. When it
     * does, this is the one method to change: build the engine here with
     * {@code RedisEngine.builder(url).clientResources(beanFactory.getBeanProvider(ClientResources.class)
     * .getIfAvailable())}.
     */
    static OpenedEngine open(Settings settings, ListableBeanFactory beanFactory) {
        EngineOpener.requireModule("cache", "cloakroom-redis", "dev.cloakroom.redis.RedisEngine");
        return Engines.open(settings, Schema.CREATE_MISSING);
    }
}
