package com.example.shop;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The shop and a Django project on one database and one secret key: a login on either side is a login on
 * the other, and a logout on the shop is a logout for Django. Django runs as {@code manage.py} commands.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DjangoRoundTripTest {

    @TempDir
    static Path directory;
    private static Django django;

    @Value("${local.server.port}")
    int port;

    @BeforeAll
    static void djangoMadeTheDatabase() {
        django = SharedDatabase.newDjango(directory);
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> django.jdbcUrl());
        registry.add("cloakroom.secret-key", () -> SharedDatabase.SECRET_KEY);
    }

    @Test
    void aDjangoLoginIsASpringLoginAndASpringLogoutIsADjangoLogout() {
        django.createUser("frank", "frank-pw");
        String key = django.login("frank", "frank-pw");
        assertThat(django.whoami(key)).isEqualTo("frank");
        Browser browser = new Browser(port);
        browser.useSessionKey(key);

        HttpResponse<String> account = browser.get("/account");

        assertThat(account.statusCode()).isEqualTo(200);
        assertThat(account.body()).contains("Hello frank");

        assertThat(browser.logout().statusCode()).isEqualTo(302);

        assertThat(django.whoami(key)).as("Django's get_user() after the logout").isNull();
    }

    @Test
    void aSpringLoginIsADjangoLogin() {
        django.createUser("grace", "grace-pw");
        Browser browser = new Browser(port);

        browser.login("grace", "grace-pw");

        assertThat(browser.get("/account").body()).contains("Hello grace");
        assertThat(django.whoami(browser.sessionKey())).isEqualTo("grace");
    }
}
