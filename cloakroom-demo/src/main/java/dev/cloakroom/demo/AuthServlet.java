package dev.cloakroom.demo;

import dev.cloakroom.contrib.messages.Level;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /login} (a form; {@code alice}/{@code alice} or {@code bob}/{@code bob}) and {@code /logout}
 * (POST), through the contrib auth: login cycles the key and keeps the cart, logout flushes.
 */
final class AuthServlet extends PageServlet {

    private static final long serialVersionUID = 1L;

    AuthServlet(DemoContext context) {
        super(context);
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if ("/logout".equals(request.getServletPath())) {
            Web.redirect(response, "/");
            return;
        }
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("next", safeNext(Web.param(request, "next")));
        render(request, response, "login", "Log in", model);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if ("/logout".equals(request.getServletPath())) {
            Web.logout(request);
            Web.flash(request, Level.INFO, "You have been logged out.");
            Web.redirect(response, "/");
            return;
        }
        String username = Web.param(request, "username");
        String next = safeNext(Web.param(request, "next"));
        Optional<DemoUser> user = context.users().authenticate(username,
                request.getParameter("password") == null
                ? "" : request.getParameter("password"));
        if (user.isEmpty()) {
            Map<String, Object> model = new LinkedHashMap<>();
            model.put("error", "Wrong username or password. Try alice/alice or bob/bob.");
            model.put("username", username);
            model.put("next", next);
            render(request, response, 400, "login", "Log in", model);
            return;
        }
        Web.login(request, user.get());
        Web.flash(request, Level.SUCCESS, "Welcome back, " + user.get().username() + "!");
        Web.redirect(response, next);
    }

    /** Only local paths, so the login form cannot be used to send people elsewhere: {@link LocalRedirect}. */
    static String safeNext(String next) {
        return LocalRedirect.target(next);
    }
}
