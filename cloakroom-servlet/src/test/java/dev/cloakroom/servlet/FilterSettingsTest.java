package dev.cloakroom.servlet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cloakroom.SameSite;
import dev.cloakroom.SessionEngine;
import dev.cloakroom.SessionSettings;
import dev.cloakroom.config.OpenedEngine;
import dev.cloakroom.testkit.ForwardingEngine;
import dev.cloakroom.engine.FileEngine;
import dev.cloakroom.engine.MemoryEngine;
import dev.cloakroom.engine.SignedCookieEngine;
import dev.cloakroom.jdbc.JdbcEngine;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code web.xml} init-parameters of {@link SessionFilter}, read through cloakroom-config,
        without a container. */
class FilterSettingsTest {

    @TempDir
    Path dir;

    private static FilterConfig config(String... nameValues) {
        Map<String, String> params = new LinkedHashMap<>();
        for (int i = 0; i < nameValues.length; i += 2) {
            params.put(nameValues[i], nameValues[i + 1]);
        }
        return new FilterConfig() {
            @Override
            public String getFilterName() {
                return "cloakroom";
            }

            @Override
            public ServletContext getServletContext() {
                throw new UnsupportedOperationException("not needed");
            }

            @Override
            public @Nullable String getInitParameter(String name) {
                return params.get(name);
            }

            @Override
            public Enumeration<String> getInitParameterNames() {
                return Collections.enumeration(params.keySet());
            }
        };
    }

    @Test
    void absentParametersKeepDjangosDefaults() throws Exception {
        SessionSettings s = FilterSettings.of(config("engine", "memory", "secret-key", "k"))
                .sessionSettings();
        assertThat(s.cookieName()).isEqualTo("sessionid");
        assertThat(s.cookieAge()).isEqualTo(Duration.ofSeconds(1209600));
        assertThat(s.cookieDomain()).isNull();
        assertThat(s.cookiePath()).isEqualTo("/");
        assertThat(s.cookieSecure()).isFalse();
        assertThat(s.cookieHttpOnly()).isTrue();
        assertThat(s.cookieSameSite()).isEqualTo(SameSite.LAX);
        assertThat(s.saveEveryRequest()).isFalse();
        assertThat(s.expireAtBrowserClose()).isFalse();
        assertThat(s.secretKey().fallbacks()).isEmpty();
    }

    @Test
    void everySettingIsRead() throws Exception {
        SessionSettings s = FilterSettings.of(config("engine", "memory", "secret-key", "new-key",
                "secret-key-fallbacks", "old-1, old-2", "cookie-name", "sid", "cookie-age", "3600",
                "cookie-secure", "true", "cookie-httponly", "FALSE", "cookie-samesite", "none",
                "cookie-domain", ".example.com", "cookie-path", "/app/", "save-every-request", "true",
                "expire-at-browser-close", "true")).sessionSettings();
        assertThat(s.cookieName()).isEqualTo("sid");
        assertThat(s.cookieAge()).isEqualTo(Duration.ofHours(1));
        assertThat(s.cookieDomain()).isEqualTo(".example.com");
        assertThat(s.cookiePath()).isEqualTo("/app/");
        assertThat(s.cookieSecure()).isTrue();
        assertThat(s.cookieHttpOnly()).isFalse();
        assertThat(s.cookieSameSite()).isEqualTo(SameSite.NONE);
        assertThat(s.saveEveryRequest()).isTrue();
        assertThat(s.expireAtBrowserClose()).isTrue();
        assertThat(s.secretKey().fallbacks()).hasSize(2);
    }

    @Test
    void djangoVersionIsReadAndChecked() throws Exception {
        assertThat(FilterSettings.of(config("engine", "memory", "secret-key", "k")).sessionSettings()
                .djangoVersion()).isEqualTo(dev.cloakroom.DjangoVersion.DJANGO_5_2);
        assertThat(FilterSettings.of(config("engine", "memory", "secret-key", "k", "django-version", "3.2"))
                .sessionSettings().djangoVersion()).isEqualTo(dev.cloakroom.DjangoVersion.DJANGO_3_2);
        assertThatThrownBy(settingsOf("engine", "memory", "django-version", "1.11"))
                .isInstanceOf(ServletException.class).hasMessageContaining("1.11");
    }

    @Test
    void expiryPolicyParametersAreRead() throws Exception {
        SessionSettings s = FilterSettings.of(config("engine", "memory", "secret-key", "k",
                "idle-timeout", "1800", "absolute-timeout", "28800", "touch-after", "120")).sessionSettings();
        assertThat(s.idleTimeout()).isEqualTo(Duration.ofMinutes(30));
        assertThat(s.absoluteTimeout()).isEqualTo(Duration.ofHours(8));
        assertThat(s.touchAfter()).isEqualTo(Duration.ofMinutes(2));
        assertThatThrownBy(settingsOf("engine", "memory", "secret-key", "k", "idle-timeout", "0"))
                .isInstanceOf(ServletException.class)
                .hasMessageContaining("Invalid idle-timeout '0': expected at least 1 second");
    }

    @Test
    void misspeltParameterFailsTheStart() {
        assertThatThrownBy(() -> FilterSettings.of(config("engine", "memory", "cookie_age", "10")))
                .isInstanceOf(ServletException.class)
                .hasMessageContaining("[cookie_age]").hasMessageContaining("cookie-age");
    }

    @Test
    void badValuesNameTheParameter() {
        assertThatThrownBy(settingsOf("engine", "memory", "cookie-secure", "maybe"))
                .isInstanceOf(ServletException.class)
                .hasMessage("Bad init-parameter of filter 'cloakroom': Invalid cookie-secure 'maybe': "
                        + "expected true or false");
        assertThatThrownBy(settingsOf("engine", "memory", "cookie-age", "2w"))
                .hasMessageContaining("Invalid cookie-age '2w': expected a whole number of seconds");
        assertThatThrownBy(settingsOf("engine", "memory", "cookie-samesite", "lax-ish"))
                .hasMessageContaining("Invalid cookie-samesite 'lax-ish': expected Lax, Strict, None or "
                        + "false");
        assertThatThrownBy(settingsOf("engine", "memory", "secret-key-fallbacks", "k"))
                .hasMessageContaining("secret-key is not");
    }

    private static ThrowingCallable settingsOf(String... nameValues) {
        return () -> FilterSettings.of(config(nameValues)).sessionSettings();
    }

    private static SessionEngine engineOf(String... nameValues) throws Exception {
        return FilterSettings.of(config(nameValues)).engine().engine();
    }

    @Test
    void engineNamesMakeTheirEngines() throws Exception {
        SessionEngine engine = engineOf("engine", "file", "file-path", dir.toString());
        assertThat(engine).isInstanceOf(FileEngine.class);
        assertThat(((FileEngine) engine).directory()).isEqualTo(dir);
        assertThat(engineOf("engine", "signed_cookies")).isInstanceOf(SignedCookieEngine.class);
        assertThat(engineOf("engine", "MEMORY")).isInstanceOf(MemoryEngine.class);
    }

    @Test
    void theDbEngineOpensByNameWhenCloakroomJdbcIsThereAndIsClosedWithTheFilter() throws Exception {
        String url = "jdbc:sqlite:" + dir.resolve("filter.sqlite3");
        SessionFilter filter = new SessionFilter();
        filter.init(config("engine", "db", "jdbc.url", url, "secret-key", "k"));
        assertThat(filter.toString()).contains("JdbcEngine");
        filter.destroy();
        try (OpenedEngine db = FilterSettings.of(config("engine", "db", "database-url", url)).engine()) {
            assertThat(db.engine()).isInstanceOf(JdbcEngine.class);
            assertThat(((JdbcEngine) db.engine()).table()).isEqualTo("django_session");
        }
    }

    @Test
    void engineChoiceMistakesSayWhatToDo() throws Exception {
        assertThatThrownBy(() -> engineOf()).isInstanceOf(ServletException.class)
                .hasMessageContaining("exactly one of the init-parameters engine");
        assertThatThrownBy(() -> engineOf("engine", "file", "engine-factory", "x.Y"))
                .hasMessageContaining("exactly one");
        assertThatThrownBy(() -> engineOf("engine", "redis")).isInstanceOf(ServletException.class)
                .hasMessage("Bad init-parameter of filter 'cloakroom': Invalid engine 'redis': expected one "
                        + "of db, cache, cached_db, file, signed_cookies, encrypted_cookies, memory");
        assertThatThrownBy(() -> engineOf("engine", "file", "file-path", dir.resolve("missing").toString()))
                .hasMessageContaining("doesn't exist");
        assertThatThrownBy(() -> engineOf("engine-factory", "com.example.Nope"))
                .hasMessageContaining("com.example.Nope was not found");
        assertThatThrownBy(() -> engineOf("engine-factory", String.class.getName()))
                .hasMessageContaining("does not implement " + SessionEngineFactory.class.getName());
    }

    @Test
    void factoryGetsTheSettingsAndItsOwnParametersAndItsEngineIsClosedWithTheFilter() throws Exception {
        ClosingFactory.last = null;
        SessionFilter filter = new SessionFilter();
        filter.init(config("engine-factory", ClosingFactory.class.getName(), "database-url", "jdbc:x",
                "cookie-name", "dbsid"));
        ClosingEngine engine = ClosingFactory.last;
        assertThat(engine).isNotNull();
        assertThat(engine.url).isEqualTo("jdbc:x");
        assertThat(engine.cookieName).isEqualTo("dbsid");
        assertThat(engine.closed).isFalse();
        filter.destroy();
        assertThat(engine.closed).isTrue();
    }

    /** A factory as a db user would write one. */
    public static final class ClosingFactory implements SessionEngineFactory {
        static volatile @Nullable ClosingEngine last;

        @Override
        public SessionEngine create(SessionSettings settings, FilterConfig config) {
            String url = config.getInitParameter("database-url");
            ClosingEngine engine = new ClosingEngine(url, settings.cookieName());
            last = engine;
            return engine;
        }
    }

    /** An engine with something to close. */
    static final class ClosingEngine extends ForwardingEngine implements AutoCloseable {
        final @Nullable String url;
        final String cookieName;
        volatile boolean closed;

        ClosingEngine(@Nullable String url, String cookieName) {
            super(MemoryEngine.create());
            this.url = url;
            this.cookieName = cookieName;
        }

        @Override
        public void close() {
            closed = true;
        }
    }
}
