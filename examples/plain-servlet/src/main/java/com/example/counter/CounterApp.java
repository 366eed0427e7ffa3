package com.example.counter;

import dev.cloakroom.SessionSettings;
import dev.cloakroom.jdbc.JdbcEngine;
import dev.cloakroom.servlet.SessionFilter;
import jakarta.servlet.DispatcherType;
import java.nio.file.Path;
import java.util.EnumSet;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/** Jetty serving {@link CounterServlet} at {@code /count}, its sessions in a SQLite file. */
public final class CounterApp implements AutoCloseable {

    private final Server server;
    private final JdbcEngine engine;

    private CounterApp(Server server, JdbcEngine engine) {
        this.server = server;
        this.engine = engine;
    }

    /** Starts the application on 127.0.0.1 at {@code port} (0: any free port). */
    public static CounterApp start(Path database, String secretKey, int port) throws Exception {
        SessionSettings settings = SessionSettings.builder().secretKey(secretKey).build();
        JdbcEngine engine = JdbcEngine.builder("jdbc:sqlite:" + database).clock(settings.clock()).build();

        ServletContextHandler context = new ServletContextHandler();
        context.addFilter(new FilterHolder(new SessionFilter(engine, settings)), "/*",
                EnumSet.of(DispatcherType.REQUEST, DispatcherType.ASYNC, DispatcherType.ERROR));
        context.addServlet(new ServletHolder(new CounterServlet()), "/count");

        Server server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(port);
        server.addConnector(connector);
        server.setHandler(context);
        server.start();
        return new CounterApp(server, engine);
    }

    /** The port the server listens on. */
    public int port() {
        return ((ServerConnector) server.getConnectors()[0]).getLocalPort();
    }

    @Override
    public void close() throws Exception {
        server.stop();
        engine.close();
    }

    /** {@code java com.example.counter.CounterApp}: serves http://127.0.0.1:8080/count. */
    public static void main(String[] args) throws Exception {
        CounterApp app = start(Path.of("sessions.sqlite3"), "change-me", 8080);
        app.server.join();
    }
}
