package dev.cloakroom.demo;

import dev.cloakroom.Session;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The home page ({@code /}), and the 404 page for every path nothing else serves. */
final class HomeServlet extends PageServlet {

    private static final long serialVersionUID = 1L;

    HomeServlet(DemoContext context) {
        super(context);
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!"/".equals(request.getServletPath() + (request.getPathInfo() == null
                ? "" : request.getPathInfo()))) {
            render(request, response, 404, "not_found", "Not found", Map.of("path", request.getRequestURI()));
            return;
        }
        Session session = Web.session(request);
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("count", session.getOrDefault(CounterServlet.KEY, 0));
        model.put("cartItems", CartServlet.itemCount(session));
        if (session.get(WizardServlet.KEY) instanceof Map<?, ?> wizard) {
            model.put("wizardStep", wizard.get("step"));
        }
        if (session.get(WizardServlet.REGISTERED_KEY) instanceof Map<?, ?> registered) {
            model.put("registeredName", registered.get("name"));
        }
        model.put("idle", ExpiryServlet.describe(context.settings().idleTimeout()));
        model.put("absolute", ExpiryServlet.describe(context.settings().absoluteTimeout()));
        DemoMetrics metrics = context.metrics();
        model.put("metricsCreated", (long) metrics.count("cloakroom.session.events", "event", "created"));
        model.put("metricsSaves", (long) metrics.count("cloakroom.session.saves", "outcome", "success"));
        List<String> events = metrics.events().latest();
        model.put("events", events);
        model.put("noEvents", events.isEmpty());
        render(request, response, "home", "Cloakroom demo", model);
    }
}
