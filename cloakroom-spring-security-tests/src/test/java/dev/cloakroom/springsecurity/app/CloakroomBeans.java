package dev.cloakroom.springsecurity.app;

import dev.cloakroom.SessionEngine;
import dev.cloakroom.SessionSettings;
import dev.cloakroom.djangoauth.DjangoPasswordHasher;
import dev.cloakroom.djangoauth.DjangoUsers;
import dev.cloakroom.jdbc.JdbcEngine;
import dev.cloakroom.servlet.SessionFilter;
import dev.cloakroom.springsecurity.DjangoPasswordEncoder;
import dev.cloakroom.springsecurity.DjangoSecurityContextRepository;
import dev.cloakroom.springsecurity.DjangoSessionRegistry;
import dev.cloakroom.springsecurity.DjangoUserDetailsService;
import jakarta.servlet.DispatcherType;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** Django's sessions and users, and the Spring Security parts that keep logins in Django's session keys. */
@Configuration(proxyBeanMethods = false)
public class CloakroomBeans {

    /** Django's settings: its secret key, the rest Django's defaults. */
    @Bean
    SessionSettings sessionSettings(@Value("${app.secret-key}") String secretKey) {
        return SessionSettings.builder().secretKey(secretKey).build();
    }

    /** Django's {@code django_session} table, with the user column that lists a user's sessions. */
    @Bean
    JdbcEngine sessionEngine(DataSource dataSource) {
        return JdbcEngine.builder(dataSource).userColumn().build();
    }

    /** Django's session middleware, in front of Spring Security's filter chain (order -100). */
    @Bean
    FilterRegistrationBean<SessionFilter> sessionFilter(SessionEngine engine, SessionSettings settings) {
        FilterRegistrationBean<SessionFilter> registration =
                new FilterRegistrationBean<>(new SessionFilter(engine, settings));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 50);
        registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ASYNC, DispatcherType.ERROR);
        registration.addUrlPatterns("/*");
        return registration;
    }

    @Bean
    DjangoPasswordHasher passwordHasher(@Value("${app.pbkdf2-iterations:1000000}") int iterations) {
        return DjangoPasswordHasher.withIterations(iterations);
    }

    /** Django's {@code auth_user} table. */
    @Bean
    DjangoUsers djangoUsers(DataSource dataSource, DjangoPasswordHasher hasher) {
        return DjangoUsers.builder(dataSource).hasher(hasher).build();
    }

    /** The users form login checks, and the id mapping of the session's {@code _auth_user_id}. */
    @Bean
    DjangoUserDetailsService userDetailsService(DjangoUsers users) {
        return new DjangoUserDetailsService(users);
    }

    @Bean
    DjangoPasswordEncoder passwordEncoder(DjangoPasswordHasher hasher) {
        return new DjangoPasswordEncoder(hasher);
    }

    @Bean
    DjangoSecurityContextRepository securityContextRepository(DjangoUserDetailsService users) {
        return new DjangoSecurityContextRepository(users);
    }

    @Bean
    DjangoSessionRegistry sessionRegistry(SessionEngine engine, SessionSettings settings,
            DjangoUserDetailsService users) {
        return new DjangoSessionRegistry(engine, settings, users);
    }
}
