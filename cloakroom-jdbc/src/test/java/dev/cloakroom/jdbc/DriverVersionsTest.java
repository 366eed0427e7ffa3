package dev.cloakroom.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DriverVersionsTest {

    @Test
    void versionsComeFromTheBuildAndAreTheDriversOnTheTestClasspath() {
        assertThat(DriverVersions.of("postgresql")).isEqualTo(org.postgresql.util.DriverInfo.DRIVER_VERSION);
        assertThat(DriverVersions.of("sqlite")).isEqualTo(org.sqlite.SQLiteJDBCLoader.getVersion());
        assertThat(DriverVersions.of("mariadb")).matches("\\d+\\.\\d+\\.\\d+");
        assertThat(new PostgresDialect().driverDependency()).contains(DriverVersions.of("postgresql"));
    }

    @Test
    void anUnknownDriverIsAnError() {
        assertThatThrownBy(() -> DriverVersions.of("oracle")).isInstanceOf(IllegalArgumentException.class);
    }
}
