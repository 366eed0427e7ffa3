package dev.cloakroom.spring.boot;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cloakroom.config.CloakroomSettings;
import dev.cloakroom.config.Engines;
import dev.cloakroom.config.Setting;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Spring Boot's configuration metadata ({@code META-INF/spring-configuration-metadata.json}, what IDEs
 * complete {@code cloakroom.*} properties from) generated from the settings tables, so that they stay its
 * one source.
 */
final class ConfigurationMetadata {

    private static final Pattern LITERAL_DEFAULT = Pattern.compile("`([^`]*)`.*");

    /** Where the starter differs from the table's defaults, which speak of the command and web.xml. */
    private static final Map<Setting<?>, String> STARTER_DESCRIPTIONS = Map.of(
            CloakroomSettings.SECRET_KEY, "SECRET_KEY. Required: the start fails without it.",
            CloakroomSettings.JDBC_URL, "The JDBC URL of the db and cached_db engines. By default, the "
                    + "application's DataSource.",
            CloakroomSettings.REDIS_URL, "The Redis URI of the cache and cached_db engines. By default, the "
                    + "Redis of spring.data.redis.*, else " + CloakroomSettings.DEFAULT_REDIS_URL + ".");

    private ConfigurationMetadata() {
    }

    static String json(List<Setting<?>> settings) throws Exception {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("groups", List.of(ordered("name", "cloakroom",
                "description", "Cloakroom: Django's sessions (the README's Configuration table).")));
        List<Object> properties = new ArrayList<>();
        for (Setting<?> setting : settings) {
            properties.add(property(setting));
            for (String alias : setting.aliases()) {
                Map<String, Object> old = new LinkedHashMap<>();
                old.put("name", EnvironmentSettings.PREFIX + alias);
                old.put("type", type(setting));
                old.put("description",
                        "An older name of " + EnvironmentSettings.PREFIX + setting.name() + ".");
                old.put("deprecation", ordered("level", "warning",
                        "replacement", EnvironmentSettings.PREFIX + setting.name()));
                properties.add(old);
            }
        }
        root.put("properties", properties);
        root.put("hints", List.of(
                hint(CloakroomSettings.ENGINE, Engines.names()),
                hint(CloakroomSettings.COOKIE_SAME_SITE, List.of("Lax", "Strict", "None", "false"))));
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
                .withObjectIndenter(new DefaultIndenter("  ", "\n"));
        return new ObjectMapper().writer(printer).writeValueAsString(root) + "\n";
    }

    private static Map<String, Object> property(Setting<?> setting) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("name", EnvironmentSettings.PREFIX + setting.name());
        p.put("type", type(setting));
        Matcher literal = LITERAL_DEFAULT.matcher(setting.defaultText());
        String description = setting.description();
        String starter = STARTER_DESCRIPTIONS.get(setting);
        if (starter != null) {
            p.put("description", starter);
        } else if (literal.matches() && !setting.defaultText().contains("./")) {
            p.put("description", description);
            p.put("defaultValue", typed(setting, literal.group(1)));
        } else {
            p.put("description",
                    description + " By default, " + setting.defaultText().replace("`", "") + ".");
        }
        return p;
    }

    private static String type(Setting<?> setting) {
        switch (setting.label()) {
            case "BOOL":
                return "java.lang.Boolean";
            case "SECONDS":
                return "java.lang.Long";
            default:
                return setting.label().endsWith(",...") ? "java.util.List<java.lang.String>"
                        : "java.lang.String";
        }
    }

    private static Object typed(Setting<?> setting, String value) {
        switch (type(setting)) {
            case "java.lang.Boolean":
                return Boolean.valueOf(value);
            case "java.lang.Long":
                return Long.valueOf(value);
            default:
                return value;
        }
    }

    private static Map<String, Object> hint(Setting<?> setting, List<String> values) {
        List<Object> list = new ArrayList<>();
        values.forEach(v -> list.add(ordered("value", v)));
        return ordered("name", EnvironmentSettings.PREFIX + setting.name(), "values", list);
    }

    /** A map of {@code keysAndValues} in their order (Map.of's order changes from run to run). */
    private static Map<String, Object> ordered(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
