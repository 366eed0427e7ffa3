package dev.cloakroom.bench.springboot;

import dev.cloakroom.bench.endpoints.HttpSessionServlet;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;

/**
 * A Spring Boot application as small as the comparison allows: Spring Session is configured by Boot's
 * auto-configuration from properties alone (the active profile picks the store: {@code redis},
 * {@code redis-indexed} or {@code jdbc}), on Boot's Jetty, and the only application code is the bench's
 * endpoint servlet, registered at {@code /*} of the context path the harness gives
 * ({@code --server.servlet.context-path=/<variant>}), and the SQL counts the harness reads ({@code /_sql}).
 */
@SpringBootApplication
public class SpringSessionBenchApplication {

    /** Starts the app; every setting comes as a command-line property from the load harness. */
    public static void main(String[] args) throws ReflectiveOperationException {
        JettyHeaderCache.disable(SpringApplication.run(SpringSessionBenchApplication.class, args));
    }

    /** Counts the SQL sent through Boot's {@code DataSource}, for the harness's counting pass. */
    @Bean
    static SqlCounts sqlCounts() {
        return new SqlCounts();
    }

    /** {@code GET /_sql}: the counts. */
    @Bean
    ServletRegistrationBean<SqlCounts> sqlCountsServlet(SqlCounts counts) {
        return new ServletRegistrationBean<>(counts, "/_sql");
    }

    /** The bench's endpoints, the same servlet code the Cloakroom bench app serves. */
    @Bean
    ServletRegistrationBean<HttpSessionServlet> endpoints() {
        return new ServletRegistrationBean<>(new HttpSessionServlet(), "/*");
    }
}
