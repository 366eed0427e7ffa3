package dev.cloakroom.demo;

import dev.cloakroom.SessionEngine;
import dev.cloakroom.SessionSettings;
import dev.cloakroom.config.CloakroomSettings;
import dev.cloakroom.config.Engines;
import dev.cloakroom.config.OpenedEngine;
import dev.cloakroom.config.Schema;
import dev.cloakroom.config.Settings;
import dev.cloakroom.djangoauth.DjangoUsers;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.Servlet;
import java.net.URI;
import java.util.EnumSet;
import java.util.Objects;
import dev.cloakroom.servlet.SessionFilter;
import dev.cloakroom.servlet.contrib.CsrfFilter;
import dev.cloakroom.servlet.contrib.MessagesFilter;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo web app on an embedded Jetty 12, listening on 127.0.0.1 only: the session filter in front of
 * pages (counter, cart, preferences, registration wizard, login, "your sessions", contact, expiry, "API
 * without cookies"), a JSON API under {@code /api} (the key in the cookie) and under {@code /token-api}
 * (the key in the {@code X-Session-Token} header), and the session meters in Prometheus' text format at
 * {@code /metrics}.
 *
 * <pre>{@code
 * try (DemoServer demo = DemoServer.start(DemoSettings.fromEnvironment())) {
 *     System.out.println(demo.uri());
 *     demo.join();
 * }
 * }</pre>
 *
 * <p>{@link #close()} stops Jetty and closes the engine if the server opened it. Thread-safe.
 */
public final class DemoServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DemoServer.class);

    private final Server server;
    private final URI uri;
    private final String engineName;
    private final AutoCloseable onClose;

    private DemoServer(Server server, URI uri, String engineName, AutoCloseable onClose) {
        this.server = server;
        this.uri = uri;
        this.engineName = engineName;
        this.onClose = onClose;
    }

    /**
     * Opens the engine {@code settings} name (creating the {@code db} table if it is missing) and serves
     * the demo on 127.0.0.1 at {@link DemoSettings#PORT}; logs one line with the URL and the engine.
     *
     * @param settings read by {@link DemoSettings#read}
     * @throws dev.cloakroom.config.ConfigurationException if the configuration cannot be used
     * @throws dev.cloakroom.SessionStorageException if the engine's storage cannot be reached
     * @throws IllegalStateException if the port cannot be bound
     */
    public static DemoServer start(Settings settings) {
        OpenedEngine engine = Engines.open(settings, Schema.CREATE_MISSING);
        try {
            SessionSettings session = settings.sessionSettings();
            DemoUsers users = settings.get(DemoSettings.DJANGO_USERS)
                    ? DemoUsers.django(DjangoUsers.builder(settings.get(CloakroomSettings.JDBC_URL))
                            .djangoVersion(session.djangoVersion()).clock(session.clock()).build())
                    : new DemoUsers();
            DemoServer server = start(engine.engine(), engine.name(), session,
                    settings.get(DemoSettings.PORT), engine, users);
            LOG.info("Cloakroom demo at {} (engine {}, {})", server.uri(), engine.name(),
                    engine.description());
            return server;
        } catch (RuntimeException e) {
            engine.close();
            throw e;
        }
    }

    /**
     * Serves the demo with an engine the caller opened and keeps (tests pass their own, for example with a
     * clock they move). {@code port} 0 picks a free port.
     *
     * @throws IllegalStateException if the port cannot be bound
     */
    public static DemoServer start(SessionEngine engine, String engineName, SessionSettings settings,
            int port) {
        return start(engine, engineName, settings, port, () -> { }, new DemoUsers());
    }

    private static DemoServer start(SessionEngine engine, String engineName, SessionSettings settings,
            int port,
            AutoCloseable onClose, DemoUsers users) {
        Objects.requireNonNull(engine, "engine");
        DemoMetrics metrics = new DemoMetrics(settings);
        DemoContext context = new DemoContext(metrics.instrument(engine, engineName), engineName,
                metrics.listenTo(settings), new Templates(), users, metrics,
                StorageNote.of(engine, engineName));
        Server server = new Server();
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
        connector.setHost("127.0.0.1");
        connector.setPort(port);
        server.addConnector(connector);
        server.setHandler(handler(context));
        try {
            server.start();
        } catch (Exception e) {
            try {
                server.stop();
            } catch (Exception suppressed) {
                e.addSuppressed(suppressed);
            }
            throw new IllegalStateException("Could not serve the demo on 127.0.0.1:" + port
                    + " (" + e.getMessage()
                    + "); is another program using the port? Choose another with --port or CLOAKROOM_PORT",
                    e);
        }
        URI uri = URI.create("http://127.0.0.1:" + connector.getLocalPort() + "/");
        return new DemoServer(server, uri, engineName, onClose);
    }

    private static ServletContextHandler handler(DemoContext context) {
        ServletContextHandler handler = new ServletContextHandler();
        handler.setContextPath("/");
        handler.setErrorHandler(new QuietErrorHandler());
        filter(handler, new SecurityHeadersFilter(), "/*");
        filter(handler, new ByPath(new SessionFilter(context.engine(), TokenApi.settings(context.settings())),
                new SessionFilter(context.engine(), context.settings())), "/*");
        filter(handler, ByPath.notOnTokenApi(new MessagesFilter()), "/*");
        filter(handler, new PagesOnly(new CsrfFilter()), "/*");
        servlet(handler, new StaticServlet(), "/static/*");
        servlet(handler, new HomeServlet(context), "/");
        servlet(handler, new CounterServlet(context), "/counter");
        servlet(handler, new CartServlet(context), "/cart", "/cart/*");
        servlet(handler, new PreferencesServlet(context), "/preferences");
        servlet(handler, new WizardServlet(context), "/register");
        servlet(handler, new AuthServlet(context), "/login", "/logout");
        servlet(handler, new SessionsServlet(context), "/sessions", "/sessions/*");
        servlet(handler, new ContactServlet(context), "/contact");
        servlet(handler, new ExpiryServlet(context), "/expiry");
        servlet(handler, new NoCookiesServlet(context), "/no-cookies");
        api(handler, new ApiPingServlet(context), "/ping", "/*");
        api(handler, new ApiSessionServlet(context), "/session", "/session/*", "/counter");
        api(handler, new ApiAuthServlet(context), "/login", "/logout", "/whoami");
        api(handler, new ApiPasswordServlet(context), "/password");
        servlet(handler, new MetricsServlet(context.metrics()), "/metrics");
        return handler;
    }

    /** Serves {@code servlet} at each of {@code paths} under {@code /api} and {@link TokenApi#PREFIX}. */
    private static void api(ServletContextHandler handler, Servlet servlet, String... paths) {
        ServletHolder holder = new ServletHolder(servlet);
        for (String path : paths) {
            handler.addServlet(holder, "/api" + path);
            handler.addServlet(holder, TokenApi.PREFIX + path);
        }
    }

    private static void filter(ServletContextHandler handler, Filter filter, String path) {
        handler.addFilter(new FilterHolder(filter), path, EnumSet.of(DispatcherType.REQUEST));
    }

    private static void servlet(ServletContextHandler handler, Servlet servlet, String... paths) {
        ServletHolder holder = new ServletHolder(servlet);
        for (String path : paths) {
            handler.addServlet(holder, path);
        }
    }

    /** Where the demo is served, for example {@code http://127.0.0.1:8000/}. */
    public URI uri() {
        return uri;
    }

    /** The engine's name, for example {@code db}. */
    public String engineName() {
        return engineName;
    }

    /** Waits until the server stops. */
    public void join() throws InterruptedException {
        server.join();
    }

    /** Stops Jetty, then closes the engine if {@link #start(Settings)} opened it. */
    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            LOG.warn("Stopping the demo server failed: {}", e.toString());
        }
        try {
            onClose.close();
        } catch (Exception e) {
            LOG.warn("Closing the session engine failed: {}", e.toString());
        }
    }
}
