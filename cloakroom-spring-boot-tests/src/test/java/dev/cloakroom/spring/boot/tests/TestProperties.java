package dev.cloakroom.spring.boot.tests;

/** Properties several tests set. */
final class TestProperties {

    /** Excludes Boot's DataSource auto-configuration (its Boot 3 and Boot 4 names): no DataSource bean. */
    static final String NO_DATA_SOURCE = "spring.autoconfigure.exclude="
            + "org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration,"
            + "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration";

    static final String SECRET = "cloakroom.secret-key=spring-boot-starter-test-secret";

    private TestProperties() {
    }
}
