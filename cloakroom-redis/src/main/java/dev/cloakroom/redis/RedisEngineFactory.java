package dev.cloakroom.redis;

import dev.cloakroom.config.CloakroomSettings;
import dev.cloakroom.config.EngineFactory;
import dev.cloakroom.config.OpenedEngine;
import dev.cloakroom.config.Redaction;
import dev.cloakroom.config.Schema;
import dev.cloakroom.config.Settings;
import io.lettuce.core.resource.ClientResources;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

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
        return openOn(name, settings, null);
    }

    /**
     * Opens the {@code cache} engine from settings as the factory does, its Lettuce client built on the
     * application's {@code resources} (event loops and timer shared with the application's other Redis
     * clients, for example Spring Boot's {@code ClientResources} bean). Closing the engine leaves them
     * running.
     *
     * @param settings the settings ({@code redis.url}, {@code redis.key-prefix}, {@code hash-keys})
     * @param resources the application's Lettuce resources
     * @return the opened engine
     * @throws dev.cloakroom.config.ConfigurationException if a setting cannot be used
     */
    public static OpenedEngine open(Settings settings, ClientResources resources) {
        return openOn("cache", settings, resources);
    }

    private static OpenedEngine openOn(String name, Settings settings, @Nullable ClientResources resources) {
        String url = settings.get(CloakroomSettings.REDIS_URL);
        String shown = Redaction.url(url);
        RedisEngine engine;
        try {
            RedisEngine.Builder builder = RedisEngine.builder(url)
                    .keyPrefix(settings.get(CloakroomSettings.REDIS_KEY_PREFIX))
                    .clock(settings.sessionSettings().clock())
                    .hashKeys(settings.get(CloakroomSettings.HASH_KEYS));
            if (resources != null) {
                builder.clientResources(resources);
            }
            engine = builder.build();
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw settings.cannotUse(CloakroomSettings.REDIS_URL, shown, e);
        }
        return new OpenedEngine(engine, name, shown, List.of(engine));
    }
}
