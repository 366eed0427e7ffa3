package dev.cloakroom.spring.boot;

import dev.cloakroom.SessionEngine;
import dev.cloakroom.SessionSettings;
import dev.cloakroom.config.CloakroomSettings;
import dev.cloakroom.config.ConfigurationException;
import dev.cloakroom.config.OpenedEngine;
import dev.cloakroom.config.Settings;
import dev.cloakroom.servlet.SessionFilter;
import jakarta.servlet.DispatcherType;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Cloakroom for a Spring Boot servlet application: Django's sessions behind {@code request.getSession()},
 * configured by the {@code cloakroom.*} properties (the README's "Configuration" table). It defines, each
 * only if the application has not defined its own:
 * <ul>
 *   <li>the {@link SessionSettings}, from the properties; {@code cloakroom.secret-key} is required;</li>
 *   <li>the {@link SessionEngine} named by {@code cloakroom.engine}, on the application's {@link DataSource}
 *       for {@code db} without {@code cloakroom.jdbc.url}, on the Redis of {@code spring.data.redis.*} for
 *       {@code cache} without {@code cloakroom.redis.url}; without {@code cloakroom.engine}, {@code db} (the
 *       start fails, saying what to set, if there is neither a {@code DataSource} nor a
 *       {@code cloakroom.jdbc.url});</li>
 *   <li>the {@link SessionFilter} registration (bean {@code cloakroomSessionFilter}), first in the chain at
 *       {@link #FILTER_ORDER}, before Spring Security's, for {@code REQUEST}, {@code ASYNC} and
 *       {@code ERROR} dispatches;</li>
 *   <li>with Spring MVC, {@link dev.cloakroom.Session} as a controller method argument.</li>
 * </ul>
 * With {@code cloakroom.clearsessions.enabled=true}, expired sessions are deleted on a schedule. A bad
 * property stops the start with one line naming it ({@code APPLICATION FAILED TO START}).
 */
@AutoConfiguration(afterName = {
    "org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration",
    "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
    "org.springframework.boot.autoconfigure.data.redis.RedisAutoConfiguration",
    "org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration"})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(SessionFilter.class)
public final class CloakroomAutoConfiguration {

    /**
     * The session filter's order: {@link Ordered#HIGHEST_PRECEDENCE} + 20, before every filter that may read
     * the session or commit the response (Spring Security's chain runs at -100).
     */
    public static final int FILTER_ORDER = Ordered.HIGHEST_PRECEDENCE + 20;

    /** Creates the configuration; Spring calls it. */
    public CloakroomAutoConfiguration() {
    }

    /** The {@code cloakroom.*} properties, read and checked. */
    @Bean
    static Settings cloakroomSettings(Environment environment) {
        return EnvironmentSettings.read(environment);
    }

    /**
     * The session settings of the properties.
     *
     * @throws ConfigurationException if {@code cloakroom.secret-key} is not set
     */
    @Bean
    @ConditionalOnMissingBean
    static SessionSettings cloakroomSessionSettings(Settings settings) {
        if (!settings.isSet(CloakroomSettings.SECRET_KEY)) {
            throw new ConfigurationException("cloakroom.secret-key is not set: set it (or "
                    + "CLOAKROOM_SECRET_KEY) to a long random string, Django's SECRET_KEY when Django shares "
                    + "the sessions");
        }
        return settings.sessionSettings();
    }

    /** The Cloakroom session filter, first in the chain. */
    @Bean
    @ConditionalOnMissingBean(value = SessionFilter.class,
            parameterizedContainer = FilterRegistrationBean.class)
    static FilterRegistrationBean<SessionFilter> cloakroomSessionFilter(SessionEngine engine,
            SessionSettings settings) {
        FilterRegistrationBean<SessionFilter> registration =
                new FilterRegistrationBean<>(new SessionFilter(engine, settings));
        registration.setName("cloakroomSessionFilter");
        registration.setOrder(FILTER_ORDER);
        registration.setAsyncSupported(true);
        registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ASYNC, DispatcherType.ERROR);
        registration.addUrlPatterns("/*");
        return registration;
    }

    /** Deletes expired sessions on a schedule when {@code cloakroom.clearsessions.enabled} is true. */
    @Bean
    static ClearSessionsTask cloakroomClearSessions(Settings settings, SessionEngine engine) {
        return new ClearSessionsTask(settings, engine);
    }

    /** The engine of the properties, unless the application defines its own {@link SessionEngine}. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnMissingBean(SessionEngine.class)
    static final class EngineConfiguration {

        @Bean(destroyMethod = "close")
        static OpenedEngine cloakroomOpenedEngine(Settings settings, SessionSettings sessionSettings,
                ObjectProvider<DataSource> dataSources, ConfigurableListableBeanFactory beanFactory) {
            return EngineOpener.open(settings, sessionSettings, dataSources.getIfUnique(), beanFactory);
        }

        @Bean
        static SessionEngine cloakroomSessionEngine(OpenedEngine opened) {
            return opened.engine();
        }
    }

    /** {@link dev.cloakroom.Session} as an argument of Spring MVC controller methods. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.web.servlet.config.annotation.WebMvcConfigurer")
    static final class WebMvcConfiguration {

        @Bean
        static WebMvcConfigurer cloakroomSessionArgument() {
            return new SessionArgumentConfigurer();
        }
    }
}
