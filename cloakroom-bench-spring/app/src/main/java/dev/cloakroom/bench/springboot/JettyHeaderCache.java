package dev.cloakroom.bench.springboot;

import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Turns off Jetty's per-connection header value cache, as the Cloakroom bench app does: the load generators
 * send a different session cookie on every request of a connection, which fills and empties that cache
 * every few requests, a cost of the harness rather than of any session layer.
 *
 * <p>Boot 3.5 and 4.0 keep the web server behind differently named types, so the Jetty {@link Server} is
 * reached through their common method names ({@code getWebServer()}, {@code getServer()}); Jetty's own
 * types are the same in 12.0 and 12.1.
 */
final class JettyHeaderCache {

    private JettyHeaderCache() {
    }

    /** Sets the header cache size of every HTTP connector of the context's Jetty to 0. */
    static void disable(ConfigurableApplicationContext context) throws ReflectiveOperationException {
        Object webServer = context.getClass().getMethod("getWebServer").invoke(context);
        Server server = (Server) webServer.getClass().getMethod("getServer").invoke(webServer);
        for (Connector connector : server.getConnectors()) {
            HttpConnectionFactory http = connector.getConnectionFactory(HttpConnectionFactory.class);
            if (http != null) {
                http.getHttpConfiguration().setHeaderCacheSize(0);
            }
        }
    }
}
