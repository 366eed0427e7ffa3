package dev.cloakroom.servlet;

import dev.cloakroom.DjangoVersion;
import dev.cloakroom.SameSite;
import dev.cloakroom.SessionEngine;
import dev.cloakroom.SessionSettings;
import dev.cloakroom.engine.FileEngine;
import dev.cloakroom.engine.MemoryEngine;
import dev.cloakroom.engine.SignedCookieEngine;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletException;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * Reads a {@link SessionFilter}'s init-parameters: the {@code CLOAKROOM_*} settings in lower-case kebab form
 * ({@code CLOAKROOM_COOKIE_AGE} is {@code cookie-age}). A parameter that is absent keeps Django's default.
 */
final class FilterParameters {

    static final String ENGINE = "engine";
    static final String ENGINE_FACTORY = "engine-factory";
    static final String FILE_PATH = "file-path";
    static final String SECRET_KEY = "secret-key";
    static final String SECRET_KEY_FALLBACKS = "secret-key-fallbacks";
    static final String COOKIE_NAME = "cookie-name";
    static final String COOKIE_AGE = "cookie-age";
    static final String COOKIE_SECURE = "cookie-secure";
    static final String COOKIE_HTTPONLY = "cookie-httponly";
    static final String COOKIE_SAMESITE = "cookie-samesite";
    static final String COOKIE_DOMAIN = "cookie-domain";
    static final String COOKIE_PATH = "cookie-path";
    static final String SAVE_EVERY_REQUEST = "save-every-request";
    static final String EXPIRE_AT_BROWSER_CLOSE = "expire-at-browser-close";
    static final String DJANGO_VERSION = "django-version";

    private static final Set<String> KNOWN = Set.of(ENGINE, ENGINE_FACTORY, FILE_PATH, SECRET_KEY,
            SECRET_KEY_FALLBACKS, COOKIE_NAME, COOKIE_AGE, COOKIE_SECURE, COOKIE_HTTPONLY, COOKIE_SAMESITE,
            COOKIE_DOMAIN, COOKIE_PATH, SAVE_EVERY_REQUEST, EXPIRE_AT_BROWSER_CLOSE, DJANGO_VERSION);

    private final FilterConfig config;

    private FilterParameters(FilterConfig config) {
        this.config = config;
    }

    static FilterParameters of(FilterConfig config) {
        return new FilterParameters(config);
    }

    /**
     * Builds the settings.
     *
     * @throws ServletException naming the parameter, if one is misspelt or has a bad value
     */
    SessionSettings settings() throws ServletException {
        rejectUnknownNames();
        SessionSettings.Builder b = SessionSettings.builder();
        try {
            String secret = param(SECRET_KEY);
            if (secret != null) {
                b.secretKey(secret, list(param(SECRET_KEY_FALLBACKS)).toArray(String[]::new));
            } else if (param(SECRET_KEY_FALLBACKS) != null) {
                throw new IllegalArgumentException(
                        SECRET_KEY_FALLBACKS + " is set but " + SECRET_KEY + " is not");
            }
            String name = param(COOKIE_NAME);
            if (name != null) {
                b.cookieName(name);
            }
            String age = param(COOKIE_AGE);
            if (age != null) {
                b.cookieAge(Duration.ofSeconds(parseLong(COOKIE_AGE, age)));
            }
            b.cookieDomain(param(COOKIE_DOMAIN));
            String path = param(COOKIE_PATH);
            if (path != null) {
                b.cookiePath(path);
            }
            b.cookieSecure(bool(COOKIE_SECURE, false));
            b.cookieHttpOnly(bool(COOKIE_HTTPONLY, true));
            String sameSite = param(COOKIE_SAMESITE);
            if (sameSite != null) {
                b.cookieSameSite(SameSite.parse(sameSite));
            }
            b.saveEveryRequest(bool(SAVE_EVERY_REQUEST, false));
            b.expireAtBrowserClose(bool(EXPIRE_AT_BROWSER_CLOSE, false));
            String djangoVersion = param(DJANGO_VERSION);
            if (djangoVersion != null) {
                b.djangoVersion(DjangoVersion.parse(djangoVersion));
            }
        } catch (IllegalArgumentException e) {
            throw new ServletException("Bad init-parameter of filter '" + config.getFilterName() + "': "
                    + e.getMessage(), e);
        }
        return b.build();
    }

    /**
     * Makes the engine named by {@code engine} ({@code file}, {@code signed_cookies}, {@code memory}) or by
     * {@code engine-factory}.
     *
     * @throws ServletException if neither or both are set, or the engine cannot be made
     */
    SessionEngine engine(SessionSettings settings) throws ServletException {
        String engine = param(ENGINE);
        String factory = param(ENGINE_FACTORY);
        if ((engine == null) == (factory == null)) {
            throw new ServletException("Filter '" + config.getFilterName() + "' needs exactly one of the "
                    + "init-parameters " + ENGINE + " (file, signed_cookies or memory) and " + ENGINE_FACTORY
                    + " (a class implementing " + SessionEngineFactory.class.getName()
                    + ", for db or cache)");
        }
        if (factory != null) {
            return fromFactory(factory, settings);
        }
        switch (Objects.requireNonNull(engine).toLowerCase(Locale.ROOT)) { // exactly one of the two is set
            case "file":
                String path = param(FILE_PATH);
                FileEngine.Builder files = FileEngine.builder(settings);
                if (path != null) {
                    files.directory(Path.of(path));
                }
                try {
                    return files.build();
                } catch (IllegalArgumentException e) {
                    throw new ServletException(e.getMessage(), e);
                }
            case "signed_cookies":
                return SignedCookieEngine.create(settings);
            case "memory":
                return MemoryEngine.create(settings.clock());
            default:
                throw new ServletException("Unknown " + ENGINE + " '" + engine + "' in filter '"
                        + config.getFilterName() + "': use file, signed_cookies or memory, or set "
                        + ENGINE_FACTORY + " for db and cache");
        }
    }

    private SessionEngine fromFactory(String className, SessionSettings settings) throws ServletException {
        try {
            ClassLoader loader = Thread.currentThread().getContextClassLoader();
            Class<?> type = Class.forName(className, true,
                    loader != null ? loader : getClass().getClassLoader());
            if (!SessionEngineFactory.class.isAssignableFrom(type)) {
                throw new ServletException(ENGINE_FACTORY + " " + className + " does not implement "
                        + SessionEngineFactory.class.getName());
            }
            SessionEngineFactory f = (SessionEngineFactory) type.getDeclaredConstructor().newInstance();
            return f.create(settings, config);
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

    /** Without a factory every parameter must be ours, so a misspelt one fails instead of being ignored. */
    private void rejectUnknownNames() throws ServletException {
        if (param(ENGINE_FACTORY) != null) {
            return; // the factory may read parameters of its own
        }
        Set<String> unknown = new TreeSet<>();
        for (String name : Collections.list(config.getInitParameterNames())) {
            if (!KNOWN.contains(name)) {
                unknown.add(name);
            }
        }
        if (!unknown.isEmpty()) {
            throw new ServletException("Unknown init-parameter(s) " + unknown + " of filter '"
                    + config.getFilterName() + "'; known ones are " + new TreeSet<>(KNOWN));
        }
    }

    private @Nullable String param(String name) {
        String value = config.getInitParameter(name);
        return value == null || value.isBlank() ? null : value.trim();
    }

    private boolean bool(String name, boolean defaultValue) {
        String value = param(name);
        if (value == null) {
            return defaultValue;
        }
        switch (value.toLowerCase(Locale.ROOT)) {
            case "true":
                return true;
            case "false":
                return false;
            default:
                throw new IllegalArgumentException(name + " must be true or false, was '" + value + "'");
        }
    }

    private static long parseLong(String name, String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    name + " must be a whole number of seconds, was '" + value + "'", e);
        }
    }

    private static List<String> list(@Nullable String value) {
        List<String> items = new ArrayList<>();
        if (value != null) {
            for (String item : value.split(",")) {
                if (!item.isBlank()) {
                    items.add(item.trim());
                }
            }
        }
        return items;
    }
}
