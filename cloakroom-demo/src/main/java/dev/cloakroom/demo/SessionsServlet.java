package dev.cloakroom.demo;

import dev.cloakroom.Session;
import dev.cloakroom.SessionSummary;
import dev.cloakroom.UserSessionIndex;
import dev.cloakroom.contrib.auth.UserSessions;
import dev.cloakroom.contrib.messages.Level;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /sessions}: the logged-in user's sessions and "sign out everywhere else" ({@code POST
 * /sessions/revoke-others}), on engines that index sessions by user; a note on the others.
 */
final class SessionsServlet extends PageServlet {

    private static final long serialVersionUID = 1L;

    SessionsServlet(DemoContext context) {
        super(context);
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (Web.currentUser(request, context.users()).isEmpty()) {
            Web.flash(request, Level.INFO, "Log in to see your sessions.");
            Web.redirect(response, "/login?next=/sessions");
            return;
        }
        Map<String, Object> model = new LinkedHashMap<>();
        boolean supported = context.engine() instanceof UserSessionIndex;
        model.put("supported", supported);
        model.put("engine", context.engineName());
        if (supported) {
            Session session = Web.session(request);
            Instant now = context.clock().instant();
            List<Map<String, Object>> rows = new ArrayList<>();
            for (SessionSummary summary : UserSessions.sessionsOf(session)) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("key", "…" + summary.keySuffix());
                row.put("expires", SessionPanel.human(Duration.between(now, summary.expiresAt())));
                row.put("current", UserSessions.isCurrent(summary, session));
                rows.add(row);
            }
            model.put("sessions", rows);
            model.put("others", rows.stream().anyMatch(r -> !Boolean.TRUE.equals(r.get("current"))));
        }
        render(request, response, "sessions", "Your sessions", model);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!"/revoke-others".equals(request.getPathInfo())) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        if (Web.currentUser(request, context.users()).isEmpty()) {
            Web.redirect(response, "/login?next=/sessions");
            return;
        }
        if (!(context.engine() instanceof UserSessionIndex)) {
            Web.flash(request, Level.WARNING, "The " + context.engineName()
                    + " engine cannot list or revoke sessions.");
        } else {
            int revoked = UserSessions.revokeOthers(Web.session(request));
            Web.flash(request, Level.SUCCESS, "Signed out " + revoked + " other session" + (revoked == 1
                    ? "" : "s")
                    + ".");
        }
        Web.redirect(response, "/sessions");
    }
}
