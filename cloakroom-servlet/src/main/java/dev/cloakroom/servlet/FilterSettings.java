package dev.cloakroom.servlet;

import dev.cloakroom.SessionEngine;
import dev.cloakroom.SessionSettings;
import dev.cloakroom.config.CloakroomSettings;
import dev.cloakroom.config.ConfigurationException;
import dev.cloakroom.config.Engines;
import dev.cloakroom.config.OpenedEngine;
import dev.cloakroom.config.Schema;
import dev.cloakroom.config.Settings;
import dev.cloakroom.config.Spelling;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletException;
import java.lang.reflect.InvocationTargetException;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads a {@link SessionFilter}'s init-parameters through {@code cloakroom-config}: each setting by its
 * name ({@code cookie.age}) or with dashes ({@code cookie-age}), plus {@code engine-factory}.
 */
final class FilterSettings {

    static final String ENGINE_FACTORY = "engine-factory";

    private final FilterConfig config;
    private final Settings settings;

    private FilterSettings(FilterConfig config, Settings settings) {
        this.config = config;
        this.settings = settings;
    }

    /**
     * Reads and checks the init-parameters.
     *
     * @throws ServletException naming the parameter, if one is misspelt or has a bad value
     */
    static FilterSettings of(FilterConfig config) throws ServletException {
        if (config.getInitParameter(ENGINE_FACTORY) == null) {
            rejectUnknownNames(config); // a factory may read parameters of its own
        }
        try {
            return new FilterSettings(config, Settings.reader().parameters(config::getInitParameter).read());
        } catch (ConfigurationException e) {
            throw bad(config, e);
        }
    }

    /**
     * The session settings; without {@code secret-key},
             a random key (WARN: sessions do not survive a restart).
     *
     * @throws ServletException naming the parameter, if a value cannot be used
     */
    SessionSettings sessionSettings() throws ServletException {
        try {
            return settings.sessionSettings();
        } catch (ConfigurationException e) {
            throw bad(config, e);
        }
    }

    /**
     * Opens the engine named by {@code engine} (creating the {@code db} table if it is missing),
             or made by the
     * {@code engine-factory} class.
     *
     * @throws ServletException if neither or both are set, or the engine cannot be made
     */
    OpenedEngine engine() throws ServletException {
        String factory = config.getInitParameter(ENGINE_FACTORY);
        boolean hasFactory = factory != null && !factory.isBlank();
        if (settings.isSet(CloakroomSettings.ENGINE) == hasFactory) {
            throw new ServletException("Filter '" + config.getFilterName() + "' needs exactly one of the "
                    + "init-parameters engine (" + String.join(", ", Engines.names()) + ") and "
                    + ENGINE_FACTORY + " (a class implementing " + SessionEngineFactory.class.getName()
                    + ", for an engine of your own)");
        }
        if (factory != null && hasFactory) {
            return fromFactory(factory.trim());
        }
        try {
            return Engines.open(settings, Schema.CREATE_MISSING);
        } catch (ConfigurationException e) {
            throw bad(config, e);
        }
    }

    private OpenedEngine fromFactory(String className) throws ServletException {
        SessionSettings session = sessionSettings();
        try {
            ClassLoader loader = Thread.currentThread().getContextClassLoader();
            Class<?> type = Class.forName(className, true,
                    loader != null ? loader : getClass().getClassLoader());
            if (!SessionEngineFactory.class.isAssignableFrom(type)) {
                throw new ServletException(ENGINE_FACTORY + " " + className + " does not implement "
                        + SessionEngineFactory.class.getName());
            }
            SessionEngineFactory f = (SessionEngineFactory) type.getDeclaredConstructor().newInstance();
            SessionEngine engine = f.create(session, config);
            List<AutoCloseable> owned = engine instanceof AutoCloseable c ? List.of(c) : List.of();
            return new OpenedEngine(engine, ENGINE_FACTORY, className, owned);
        } catch (ClassNotFoundException e) {
            throw new ServletException(ENGINE_FACTORY + " class " + className
                    + " was not found: check the name and that its jar is in WEB-INF/lib", e);
        } catch (NoSuchMethodException | InstantiationException | IllegalAccessException e) {
            throw new ServletException(ENGINE_FACTORY + " " + className
                    + " needs a public constructor without arguments", e);
        } catch (InvocationTargetException e) {
            throw new ServletException("The constructor of " + ENGINE_FACTORY + " " + className + " failed",
                    e.getCause());
        } catch (ServletException e) {
            throw e;
        } catch (Exception e) {
            throw new ServletException(ENGINE_FACTORY + " " + className + " could not make the engine: "
                    + e.getMessage(), e);
        }
    }

    /** Without a factory every parameter must be a setting,
            so a misspelt one fails instead of being ignored. */
    private static void rejectUnknownNames(FilterConfig config) throws ServletException {
        Set<String> unknown = Settings.unknownKeys(CloakroomSettings.ALL, Spelling.PARAMETER,
                Collections.list(config.getInitParameterNames()));
        if (!unknown.isEmpty()) {
            Set<String> known = new TreeSet<>();
            CloakroomSettings.ALL.forEach(s -> known.addAll(s.keys(Spelling.PARAMETER)));
            known.add(ENGINE_FACTORY);
            throw new ServletException("Unknown init-parameter(s) " + unknown + " of filter '"
                    + config.getFilterName() + "'; known ones are " + known);
        }
    }

    private static ServletException bad(FilterConfig config, ConfigurationException e) {
        return new ServletException("Bad init-parameter of filter '" + config.getFilterName() + "': "
                + e.getMessage(), e);
    }
}
