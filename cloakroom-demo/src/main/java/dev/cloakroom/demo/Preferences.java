package dev.cloakroom.demo;

import dev.cloakroom.Session;
import java.util.LinkedHashMap;
import java.util.Map;

/** The visitor's theme and language, kept in the session under {@code preferences}. */
final class Preferences {

    static final String KEY = "preferences";

    private Preferences() {
    }

    /** The preferences with defaults filled in: {@code theme} light or dark, {@code language} en/fr/de. */
    static Map<String, Object> of(Session session) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("theme", "light");
        result.put("language", "en");
        if (session.get(KEY) instanceof Map<?, ?> stored) {
            if ("dark".equals(stored.get("theme"))) {
                result.put("theme", "dark");
            }
            if (stored.get("language") instanceof String language && Labels.isKnown(language)) {
                result.put("language", language);
            }
        }
        return result;
    }
}
