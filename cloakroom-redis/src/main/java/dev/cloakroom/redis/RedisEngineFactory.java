package dev.cloakroom.redis;

import dev.cloakroom.config.CloakroomSettings;
import dev.cloakroom.config.EngineFactory;
import dev.cloakroom.config.OpenedEngine;
import dev.cloakroom.config.Redaction;
import dev.cloakroom.config.Schema;
import dev.cloakroom.config.Settings;
import java.util.List;
import java.util.Set;

/**
 * Opens the {@code cache} engine from settings ({@code redis.url}, {@code redis.key-prefix},
 * {@code hash-keys}): the
 * {@link dev.cloakroom.config.EngineFactory} this module registers.
 */
public final class RedisEngineFactory implements EngineFactory {

    /** Creates the factory; {@link java.util.ServiceLoader} calls it. */
    public RedisEngineFactory() {
    }

    @Override
    public Set<String> engines() {
        return Set.of("cache");
    }

    @Override
    public OpenedEngine open(String name, Settings settings, Schema schema) {
        String url = settings.get(CloakroomSettings.REDIS_URL);
        String shown = Redaction.url(url);
        RedisEngine engine;
        try {
            engine = RedisEngine.builder(url).keyPrefix(settings.get(CloakroomSettings.REDIS_KEY_PREFIX))
                    .clock(settings.sessionSettings().clock())
                    .hashKeys(settings.get(CloakroomSettings.HASH_KEYS)).build();
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw settings.cannotUse(CloakroomSettings.REDIS_URL, shown, e);
        }
        return new OpenedEngine(engine, name, shown, List.of(engine));
    }
}
