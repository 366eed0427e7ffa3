package dev.cloakroom.spring.boot.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

/** A bad or missing setting stops the start with Boot's report and Cloakroom's one line naming it. */
@ExtendWith(OutputCaptureExtension.class)
class StartFailureIT {

    @Test
    void aBadValueIsNamedWithTheValue(CapturedOutput output) {
        assertThatThrownBy(() -> start(TestProperties.SECRET, "cloakroom.engine=memory",
                "cloakroom.cookie.same-site=Sideways")).isNotNull();
        assertThat(output).contains("APPLICATION FAILED TO START")
                .contains("Cloakroom's settings: Invalid cookie.same-site 'Sideways': ")
                .contains("Fix the cloakroom.* property");
    }

    @Test
    void aBadStarterSettingIsNamedToo(CapturedOutput output) {
        assertThatThrownBy(() -> start(TestProperties.SECRET, "cloakroom.engine=memory",
                "cloakroom.clearsessions.cron=every night")).isNotNull();
        assertThat(output).contains("APPLICATION FAILED TO START")
                .contains("Cloakroom's settings: Invalid clearsessions.cron 'every night': expected a cron "
                        + "expression of six fields");
    }

    @Test
    void aMissingSecretKeyIsNamed(CapturedOutput output) {
        assertThatThrownBy(() -> start("cloakroom.engine=memory")).isNotNull();
        assertThat(output).contains("APPLICATION FAILED TO START")
                .contains("Cloakroom's settings: cloakroom.secret-key is not set");
    }

    @Test
    void noEngineAndNoDataSourceSaysWhatToSet(CapturedOutput output) {
        assertThatThrownBy(() -> start(TestProperties.SECRET, TestProperties.NO_DATA_SOURCE)).isNotNull();
        assertThat(output).contains("APPLICATION FAILED TO START")
                .contains("cloakroom.engine is not set and the application has no DataSource: set "
                        + "cloakroom.engine");
    }

    private static void start(String... properties) {
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(TestApplication.class)
                .properties("server.port=0").properties(properties).run()) {
            throw new AssertionError("started: " + context);
        }
    }
}
