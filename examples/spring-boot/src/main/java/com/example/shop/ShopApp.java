package com.example.shop;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A shop with a cart and an account page behind Spring Security's form login, whose sessions are Django's:
 * the rows of {@code django_session}, the users of {@code auth_user}, in the database of
 * {@code spring.datasource.url}. A Django project on the same database and secret key shares the logins
 * both ways. What Cloakroom takes is in {@code application.properties} (three lines) and
 * {@link SecurityConfig} (the beans of {@code cloakroom-spring-security}); {@link ShopPages} is plain
 * Spring MVC with {@code HttpSession}.
 */
@SpringBootApplication
public class ShopApp {

    /** Runs the shop; {@code DJANGO_SECRET_KEY} in the environment is Django's {@code SECRET_KEY}. */
    public static void main(String[] args) {
        SpringApplication.run(ShopApp.class, args);
    }
}
