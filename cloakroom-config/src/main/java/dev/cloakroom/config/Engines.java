package dev.cloakroom.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceLoader;

/** Opens the engine {@link Settings} name, through the {@link EngineFactory} serving it. */
public final class Engines {

    /** Django's engines, and the modules that serve them. */
    private static final Map<String, String> MODULES = modules();
    private static final String DJANGO_PREFIX = "django.contrib.sessions.backends.";

    private Engines() {
    }

    private static Map<String, String> modules() {
        Map<String, String> modules = new LinkedHashMap<>();
        modules.put("db", "cloakroom-jdbc");
        modules.put("cache", "cloakroom-redis");
        modules.put("cached_db", "cloakroom-jdbc and cloakroom-redis");
        modules.put("file", "cloakroom-config");
        modules.put("signed_cookies", "cloakroom-config");
        modules.put("encrypted_cookies", "cloakroom-config");
        modules.put("memory", "cloakroom-config");
        return modules;
    }

    /**
     * Opens the engine named by {@code settings}' {@code engine}.
     *
     * @throws ConfigurationException if no factory on the class path serves it ("engine 'cache' needs
     *     cloakroom-redis on the class path") or a setting cannot be used
     * @throws dev.cloakroom.SessionStorageException if the storage had to be asked and could not be reached
     */
    public static OpenedEngine open(Settings settings, Schema schema) {
        String name = settings.engineName();
        return factory(name).open(name, settings, schema);
    }

    /** The factory serving {@code name}, from the class path. */
    static EngineFactory factory(String name) {
        for (EngineFactory factory : factories()) {
            if (factory.engines().contains(name)) {
                return factory;
            }
        }
        String module = MODULES.getOrDefault(name, "the module providing it");
        throw new ConfigurationException("engine '" + name + "' needs " + module + " on the class path");
    }

    /** Every factory on the class path. */
    static List<EngineFactory> factories() {
        List<EngineFactory> factories = new ArrayList<>();
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        ServiceLoader.load(EngineFactory.class, loader != null ? loader : Engines.class.getClassLoader())
                .forEach(factories::add);
        if (loader != null && loader != Engines.class.getClassLoader()) {
            for (EngineFactory f : ServiceLoader.load(EngineFactory.class, Engines.class.getClassLoader())) {
                if (factories.stream().noneMatch(g -> g.getClass() == f.getClass())) {
                    factories.add(f);
                }
            }
        }
        return factories;
    }

    /** Django's engine names and those of the factories on the class path. */
    public static List<String> names() {
        List<String> names = new ArrayList<>(MODULES.keySet());
        for (EngineFactory factory : factories()) {
            factory.engines().stream().sorted().filter(n -> !names.contains(n)).forEach(names::add);
        }
        return names;
    }

    /**
     * Parses an engine name, ignoring case; {@code django.contrib.sessions.backends.db} style names are
     * accepted too.
     *
     * @throws IllegalArgumentException naming the accepted values
     */
    static String parseName(String value) {
        String v = value.trim().toLowerCase(Locale.ROOT);
        if (v.startsWith(DJANGO_PREFIX)) {
            v = v.substring(DJANGO_PREFIX.length());
        }
        List<String> names = names();
        if (!names.contains(v)) {
            throw new IllegalArgumentException("expected one of " + String.join(", ", names));
        }
        return v;
    }
}
