package dev.cloakroom.bench.springboot;

import dev.cloakroom.bench.endpoints.CountingDataSource;
import dev.cloakroom.bench.endpoints.SqlCounter;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * The load harness's SQL counts for this app: Boot's {@link DataSource} is wrapped in the same
 * {@link CountingDataSource} as the Cloakroom bench app's pools (the same small cost for every variant), and
 * {@code GET /_sql} answers its counts ({@link SqlCounter.Snapshot#toString()}; zeros without a database).
 */
final class SqlCounts extends HttpServlet implements BeanPostProcessor {

    private static final long serialVersionUID = 1L;

    private transient @Nullable CountingDataSource counted;

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof DataSource dataSource && !(bean instanceof CountingDataSource)) {
            CountingDataSource wrapped = new CountingDataSource(dataSource);
            counted = wrapped;
            return wrapped;
        }
        return bean;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        CountingDataSource c = counted;
        SqlCounter.Snapshot snapshot = c == null ? new SqlCounter.Snapshot(0, 0, 0, 0)
                : c.counter().snapshot();
        response.setContentType("text/plain");
        response.getOutputStream().write(snapshot.toString().getBytes(StandardCharsets.US_ASCII));
    }
}
