package dev.cloakroom.demo;

import dev.cloakroom.ClientSideEngine;
import dev.cloakroom.Session;
import dev.cloakroom.SessionTooLargeException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.math.BigInteger;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The session API: {@code GET/POST /api/session}, {@code DELETE /api/session/{name}},
 * {@code POST /api/session/flush}, {@code /cycle}, {@code /expiry} and {@code POST /api/counter}. Names
 * starting with {@code _} are the framework's and are refused with 400.
 */
final class ApiSessionServlet extends ApiServlet {

    private static final long serialVersionUID = 1L;
    private static final String PREFIX = "/api/session/";

    ApiSessionServlet(DemoContext context) {
        super(context);
    }

    @Override
    boolean handle(String method, String path, HttpServletRequest request, HttpServletResponse response)
            throws IOException, Json.BadRequest {
        boolean options = method.equals("OPTIONS");
        switch (path) {
            case "/api/session":
                if (method.equals("GET")) {
                    Json.write(response, 200, view(Web.session(request)));
                    return true;
                }
                if (method.equals("POST")) {
                    put(request, response);
                    return true;
                }
                return options;
            case "/api/counter":
                if (method.equals("POST")) {
                    Json.write(response, 200, Map.of("count", CounterServlet.increment(request)));
                    return true;
                }
                return options;
            case "/api/session/flush":
            case "/api/session/cycle":
            case "/api/session/expiry":
                if (method.equals("POST")) {
                    command(path.substring(PREFIX.length()), request, response);
                    return true;
                }
                return options;
            default:
                if (path.startsWith(PREFIX) && path.length() > PREFIX.length()) {
                    if (method.equals("DELETE")) {
                        delete(path.substring(PREFIX.length()), request, response);
                        return true;
                    }
                    return options;
                }
                return false;
        }
    }

    private void put(HttpServletRequest request, HttpServletResponse response) throws IOException,
            Json.BadRequest {
        Map<String, Object> values = Json.readObject(request);
        for (String name : values.keySet()) {
            refuseReserved(name);
        }
        Session session = Web.session(request);
        if (context.engine() instanceof ClientSideEngine cookies) {
            Map<String, Object> next = new LinkedHashMap<>();
            session.entries().forEach(e -> next.put(e.getKey(), e.getValue()));
            next.putAll(values);
            try {
                cookies.write(next); // fail now, with a 413, rather than when the cookie is written
            } catch (SessionTooLargeException e) {
                Json.error(response, 413, String.valueOf(e.getMessage()));
                return;
            }
        }
        session.update(values);
        Json.write(response, 200, view(Web.saveNow(request)));
    }

    private void delete(String name, HttpServletRequest request,
            HttpServletResponse response) throws IOException, Json.BadRequest {
        refuseReserved(name);
        Session session = Web.session(request);
        if (!session.contains(name)) {
            Json.error(response, 404, "The session has no value named '" + name + "'");
            return;
        }
        session.remove(name);
        Json.write(response, 200, view(Web.saveNow(request)));
    }

    /**
     * Refuses names starting with {@code _}: Django's own entries ({@code _auth_user_id}, {@code
     * _auth_user_hash}, {@code _session_expiry}, {@code _csrftoken}, {@code _messages}) are set only through
     * login, expiry and the other endpoints, never as plain values a client chooses.
     */
    private static void refuseReserved(String name) throws Json.BadRequest {
        if (name.startsWith("_")) {
            throw new Json.BadRequest("Names starting with _ are reserved for the session framework "
                    + "(login, expiry, CSRF, messages); choose another name than '" + abbreviate(name) + "'");
        }
    }

    private static String abbreviate(String name) {
        return name.length() <= 40 ? name : name.substring(0, 40) + "…";
    }

    private void command(String name, HttpServletRequest request, HttpServletResponse response)
            throws IOException, Json.BadRequest {
        Session session = Web.session(request);
        switch (name) {
            case "flush":
                session.flush();
                break;
            case "cycle":
                session.cycleKey();
                break;
            default:
                expiry(session, Json.readObject(request));
                break;
        }
        Json.write(response, 200, view(Web.saveNow(request)));
    }

    private static void expiry(Session session, Map<String, Object> body) throws Json.BadRequest {
        if (body.size() != 1 || !body.containsKey("seconds")) {
            throw new Json.BadRequest("Expected {\"seconds\": n}, {\"seconds\": 0} (until the browser "
                    + "closes) or {\"seconds\": null} (back to the default)");
        }
        Object seconds = body.get("seconds");
        if (seconds == null) {
            session.setExpiry((Duration) null);
        } else if (seconds instanceof Integer || seconds instanceof Long
                || (seconds instanceof BigInteger big && big.bitLength() < 32)) {
            session.setExpiry(((Number) seconds).longValue());
        } else {
            throw new Json.BadRequest("\"seconds\" must be a whole number of seconds or null, not "
                    + Json.describe(seconds));
        }
    }

    /** {@code {"session_key", "data", "expiry_age", "expire_at_browser_close"}}. */
    static Map<String, Object> view(Session session) {
        Map<String, Object> data = new LinkedHashMap<>();
        session.entries().forEach(e -> data.put(e.getKey(), e.getValue()));
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("session_key", session.key());
        view.put("data", data);
        view.put("expiry_age", session.getExpiryAge());
        view.put("expire_at_browser_close", session.getExpireAtBrowserClose());
        return view;
    }
}
