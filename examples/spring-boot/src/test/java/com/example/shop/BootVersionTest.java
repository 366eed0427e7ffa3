package com.example.shop;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootVersion;

/** The tests run on the Spring Boot the build asked for ({@code -Dspring-boot.version}), 3.5 or 4.0. */
class BootVersionTest {

    @Test
    void runsOnTheRequestedSpringBoot() {
        assertThat(SpringBootVersion.getVersion()).isEqualTo(System.getProperty("spring-boot.version"));
    }
}
