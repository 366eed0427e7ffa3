package dev.cloakroom.servlet;

import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServlet;
import java.util.List;
import java.util.Map;

/** A servlet container started for a test class, listening on 127.0.0.1 on an ephemeral port. */
interface TestContainer {

    /** Stops the container. */
    void stop() throws Exception;

    /** The port it listens on. */
    int port();

    /**
     * A filter mapped for {@code /<name>/*} and every dispatcher type.
     *
     * @param initParams init-parameters, for filters configured like {@code web.xml} ones
     */
    record Mount(String name, Filter filter, Map<String, String> initParams) {
        String pattern() {
            return "/" + name + "/*";
        }
    }

    /** What to deploy: filters, one servlet for every path, and the page 404 errors are dispatched to. */
    record Deployment(List<Mount> mounts, HttpServlet servlet, String notFoundPage) {
    }
}
