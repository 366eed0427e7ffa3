package dev.cloakroom.bench.load;

import dev.cloakroom.bench.endpoints.Endpoint;
import dev.cloakroom.bench.endpoints.EndpointServlet;
import dev.cloakroom.Session;
import dev.cloakroom.contrib.auth.Auth;
import dev.cloakroom.contrib.auth.AuthUser;
import dev.cloakroom.servlet.Sessions;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The endpoints written as a Cloakroom application writes them, behind {@code SessionFilter}: the session
 * from {@link Sessions#of}, {@code compute} for the counter, {@link Auth#login} (Django's {@code login()}:
 * new key, user id, backend and auth hash) for the login.
 */
final class CloakroomServlet extends EndpointServlet {

    private static final long serialVersionUID = 1L;

    /** A Django password hash, so the login stores an auth hash as Django does. */
    static final String PASSWORD_HASH =
            "pbkdf2_sha256$260000$cloakroombench$0bWh0S6fJ9aQ+u1gNDwXg9e0WvsOjVw1mXQh2ZkQz0E=";

    @Override
    protected String read(HttpServletRequest request, HttpServletResponse response) {
        Object user = Sessions.of(request).get(Auth.USER_ID_KEY);
        return user == null ? "anonymous" : user.toString();
    }

    @Override
    protected String incr(HttpServletRequest request, HttpServletResponse response) {
        Integer count = Sessions.of(request).compute("count", Integer.class, n -> n == null ? 1 : n + 1);
        return String.valueOf(count);
    }

    @Override
    protected String login(HttpServletRequest request, HttpServletResponse response, String userId) {
        Session session = Sessions.of(request);
        Auth.login(session, AuthUser.of(userId, PASSWORD_HASH));
        return "logged in";
    }
}
