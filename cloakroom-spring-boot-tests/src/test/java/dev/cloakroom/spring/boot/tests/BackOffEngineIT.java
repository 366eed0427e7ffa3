package dev.cloakroom.spring.boot.tests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cloakroom.SessionEngine;
import dev.cloakroom.config.OpenedEngine;
import dev.cloakroom.engine.MemoryEngine;
import dev.cloakroom.spring.boot.CloakroomAutoConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.test.annotation.DirtiesContext;

/** Only the engine is the application's: the starter's filter and settings use it. */
@DirtiesContext // closes the application, its pools and clients after the class
@SpringBootTest(classes = {TestApplication.class, BackOffEngineIT.OwnEngine.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {TestProperties.SECRET, TestProperties.NO_DATA_SOURCE, "cloakroom.cookie.name=starter"})
class BackOffEngineIT {

    static final MemoryEngine ENGINE = MemoryEngine.create();

    @Configuration(proxyBeanMethods = false)
    static class OwnEngine {
        @Bean
        SessionEngine ownEngine() {
            return ENGINE;
        }
    }

    @Autowired
    ApplicationContext context;

    @Test
    void theStartersFilterStoresInTheApplicationsEngine() {
        assertThat(context.getBeansOfType(OpenedEngine.class)).isEmpty();
        assertThat(context.getBean("cloakroomSessionFilter", FilterRegistrationBean.class).getOrder())
                .isEqualTo(CloakroomAutoConfiguration.FILTER_ORDER);
        String key = Browser.cookie(new Browser(context).get("/put?key=a&value=b"), "starter");
        assertThat(ENGINE.exists(key)).isTrue();
    }
}
