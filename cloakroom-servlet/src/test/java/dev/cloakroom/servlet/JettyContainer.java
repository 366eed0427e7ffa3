package dev.cloakroom.servlet;

import jakarta.servlet.DispatcherType;
import java.util.EnumSet;
import org.eclipse.jetty.ee10.servlet.ErrorPageErrorHandler;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/** Embedded Jetty 12 (ee10), with its own session handler present so a leak would show as JSESSIONID. */
final class JettyContainer implements TestContainer {

    private final Server server;
    private final int port;

    private JettyContainer(Server server, int port) {
        this.server = server;
        this.port = port;
    }

    static JettyContainer start(Deployment deployment) throws Exception {
        Server server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);

        ServletContextHandler context = new ServletContextHandler(ServletContextHandler.SESSIONS);
        context.setContextPath("/");
        for (Mount mount : deployment.mounts()) {
            FilterHolder holder = new FilterHolder(mount.filter());
            holder.setName(mount.name());
            holder.setAsyncSupported(true);
            mount.initParams().forEach(holder::setInitParameter);
            context.addFilter(holder, mount.pattern(), EnumSet.allOf(DispatcherType.class));
        }
        ServletHolder servlet = new ServletHolder("scenarios", deployment.servlet());
        servlet.setAsyncSupported(true);
        context.addServlet(servlet, "/*");
        ErrorPageErrorHandler errors = new ErrorPageErrorHandler();
        errors.addErrorPage(404, deployment.notFoundPage());
        context.setErrorHandler(errors);
        server.setHandler(context);
        server.start();
        return new JettyContainer(server, connector.getLocalPort());
    }

    @Override
    public int port() {
        return port;
    }

    @Override
    public void stop() throws Exception {
        server.stop();
    }
}
