package dev.cloakroom.spring.boot.tests;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextConfiguration;

/**
 * Boot's relaxed binding reaches Cloakroom's settings: environment variables ({@code CLOAKROOM_COOKIE_NAME},
 * {@code CLOAKROOM_SAVE_EVERY_REQUEST})
 * and camel case ({@code cloakroom.cookie.sameSite}).
 */
@DirtiesContext // closes the application, its pools and clients after the class
@SpringBootTest(classes = TestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {TestProperties.NO_DATA_SOURCE, "cloakroom.cookie.sameSite=Strict"})
@ContextConfiguration(initializers = RelaxedBindingIT.Variables.class)
class RelaxedBindingIT {

    /** Environment variables, as the process would have them. */
    static final class Variables implements ApplicationContextInitializer<ConfigurableApplicationContext> {
        @Override
        public void initialize(ConfigurableApplicationContext context) {
            context.getEnvironment().getPropertySources().addAfter(
                    StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME,
                    new SystemEnvironmentPropertySource("test-variables", Map.of(
                            "CLOAKROOM_ENGINE", "signed_cookies",
                            "CLOAKROOM_SECRET_KEY", "from-the-environment",
                            "CLOAKROOM_COOKIE_NAME", "envcookie",
                            "CLOAKROOM_COOKIE_AGE", "600",
                            "CLOAKROOM_SAVE_EVERY_REQUEST", "true")));
        }
    }

    @Autowired
    ApplicationContext context;

    @Test
    void variablesAndCamelCaseSetTheCookie() {
        Browser browser = new Browser(context);
        HttpResponse<String> put = browser.get("/put?key=cart&value=relaxed");
        assertThat(Browser.setCookie(put, "envcookie")).contains("SameSite=Strict").contains("Max-Age=600");
        assertThat(browser.get("/get?key=cart").body()).isEqualTo("relaxed");
        // save-every-request: a request that only reads still sends the cookie
        assertThat(browser.get("/get?key=cart").headers().allValues("Set-Cookie")).isNotEmpty();
    }
}
