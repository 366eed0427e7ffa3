package dev.cloakroom.springsecurity.app;

import dev.cloakroom.springsecurity.CycleKeySessionAuthenticationStrategy;
import dev.cloakroom.springsecurity.DjangoLogoutHandler;
import dev.cloakroom.springsecurity.DjangoSecurityContextRepository;
import dev.cloakroom.springsecurity.DjangoSessionRegistry;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.savedrequest.NullRequestCache;

/**
 * Form login on Django's session keys. Spring Security keeps nothing of its own in the session: the login
 * is Django's three keys (the context repository), the CSRF token lives in a cookie and no request is saved
 * for after the login, since the session holds JSON only, not Java objects.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityRules {

    @Bean
    SecurityFilterChain security(HttpSecurity http, DjangoSecurityContextRepository contexts,
            DjangoSessionRegistry sessions, @Value("${app.maximum-sessions:-1}") int maximumSessions)
            throws Exception {
        http.authorizeHttpRequests(pages -> pages
                        .requestMatchers("/", "/login", "/cart", "/error").permitAll()
                        .anyRequest().authenticated())
                .formLogin(login -> login.loginPage("/login").defaultSuccessUrl("/account", true)
                        .failureHandler((request, response, e) -> response.sendRedirect("/login?error")))
                .logout(logout -> logout.addLogoutHandler(new DjangoLogoutHandler()).logoutSuccessUrl("/"))
                .csrf(csrf -> csrf.csrfTokenRepository(CookieCsrfTokenRepository.withHttpOnlyFalse()))
                .requestCache(cache -> cache.requestCache(new NullRequestCache()))
                .securityContext(context -> context.securityContextRepository(contexts))
                .sessionManagement(session -> session
                        .sessionAuthenticationStrategy(new CycleKeySessionAuthenticationStrategy())
                        .maximumSessions(maximumSessions).sessionRegistry(sessions));
        return http.build();
    }
}
