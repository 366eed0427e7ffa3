package dev.cloakroom.servlet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cloakroom.SameSite;
import dev.cloakroom.SessionEngine;
import dev.cloakroom.SessionSettings;
import dev.cloakroom.testkit.ForwardingEngine;
import dev.cloakroom.engine.FileEngine;
import dev.cloakroom.engine.MemoryEngine;
import dev.cloakroom.engine.SignedCookieEngine;
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

/** The {@code web.xml} init-parameters of {@link SessionFilter}, without a container. */
class FilterParametersTest {

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
        SessionSettings s = FilterParameters.of(config("engine", "memory", "secret-key", "k")).settings();
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
        SessionSettings s = FilterParameters.of(config("engine", "memory", "secret-key", "new-key",
                "secret-key-fallbacks", "old-1, old-2", "cookie-name", "sid", "cookie-age", "3600",
                "cookie-secure", "true", "cookie-httponly", "FALSE", "cookie-samesite", "none",
                "cookie-domain", ".example.com", "cookie-path", "/app/", "save-every-request", "true",
                "expire-at-browser-close", "true")).settings();
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
        assertThat(FilterParameters.of(config("engine", "memory", "secret-key", "k")).settings()
                .djangoVersion()).isEqualTo(dev.cloakroom.DjangoVersion.DJANGO_5_2);
        assertThat(FilterParameters.of(config("engine", "memory", "secret-key", "k", "django-version", "3.2"))
                .settings().djangoVersion()).isEqualTo(dev.cloakroom.DjangoVersion.DJANGO_3_2);
        assertThatThrownBy(settingsOf("engine", "memory", "django-version", "1.11"))
                .isInstanceOf(ServletException.class).hasMessageContaining("1.11");
    }

    @Test
    void misspeltParameterFailsTheStart() {
        FilterParameters p = FilterParameters.of(config("engine", "memory", "cookie_age", "10"));
        assertThatThrownBy(p::settings).isInstanceOf(ServletException.class)
                .hasMessageContaining("[cookie_age]").hasMessageContaining("cookie-age");
    }

    @Test
    void badValuesNameTheParameter() {
        assertThatThrownBy(settingsOf("engine", "memory", "cookie-secure", "yes"))
                .isInstanceOf(ServletException.class)
                .hasMessageContaining("cookie-secure must be true or false");
        assertThatThrownBy(settingsOf("engine", "memory", "cookie-age", "2w"))
                .hasMessageContaining("cookie-age must be a whole number of seconds");
        assertThatThrownBy(settingsOf("engine", "memory", "cookie-samesite", "lax-ish"))
                .hasMessageContaining("cookieSameSite must be Lax, Strict, None or false");
        assertThatThrownBy(settingsOf("engine", "memory", "secret-key-fallbacks", "k"))
                .hasMessageContaining("secret-key is not");
    }

    private static ThrowingCallable settingsOf(String... nameValues) {
        return FilterParameters.of(config(nameValues))::settings;
    }

    @Test
    void engineNamesMakeTheirEngines() throws Exception {
        FilterParameters file = FilterParameters.of(config("engine", "file", "file-path", dir.toString()));
        SessionEngine engine = file.engine(file.settings());
        assertThat(engine).isInstanceOf(FileEngine.class);
        assertThat(((FileEngine) engine).directory()).isEqualTo(dir);
        FilterParameters signed = FilterParameters.of(config("engine", "signed_cookies"));
        assertThat(signed.engine(signed.settings())).isInstanceOf(SignedCookieEngine.class);
        FilterParameters memory = FilterParameters.of(config("engine", "MEMORY"));
        assertThat(memory.engine(memory.settings())).isInstanceOf(MemoryEngine.class);
    }

    @Test
    void engineChoiceMistakesSayWhatToDo() throws Exception {
        FilterParameters none = FilterParameters.of(config());
        assertThatThrownBy(() -> none.engine(none.settings())).isInstanceOf(ServletException.class)
                .hasMessageContaining("exactly one of the init-parameters engine");
        FilterParameters both = FilterParameters.of(config("engine", "file", "engine-factory", "x.Y"));
        assertThatThrownBy(() -> both.engine(both.settings())).hasMessageContaining("exactly one");
        FilterParameters db = FilterParameters.of(config("engine", "db"));
        assertThatThrownBy(() -> db.engine(db.settings())).hasMessageContaining("Unknown engine 'db'")
                .hasMessageContaining("engine-factory");
        FilterParameters missingDir = FilterParameters.of(config("engine", "file", "file-path",
                dir.resolve("missing").toString()));
        assertThatThrownBy(() -> missingDir.engine(missingDir.settings()))
                .hasMessageContaining("doesn't exist");
        FilterParameters unknownClass = FilterParameters.of(config("engine-factory", "com.example.Nope"));
        assertThatThrownBy(() -> unknownClass.engine(unknownClass.settings()))
                .hasMessageContaining("com.example.Nope was not found");
        FilterParameters wrongType = FilterParameters.of(config("engine-factory", String.class.getName()));
        assertThatThrownBy(() -> wrongType.engine(wrongType.settings()))
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
