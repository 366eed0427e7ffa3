package dev.cloakroom.demo;

import dev.cloakroom.Session;
import dev.cloakroom.SessionSettings;
import dev.cloakroom.config.CloakroomSettings;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * {@code /expiry}: the idle timeout, absolute lifetime and touch interval the demo runs with, and for the
 * visitor's session when it was created ({@value Session#CREATED_KEY}), when it expires and which rule
 * decides, and whether this request writes it.
 */
final class ExpiryServlet extends PageServlet {

    private static final long serialVersionUID = 1L;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    ExpiryServlet(DemoContext context) {
        super(context);
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        SessionSettings settings = context.settings();
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("idle", describe(settings.idleTimeout()));
        model.put("absolute", describe(settings.absoluteTimeout()));
        model.put("touchAfter", describe(settings.touchAfter()));
        model.put("idleVariable", CloakroomSettings.IDLE_TIMEOUT.environmentName());
        model.put("absoluteVariable", CloakroomSettings.ABSOLUTE_TIMEOUT.environmentName());
        model.put("touchVariable", CloakroomSettings.TOUCH_AFTER.environmentName());
        model.put("cookieAge", describe(settings.cookieAge()));
        render(request, response, "expiry", "Expiry", model);
    }

    @Override
    void addWhatTheRequestDid(Session session, Map<String, Object> page) {
        page.put("session", of(session, context.clock().instant()));
    }

    /** The session's part of the page, once the request has done all it does to the session. */
    static Map<String, Object> of(Session session, Instant now) {
        SessionSettings settings = session.settings();
        Map<String, Object> view = new LinkedHashMap<>();
        Instant created = created(session);
        view.put("created", created == null ? "now: this request stores it" : WHEN.format(created));
        Instant expires = session.getExpiryDate(now);
        view.put("expires", WHEN.format(expires) + " (in "
                + SessionPanel.human(Duration.between(now, expires)) + ")");
        view.put("reason", reason(settings, created == null ? now : created, now, expires));
        view.put("browserClose", session.getExpireAtBrowserClose());
        boolean changed = session.isModified() || session.isSaved();
        boolean touch = !changed && session.isTouchDue();
        view.put("writes", changed || touch);
        view.put("write", changed ? "Yes: this request changed the session, so it saves it."
                : touch ? "Yes, a touch: nothing changed, but saving now moves the expiry by at least "
                        + describe(settings.touchAfter()) + "."
                : settings.idleTimeout() == null ? "No: this request only read the session (without an idle "
                        + "timeout, reads never write)."
                : "No: this request only read the session and the touch is not due, so the stored expiry "
                        + "stays where the last write put it, less than " + describe(settings.touchAfter())
                        + " before the time above.");
        return view;
    }

    private static String reason(SessionSettings settings, Instant created, Instant now, Instant expires) {
        Duration absolute = settings.absoluteTimeout();
        if (absolute != null && expires.equals(created.plus(absolute))) {
            return "the absolute lifetime: " + describe(absolute) + " after it was created, however active";
        }
        Duration idle = settings.idleTimeout();
        if (idle != null && expires.equals(now.plus(idle))) {
            return "the idle timeout: " + describe(idle) + " after the last request that saved it";
        }
        return "Django's expiry: the cookie age (" + describe(settings.cookieAge())
                + ") or the session's own setExpiry";
    }

    private static @Nullable Instant created(Session session) {
        return session.get(Session.CREATED_KEY) instanceof Number seconds
                ? Instant.ofEpochSecond(seconds.longValue()) : null;
    }

    /** {@code 30 minutes}, {@code 8 hours}, {@code 1 minute}, {@code 90 seconds}; {@code off} for null. */
    static String describe(@Nullable Duration duration) {
        if (duration == null) {
            return "off";
        }
        long seconds = duration.getSeconds();
        if (seconds >= 86400 && seconds % 86400 == 0) {
            return plural(seconds / 86400, "day");
        }
        if (seconds >= 3600 && seconds % 3600 == 0) {
            return plural(seconds / 3600, "hour");
        }
        if (seconds >= 60 && seconds % 60 == 0) {
            return plural(seconds / 60, "minute");
        }
        return plural(seconds, "second");
    }

    private static String plural(long n, String unit) {
        return n + " " + unit + (n == 1 ? "" : "s");
    }
}
