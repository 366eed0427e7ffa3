package dev.cloakroom.demo;

import dev.cloakroom.Session;
import dev.cloakroom.contrib.messages.Level;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * {@code /register}: a three-step registration wizard (name and e-mail; plan; review) whose progress lives
 * in the session under {@code wizard}, so a visitor can go back, go on, or leave and resume later.
 * {@code POST /register} takes {@code action} = {@code next}, {@code back}, {@code finish} or {@code cancel}.
 */
final class WizardServlet extends PageServlet {

    static final String KEY = "wizard";
    static final String REGISTERED_KEY = "registered";
    static final List<String> PLANS = List.of("free", "pro", "team");

    private static final long serialVersionUID = 1L;

    WizardServlet(DemoContext context) {
        super(context);
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        show(request, response, 200, state(Web.session(request)), null);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Session session = Web.session(request);
        Map<String, Object> state = state(session);
        int step = step(state);
        String action = Web.param(request, "action");
        if (action.equals("cancel")) {
            session.remove(KEY);
            Web.flash(request, Level.INFO, "Registration cancelled.");
            Web.redirect(response, "/register");
            return;
        }
        readFields(request, step, state);
        if (action.equals("back")) {
            state.put("step", Math.max(1, step - 1));
            session.put(KEY, state);
            Web.redirect(response, "/register");
            return;
        }
        String error = validate(step, state);
        if (error != null) {
            show(request, response, 400, state, error);
            return;
        }
        if (action.equals("finish") && step == 3) {
            session.remove(KEY);
            Map<String, Object> registered = new LinkedHashMap<>(state);
            registered.remove("step");
            session.put(REGISTERED_KEY, registered);
            Web.flash(request, Level.SUCCESS, "Welcome aboard, " + state.get("name")
                    + "! Your registration is complete.");
            Web.redirect(response, "/");
            return;
        }
        state.put("step", Math.min(3, step + 1));
        session.put(KEY, state);
        Web.redirect(response, "/register");
    }

    private void show(HttpServletRequest request, HttpServletResponse response, int status,
            Map<String, Object> state, @Nullable String error) throws IOException {
        int step = step(state);
        Map<String, Object> model = new LinkedHashMap<>(state);
        model.put("step", step);
        model.put("step" + step, Boolean.TRUE);
        model.put("resumed", Web.session(request).contains(KEY) && step > 1);
        String plan = String.valueOf(state.getOrDefault("plan", "free"));
        for (String p : PLANS) {
            model.put("plan_" + p, p.equals(plan));
        }
        if (error != null) {
            model.put("error", error);
        }
        render(request, response, status, "wizard", "Register (step " + step + " of 3)", model);
    }

    private static void readFields(HttpServletRequest request, int step, Map<String, Object> state) {
        if (step == 1) {
            state.put("name", limit(Web.param(request, "name")));
            state.put("email", limit(Web.param(request, "email")));
        } else if (step == 2) {
            state.put("plan", Web.param(request, "plan"));
            state.put("newsletter", request.getParameter("newsletter") != null);
        }
    }

    private static @Nullable String validate(int step, Map<String, Object> state) {
        if (step == 1) {
            if (String.valueOf(state.getOrDefault("name", "")).isEmpty()) {
                return "Tell us your name.";
            }
            String email = String.valueOf(state.getOrDefault("email", ""));
            if (!email.matches("[^@\\s]+@[^@\\s]+")) {
                return "Enter an e-mail address such as alice@example.com.";
            }
        } else if (step == 2 && !PLANS.contains(String.valueOf(state.get("plan")))) {
            return "Choose a plan.";
        }
        return null;
    }

    private static Map<String, Object> state(Session session) {
        Map<String, Object> state = new LinkedHashMap<>();
        if (session.get(KEY) instanceof Map<?, ?> stored) {
            stored.forEach((k, v) -> state.put(String.valueOf(k), v));
        }
        state.putIfAbsent("step", 1);
        return state;
    }

    private static int step(Map<String, Object> state) {
        int step = state.get("step") instanceof Number n ? n.intValue() : 1;
        return Math.max(1, Math.min(3, step));
    }

    private static String limit(String value) {
        return value.length() > 200 ? value.substring(0, 200) : value;
    }
}
