package dev.cloakroom.demo;

import dev.cloakroom.contrib.messages.Level;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code /preferences}: theme (light or dark, on every page) and language, kept in the session. */
final class PreferencesServlet extends PageServlet {

    private static final long serialVersionUID = 1L;

    PreferencesServlet(DemoContext context) {
        super(context);
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Map<String, Object> current = Preferences.of(Web.session(request));
        List<Map<String, Object>> languages = new ArrayList<>();
        for (Labels.Language language : Labels.LANGUAGES) {
            languages.add(Map.of("code", language.code(), "name", language.name(),
                    "selected", language.code().equals(current.get("language"))));
        }
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("dark", "dark".equals(current.get("theme")));
        model.put("languages", languages);
        render(request, response, "preferences", "Preferences", model);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String theme = Web.param(request, "theme");
        String language = Web.param(request, "language");
        if (!(theme.equals("light") || theme.equals("dark")) || !Labels.isKnown(language)) {
            Web.flash(request, Level.ERROR,
                    "Choose a theme (light or dark) and one of the languages offered.");
        } else {
            Web.session(request).put(Preferences.KEY, Map.of("theme", theme, "language", language));
            Web.flash(request, Level.SUCCESS, "Preferences saved.");
        }
        Web.redirect(response, "/preferences");
    }
}
