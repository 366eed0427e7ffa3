package dev.cloakroom.servlet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cloakroom.SessionSettings;
import dev.cloakroom.engine.MemoryEngine;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionIdListener;
import jakarta.servlet.http.HttpSessionListener;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.EnumSet;
import java.util.EventListener;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link HttpSessionEvents} over real HTTP on Jetty: servlet session listeners hear a session created,
 * its id changed at login and its destruction at logout, with the request's {@code HttpSession}.
 */
class HttpSessionEventsIT {

    /** Records each servlet event with the id of the session it names. */
    static final class Recorder implements HttpSessionListener, HttpSessionIdListener {
        final List<String> events = new CopyOnWriteArrayList<>();

        @Override
        public void sessionCreated(HttpSessionEvent se) {
            events.add("created " + se.getSession().getId());
        }

        @Override
        public void sessionDestroyed(HttpSessionEvent se) {
            events.add("destroyed");
        }

        @Override
        public void sessionIdChanged(HttpSessionEvent event, String oldSessionId) {
            events.add("idChanged " + oldSessionId + " -> " + event.getSession().getId());
        }
    }

    /** {@code /put} stores a value, {@code /login} changes the id, {@code /logout} invalidates. */
    static final class Pages extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            HttpSession session = req.getSession();
            switch (req.getRequestURI()) {
                case "/put" -> session.setAttribute("n", 1);
                case "/login" -> req.changeSessionId();
                case "/logout" -> session.invalidate();
                default -> resp.setStatus(404);
            }
            HttpSession now = req.getSession(false);
            resp.getWriter().print(now == null ? "none" : now.getId());
        }
    }

    private static final Recorder RECORDER = new Recorder();
    private static Server server;
    private static int port;

    private final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

    @BeforeAll
    static void startJetty() throws Exception {
        SessionSettings settings = SessionSettings.builder().secretKey("http-session-events")
                .listener(new HttpSessionEvents(List.of(RECORDER))).build();
        server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler();
        context.setContextPath("/");
        context.addFilter(new FilterHolder(new SessionFilter(MemoryEngine.create(), settings)), "/*",
                EnumSet.allOf(DispatcherType.class));
        context.addServlet(new ServletHolder(new Pages()), "/*");
        server.setHandler(context);
        server.start();
        port = connector.getLocalPort();
    }

    @AfterAll
    static void stopJetty() throws Exception {
        server.stop();
    }

    @BeforeEach
    void clear() {
        RECORDER.events.clear();
    }

    private String get(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + path)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    @Test
    void createdThenIdChangedThenDestroyed() throws Exception {
        get("/put");
        assertThat(RECORDER.events).hasSize(1);
        String created = RECORDER.events.get(0);
        assertThat(created).startsWith("created ");
        String firstId = created.substring("created ".length());

        String secondId = get("/login");
        assertThat(secondId).isNotEqualTo(firstId);
        assertThat(RECORDER.events).containsExactly(created, "idChanged " + firstId + " -> " + secondId);

        assertThat(get("/logout")).isEqualTo("none");
        assertThat(RECORDER.events).containsExactly(created, "idChanged " + firstId + " -> " + secondId,
                "destroyed");
    }

    @Test
    void changingTheIdOfANewSessionCreatesItAndAPageThatStoresNothingFiresNothing() throws Exception {
        String id = get("/login");
        assertThat(RECORDER.events).containsExactly("created " + id);
        RECORDER.events.clear();
        HttpResponse<String> other = client.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/other")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(other.statusCode()).isEqualTo(404);
        assertThat(RECORDER.events).isEmpty();
    }

    @Test
    void onlyServletSessionListenersAreAccepted() {
        assertThatThrownBy(() -> new HttpSessionEvents(List.of(new EventListener() { })))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("neither an HttpSessionListener nor an HttpSessionIdListener");
    }
}
