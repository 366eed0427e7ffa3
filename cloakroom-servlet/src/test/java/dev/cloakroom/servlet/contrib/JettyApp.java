package dev.cloakroom.servlet.contrib;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.jspecify.annotations.Nullable;

/** An embedded Jetty 12 on a free port with the given filters in front of one handler. */
final class JettyApp implements AutoCloseable {

    /** What the application does with a request. */
    @FunctionalInterface
    interface Handler {
        void handle(HttpServletRequest request, HttpServletResponse response) throws IOException;
    }

    private final Server server;
    private final URI base;

    private JettyApp(Server server, URI base) {
        this.server = server;
        this.base = base;
    }

    static JettyApp start(Handler handler, Filter... filters) throws Exception {
        Server server = new Server(0);
        ServletContextHandler context = new ServletContextHandler();
        context.setContextPath("/");
        for (Filter filter : filters) {
            context.addFilter(new FilterHolder(filter), "/*", EnumSet.of(DispatcherType.REQUEST));
        }
        context.addServlet(new ServletHolder(new HttpServlet() {
            @Override
            protected void service(HttpServletRequest request, HttpServletResponse response)
                    throws IOException {
                handler.handle(request, response);
            }
        }), "/*");
        server.setHandler(context);
        server.start();
        int port = ((ServerConnector) server.getConnectors()[0]).getLocalPort();
        return new JettyApp(server, URI.create("http://127.0.0.1:" + port));
    }

    URI uri(String path) {
        return base.resolve(path);
    }

    String origin() {
        return base.toString();
    }

    /** A browser: keeps cookies, does not follow redirects. */
    Browser browser() {
        return new Browser();
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new IllegalStateException("Could not stop Jetty", e);
        }
    }

    final class Browser {
        final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
        final HttpClient client = HttpClient.newBuilder().cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();

        HttpResponse<String> get(String path) throws IOException, InterruptedException {
            return send(HttpRequest.newBuilder(uri(path)).GET());
        }

        HttpResponse<String> postForm(String path, String form, String... headers)
                throws IOException, InterruptedException {
            HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form));
            return send(headers.length == 0 ? request : request.headers(headers));
        }

        HttpResponse<String> send(String method, String path, String... headers)
                throws IOException, InterruptedException {
            HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
                    .method(method, HttpRequest.BodyPublishers.noBody());
            return send(headers.length == 0 ? request : request.headers(headers));
        }

        HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
            return client.send(request.timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        @Nullable String cookie(String name) {
            List<HttpCookie> all = cookies.getCookieStore().getCookies();
            return all.stream().filter(c -> c.getName().equals(name)).map(HttpCookie::getValue).findFirst()
                    .orElse(null);
        }
    }
}
