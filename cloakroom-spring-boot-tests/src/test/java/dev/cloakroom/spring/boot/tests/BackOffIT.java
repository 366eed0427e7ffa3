package dev.cloakroom.spring.boot.tests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cloakroom.SessionEngine;
import dev.cloakroom.SessionSettings;
import dev.cloakroom.config.OpenedEngine;
import dev.cloakroom.engine.MemoryEngine;
import dev.cloakroom.servlet.SessionFilter;
import dev.cloakroom.signing.SecretKey;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.test.annotation.DirtiesContext;

/**
 * The application's own {@link SessionEngine}, {@link SessionSettings} and {@link SessionFilter} registration
 * win: the starter defines none of its own, and no {@code cloakroom.*} property is needed.
 */
@DirtiesContext // closes the application, its pools and clients after the class
@SpringBootTest(classes = {TestApplication.class, BackOffIT.OwnBeans.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = TestProperties.NO_DATA_SOURCE)
class BackOffIT {

    static final MemoryEngine ENGINE = MemoryEngine.create();

    @Configuration(proxyBeanMethods = false)
    static class OwnBeans {

        @Bean
        SessionEngine ownEngine() {
            return ENGINE;
        }

        @Bean
        SessionSettings ownSettings() {
            return SessionSettings.builder().secretKey(SecretKey.of("own-secret")).cookieName("own").build();
        }

        @Bean
        FilterRegistrationBean<SessionFilter> ownFilter(SessionEngine engine, SessionSettings settings) {
            FilterRegistrationBean<SessionFilter> registration =
                    new FilterRegistrationBean<>(new SessionFilter(engine, settings));
            registration.setOrder(-1000);
            return registration;
        }
    }

    @Autowired
    ApplicationContext context;

    @Test
    void theApplicationsBeansAreTheOnlyOnes() {
        assertThat(context.getBeansOfType(SessionEngine.class)).containsOnlyKeys("ownEngine");
        assertThat(context.getBeansOfType(SessionSettings.class)).containsOnlyKeys("ownSettings");
        assertThat(context.getBeansOfType(OpenedEngine.class)).isEmpty();
        assertThat(context.containsBean("cloakroomSessionFilter")).isFalse();
    }

    @Test
    void requestsUseTheApplicationsFilterEngineAndSettings() {
        Browser browser = new Browser(context);
        HttpResponse<String> put = browser.get("/put?key=cart&value=own");
        String key = Browser.cookie(put, "own");
        assertThat(ENGINE.exists(key)).isTrue();
        assertThat(browser.get("/get?key=cart").body()).isEqualTo("own");
    }
}
