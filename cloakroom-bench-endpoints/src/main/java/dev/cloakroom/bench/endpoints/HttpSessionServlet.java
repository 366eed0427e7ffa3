package dev.cloakroom.bench.endpoints;

import dev.cloakroom.contrib.auth.Auth;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

/**
 * The endpoints written against the standard {@link HttpSession}, as a Spring Session application writes
 * them (behind {@code SessionRepositoryFilter}, which Spring Boot registers). The login does what Spring
 * Security's defaults do (change the id of an existing session against fixation, else create one) and
 * stores the same three entries as Django's login.
 */
public final class HttpSessionServlet extends EndpointServlet {

    private static final long serialVersionUID = 1L;

    /** The auth hash stored at login; computed once here (Cloakroom computes its HMAC per login). */
    private static final String AUTH_HASH =
            "6e7ab7c1a1a2f3d5b1f4a0e6c2d9e8f7a6b5c4d3e2f1a0b9c8d7e6f5a4b3c2d1";

    @Override
    protected String read(HttpServletRequest request, HttpServletResponse response) {
        HttpSession session = request.getSession(false);
        Object user = session == null ? null : session.getAttribute(Auth.USER_ID_KEY);
        return user == null ? "anonymous" : user.toString();
    }

    @Override
    protected String incr(HttpServletRequest request, HttpServletResponse response) {
        HttpSession session = request.getSession();
        Integer count = (Integer) session.getAttribute("count");
        int next = count == null ? 1 : count + 1;
        session.setAttribute("count", next);
        return String.valueOf(next);
    }

    @Override
    protected String login(HttpServletRequest request, HttpServletResponse response, String userId) {
        if (request.getSession(false) != null) {
            request.changeSessionId();
        }
        HttpSession session = request.getSession();
        session.setAttribute(Auth.USER_ID_KEY, userId);
        session.setAttribute(Auth.BACKEND_KEY, Auth.DEFAULT_BACKEND);
        session.setAttribute(Auth.HASH_KEY, AUTH_HASH);
        return "logged in";
    }
}
