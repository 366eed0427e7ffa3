package dev.cloakroom.demo;

import dev.cloakroom.Session;
import dev.cloakroom.internal.SessionKeys;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The small panel on every page: the session key's last six characters, the engine, what it stores
 * ({@link StorageNote}) and the expiry.
 */
final class SessionPanel {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private SessionPanel() {
    }

    static Map<String, Object> of(Session session, String engineName, String storageNote, Instant now) {
        Map<String, Object> panel = new LinkedHashMap<>();
        String key = session.key();
        panel.put("engine", engineName);
        panel.put("storage", storageNote);
        if (session.isEmpty()) {
            panel.put("key", "none yet");
            panel.put("expiry", "no session stored");
            return panel;
        }
        panel.put("key", key == null ? "new (saved with this page)" : "…" + suffix(key));
        if (session.getExpireAtBrowserClose()) {
            panel.put("expiry", "when the browser closes");
        } else {
            Instant at = session.getExpiryDate();
            panel.put("expiry", WHEN.format(at) + " (in " + human(Duration.between(now, at)) + ")");
        }
        return panel;
    }

    static String suffix(String key) {
        return SessionKeys.suffix(key);
    }

    static String human(Duration d) {
        long seconds = Math.max(0, d.getSeconds());
        if (seconds >= 2 * 86400) {
            return seconds / 86400 + " days";
        }
        if (seconds >= 2 * 3600) {
            return seconds / 3600 + " hours";
        }
        if (seconds >= 120) {
            return seconds / 60 + " minutes";
        }
        return seconds + " seconds";
    }
}
