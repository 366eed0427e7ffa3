package dev.cloakroom.bench.load;

import dev.cloakroom.bench.endpoints.Endpoint;
import dev.cloakroom.bench.endpoints.EndpointServlet;
import dev.cloakroom.servlet.SessionFilter;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import java.util.EnumSet;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ContextHandlerCollection;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.jspecify.annotations.Nullable;

/**
 * The Cloakroom bench app: one embedded Jetty 12 (ee10) on 127.0.0.1, every {@link Variant} that no Spring
 * Boot app serves under its own context path, each with the same servlet endpoints ({@link Endpoint}) and
 * only its session filter differing: Cloakroom's {@link SessionFilter}, or none (baseline and raw
 * variants). Jetty's defaults: a {@link QueuedThreadPool} of up to 200 threads, HTTP/1.1 keep-alive. The
 * Spring Boot variants run in their own processes ({@link SpringBootApps}), also on Jetty, with the same
 * endpoint servlets; {@link #url} points at whichever serves a variant.
 */
public final class BenchApp implements AutoCloseable {

    private final Server server;
    private final ServerConnector connector;
    private @Nullable SpringBootApps springBootApps;

    /** Builds and starts the app on {@code port} (0 picks a free one). */
    public BenchApp(BenchStores stores, int port) throws Exception {
        server = new Server(new QueuedThreadPool(200));
        HttpConfiguration http = new HttpConfiguration();
        // Jetty keeps a per-connection cache of header values and empties it (a large array fill) when full.
        // wrk sends a different session cookie with every request of a connection, which no browser does:
        // the cache would fill and be emptied every few requests, a cost of the harness, not of any variant.
        http.setHeaderCacheSize(0);
        connector = new ServerConnector(server, new HttpConnectionFactory(http));
        connector.setHost("127.0.0.1");
        connector.setPort(port);
        server.addConnector(connector);
        ContextHandlerCollection contexts = new ContextHandlerCollection();
        for (Variant variant : Variant.values()) {
            if (variant.springBoot() == null) {
                contexts.addHandler(context(variant, stores));
            }
        }
        server.setHandler(contexts);
        server.start();
    }

    private static ServletContextHandler context(Variant variant, BenchStores stores) {
        ServletContextHandler context = new ServletContextHandler("/" + variant.path());
        Filter filter = filter(variant, stores);
        if (filter != null) {
            context.addFilter(new FilterHolder(filter), "/*", EnumSet.of(DispatcherType.REQUEST,
                    DispatcherType.ASYNC, DispatcherType.ERROR));
        }
        EndpointServlet servlet = switch (variant) {
            case BASELINE -> new BaselineServlet();
            case CLOAKROOM_REDIS, CLOAKROOM_DB, CLOAKROOM_REDIS_EXPIRY, CLOAKROOM_REDIS_METRICS ->
                    new CloakroomServlet();
            default -> throw new IllegalArgumentException(variant + " runs in a Spring Boot app");
            case RAW_REDIS -> new RawRedisServlet(stores.rawRedis(), BenchStores.RAW_PREFIX);
            case RAW_SQL -> new RawSqlServlet(stores.dataSource(Variant.RAW_SQL));
        };
        context.addServlet(new ServletHolder(servlet), "/*");
        return context;
    }

    private static @Nullable Filter filter(Variant variant, BenchStores stores) {
        return switch (variant) {
            case CLOAKROOM_REDIS -> new SessionFilter(stores.cloakroomRedis(), stores.settings());
            case CLOAKROOM_DB -> new SessionFilter(stores.cloakroomDbEngine(), stores.settings());
            case CLOAKROOM_REDIS_EXPIRY ->
                    new SessionFilter(stores.cloakroomRedis(), stores.expirySettings());
            case CLOAKROOM_REDIS_METRICS ->
                    new SessionFilter(stores.meteredRedis(), stores.meteredSettings());
            default -> null;
        };
    }

    /**
     * The CPU time so far, user and system, of the JVM that serves {@code variant}: this one, or the
     * variant's Spring Boot app; in nanoseconds, or -1 where the platform does not tell it.
     */
    public long cpuNanos(Variant variant) {
        ProcessHandle process = variant.springBoot() == null ? ProcessHandle.current()
                : springBootApps == null ? null : springBootApps.process(variant);
        if (process == null) {
            throw new IllegalStateException(variant.path() + "'s Spring Boot app is not running");
        }
        return process.info().totalCpuDuration().map(java.time.Duration::toNanos).orElse(-1L);
    }

    /** The port it listens on. */
    public int port() {
        return connector.getLocalPort();
    }

    /** Serves the Spring Boot variants from {@code apps} from now on (their URLs point there). */
    public void use(SpringBootApps apps) {
        this.springBootApps = apps;
    }

    /**
     * The URL of {@code endpoint} of {@code variant}.
     *
     * @throws IllegalStateException for a Spring Boot variant whose app is not running
     */
    public String url(Variant variant, Endpoint endpoint) {
        return base(variant) + "/" + endpoint.path();
    }

    /** The URL where a Spring Boot variant's app answers its SQL counts. */
    String sqlCountsUrl(Variant variant) {
        return base(variant) + "/_sql";
    }

    private String base(Variant variant) {
        int port = port();
        if (variant.springBoot() != null) {
            Integer external = springBootApps == null ? null : springBootApps.port(variant);
            if (external == null) {
                throw new IllegalStateException(variant.path() + "'s Spring Boot app is not running");
            }
            port = external;
        }
        return "http://127.0.0.1:" + port + "/" + variant.path();
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }
}
