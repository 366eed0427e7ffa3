package dev.cloakroom.spring.boot;

import dev.cloakroom.config.CloakroomSettings;
import dev.cloakroom.config.Settings;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.core.env.Environment;

/**
 * Reads Cloakroom's settings from the Spring {@link Environment}: each setting {@code cookie.same-site} is
 * the property {@code cloakroom.cookie.same-site}, bound with Boot's relaxed rules
 * ({@code cloakroom.cookie.sameSite}, {@code CLOAKROOM_COOKIE_SAMESITE}...), then parsed and checked by
 * {@code cloakroom-config} as every other source is. Without {@code cloakroom.redis.url}, the Redis of
 * {@code spring.data.redis.*} is used.
 */
final class EnvironmentSettings {

    static final String PREFIX = "cloakroom.";

    private EnvironmentSettings() {
    }

    /**
     * Reads and checks the settings.
     *
     * @throws dev.cloakroom.config.ConfigurationException if a value cannot be used
     */
    static Settings read(Environment environment) {
        Binder binder = Binder.get(environment);
        return Settings.reader().table(StarterSettings.ALL)
                .parameters(key -> property(binder, PREFIX + key))
                .parameters(key -> CloakroomSettings.REDIS_URL.name().equals(key) ? bootRedisUrl(binder)
                        : null)
                .read();
    }

    private static @Nullable String property(Binder binder, String name) {
        if (!ConfigurationPropertyName.isValid(name)) {
            return null;
        }
        ConfigurationPropertyName property = ConfigurationPropertyName.of(name);
        String value = binder.bind(property, Bindable.of(String.class)).orElse(null);
        if (value != null) {
            return value;
        }
        List<String> list = binder.bind(property, Bindable.listOf(String.class)).orElse(null);
        return list == null ? null : String.join(",", list);
    }

    /**
     * The Redis URI of Boot's {@code spring.data.redis.url}, or of its {@code host}, {@code port},
     * {@code username}, {@code password}, {@code database} and {@code ssl.enabled}; null if none is set.
     */
    static @Nullable String bootRedisUrl(Binder binder) {
        String url = property(binder, "spring.data.redis.url");
        if (url != null) {
            return url;
        }
        String host = property(binder, "spring.data.redis.host");
        String port = property(binder, "spring.data.redis.port");
        if (host == null && port == null) {
            return null;
        }
        String username = property(binder, "spring.data.redis.username");
        String password = property(binder, "spring.data.redis.password");
        String database = property(binder, "spring.data.redis.database");
        boolean ssl = "true".equalsIgnoreCase(property(binder, "spring.data.redis.ssl.enabled"));
        StringBuilder uri = new StringBuilder(ssl ? "rediss://" : "redis://");
        if (password != null) {
            if (username != null) {
                uri.append(encoded(username));
            }
            uri.append(':').append(encoded(password)).append('@');
        }
        uri.append(host == null ? "localhost" : host).append(':').append(port == null ? "6379" : port);
        uri.append('/').append(database == null ? "0" : database);
        return uri.toString();
    }

    private static String encoded(String part) {
        return URLEncoder.encode(part, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
