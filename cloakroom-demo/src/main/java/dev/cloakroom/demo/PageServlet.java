package dev.cloakroom.demo;

import dev.cloakroom.Session;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A servlet for one family of HTML pages. {@link #render} adds what every page shows: the preferences
 * (theme on {@code <body>}, language), the user, the flash messages, the CSRF token and the session panel
 * with its note on what the engine stores.
 */
abstract class PageServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    final transient DemoContext context;

    PageServlet(DemoContext context) {
        this.context = context;
    }

    void render(HttpServletRequest request, HttpServletResponse response, String template, String title,
            Map<String, Object> model) throws IOException {
        render(request, response, 200, template, title, model);
    }

    void render(HttpServletRequest request, HttpServletResponse response, int status, String template,
            String title, Map<String, Object> model) throws IOException {
        Session session = Web.session(request);
        Map<String, Object> page = new LinkedHashMap<>(model);
        Map<String, Object> preferences = Preferences.of(session);
        String language = (String) preferences.get("language");
        page.put("title", title);
        page.put("theme", preferences.get("theme"));
        page.put("lang", language);
        page.put("labels", Labels.of(language));
        page.put("nav_" + template, Boolean.TRUE);
        Web.currentUser(request, context.users()).ifPresent(user -> page.put("user", user.username()));
        var messages = Web.takeMessages(request);
        page.put("messages", messages);
        page.put("hasMessages", !messages.isEmpty());
        page.put("csrfToken", Web.csrfToken(request));
        addWhatTheRequestDid(session, page);
        page.put("panel", SessionPanel.of(session, context.engineName(), context.storageNote(),
                context.clock().instant()));
        response.setHeader("Cache-Control", "no-store");
        context.templates().render(response, status, template, page);
    }

    /**
     * Adds to {@code page} what depends on everything this request did to the session, the page's own
     * CSRF token included; called by {@link #render} just before the session panel. Nothing by default.
     */
    void addWhatTheRequestDid(Session session, Map<String, Object> page) {
    }
}
