package com.example.shop;

import dev.cloakroom.SessionEngine;
import dev.cloakroom.SessionSettings;
import dev.cloakroom.djangoauth.DjangoUsers;
import dev.cloakroom.springsecurity.CycleKeySessionAuthenticationStrategy;
import dev.cloakroom.springsecurity.DjangoLogoutHandler;
import dev.cloakroom.springsecurity.DjangoPasswordEncoder;
import dev.cloakroom.springsecurity.DjangoSecurityContextRepository;
import dev.cloakroom.springsecurity.DjangoSessionRegistry;
import dev.cloakroom.springsecurity.DjangoUserDetailsService;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.savedrequest.NullRequestCache;

/**
 * Spring Security on Django's users and session keys. The starter has already put Django's sessions behind
 * {@code request.getSession()} (its {@code SessionFilter} runs before Spring Security's chain); these beans
 * make a login exactly Django's {@code login()}: {@code _auth_user_id}, {@code _auth_user_backend} and
 * {@code _auth_user_hash} in the session, so Django sees Spring's logins and Spring sees Django's.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfig {

    /** Django's {@code auth_user} table, in the application's database. */
    @Bean
    DjangoUsers djangoUsers(DataSource dataSource) {
        return DjangoUsers.builder(dataSource).build();
    }

    /** The users form login checks; also maps a session's {@code _auth_user_id} to its user. */
    @Bean
    DjangoUserDetailsService userDetailsService(DjangoUsers users) {
        return new DjangoUserDetailsService(users);
    }

    /** Django's password hashes ({@code pbkdf2_sha256$1000000$...}), read and written. */
    @Bean
    DjangoPasswordEncoder passwordEncoder() {
        return new DjangoPasswordEncoder();
    }

    /** Keeps Spring Security's login in Django's three session keys instead of a Java object. */
    @Bean
    DjangoSecurityContextRepository securityContextRepository(DjangoUserDetailsService users) {
        return new DjangoSecurityContextRepository(users);
    }

    /** A user's sessions, read from the store's user index, for {@code maximumSessions}. */
    @Bean
    DjangoSessionRegistry sessionRegistry(SessionEngine engine, SessionSettings settings,
            DjangoUserDetailsService users) {
        return new DjangoSessionRegistry(engine, settings, users);
    }

    /**
     * Form login at {@code /login}, CSRF on every form, one session per user. The session holds JSON, not
     * Java objects, so Spring Security keeps nothing of its own in it: the CSRF token is in a cookie, no
     * request is saved for after the login, and a failed login redirects without storing the exception.
     */
    @Bean
    SecurityFilterChain security(HttpSecurity http, DjangoSecurityContextRepository contexts,
            DjangoSessionRegistry sessions) throws Exception {
        return http
                .authorizeHttpRequests(pages -> pages
                        .requestMatchers("/", "/cart", "/login", "/error").permitAll()
                        .anyRequest().authenticated())
                .formLogin(login -> login.loginPage("/login").defaultSuccessUrl("/account", true)
                        .failureHandler((request, response, e) -> response.sendRedirect("/login?error")))
                .logout(logout -> logout.addLogoutHandler(new DjangoLogoutHandler()).logoutSuccessUrl("/"))
                .csrf(csrf -> csrf.csrfTokenRepository(CookieCsrfTokenRepository.withHttpOnlyFalse()))
                .requestCache(cache -> cache.requestCache(new NullRequestCache()))
                .securityContext(context -> context.securityContextRepository(contexts))
                .sessionManagement(session -> session
                        // session fixation: the key changes at login, the old one is deleted at once
                        .sessionAuthenticationStrategy(new CycleKeySessionAuthenticationStrategy())
                        // a new login ends the user's older session
                        .maximumSessions(1).sessionRegistry(sessions))
                .build();
    }
}
