package dev.cloakroom.springsecurity.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.security.core.SpringSecurityCoreVersion;

/**
 * The tests run on the Spring Security line their module's pom names ({@code spring-security.line}), so
 * each line is really tested: 6.5 under Boot 3.5, 7.0 under Boot 4.0.
 */
class SpringSecurityLineTest {

    @Test
    void runsOnTheSpringSecurityLineOfItsBootLine() {
        String line = System.getProperty("spring-security.line");
        assertThat(line).as("system property spring-security.line, set by the pom").isNotBlank();
        assertThat(SpringSecurityCoreVersion.getVersion()).startsWith(line + ".");
    }
}
