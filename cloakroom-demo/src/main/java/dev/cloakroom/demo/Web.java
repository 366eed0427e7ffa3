package dev.cloakroom.demo;

import dev.cloakroom.Session;
import dev.cloakroom.contrib.messages.Level;
import dev.cloakroom.contrib.messages.Message;
import dev.cloakroom.contrib.messages.MessageStorage;
import dev.cloakroom.servlet.Sessions;
import dev.cloakroom.servlet.contrib.CsrfFilter;
import dev.cloakroom.servlet.contrib.ServletAuth;
import dev.cloakroom.servlet.contrib.ServletMessages;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The one place the demo reaches the request's session, messages, user and CSRF token (through
 * cloakroom-servlet's filters), so that the servlets read like application code.
 */
final class Web {

    private Web() {
    }

    /** The request's session (lazy: nothing is loaded until it is read). */
    static Session session(HttpServletRequest request) {
        return Sessions.of(request);
    }

    /**
     * Saves the request's session now if it changed, so what is read from it afterwards is what was stored
     * (see {@link Sessions#saveNow}), and returns it.
     */
    static Session saveNow(HttpServletRequest request) {
        return Sessions.saveNow(request);
    }

    /** The request's flash messages. */
    static MessageStorage messages(HttpServletRequest request) {
        return ServletMessages.of(request);
    }

    /** Queues a flash message for the next page shown. */
    static void flash(HttpServletRequest request, Level level, String text) {
        messages(request).add(level, text);
    }

    /** Reads (and so consumes) the flash messages, as template rows {@code {level, text}}. */
    static List<Map<String, String>> takeMessages(HttpServletRequest request) {
        List<Map<String, String>> rows = new ArrayList<>();
        for (Message message : messages(request)) {
            rows.add(Map.of("level", message.levelTag(), "text", message.text()));
        }
        return rows;
    }

    /** The verified logged-in user, or empty; looked up once per request. */
    static Optional<DemoUser> currentUser(HttpServletRequest request, DemoUsers users) {
        return ServletAuth.currentUser(request, users);
    }

    /** Logs {@code user} in: a new session key (the cart is kept), a new CSRF secret. */
    static void login(HttpServletRequest request, DemoUser user) {
        ServletAuth.login(request, user);
    }

    /** Logs out: the session is flushed. */
    static void logout(HttpServletRequest request) {
        ServletAuth.logout(request);
    }

    /** The CSRF token forms carry (a fresh mask of the session's secret). */
    static String csrfToken(HttpServletRequest request) {
        return CsrfFilter.token(request);
    }

    /** Answers with 303 See Other to {@code path}. */
    static void redirect(HttpServletResponse response, String path) {
        response.setStatus(HttpServletResponse.SC_SEE_OTHER);
        response.setHeader("Location", path);
    }

    /** A form field, trimmed; empty when absent. */
    static String param(HttpServletRequest request, String name) {
        String value = request.getParameter(name);
        return value == null ? "" : value.trim();
    }
}
