package dev.cloakroom.demo;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@code POST /api/login} with {@code {"username", "password"}}, {@code POST /api/logout}, {@code GET
 * /api/whoami}.
 */
final class ApiAuthServlet extends ApiServlet {

    private static final long serialVersionUID = 1L;

    ApiAuthServlet(DemoContext context) {
        super(context);
    }

    @Override
    boolean handle(String method, String path, HttpServletRequest request, HttpServletResponse response)
            throws IOException, Json.BadRequest {
        String expected = path.equals("/api/whoami") ? "GET"
                : path.equals("/api/login") || path.equals("/api/logout") ? "POST" : null;
        if (expected == null) {
            return false;
        }
        if (!method.equals(expected)) {
            return method.equals("OPTIONS");
        }
        switch (path) {
            case "/api/login":
                login(request, response);
                break;
            case "/api/logout":
                Web.logout(request);
                Web.saveNow(request);
                Json.write(response, 200, whoami(Optional.empty()));
                break;
            default:
                Json.write(response, 200, whoami(Web.currentUser(request, context.users())));
                break;
        }
        return true;
    }

    private void login(HttpServletRequest request, HttpServletResponse response) throws IOException,
            Json.BadRequest {
        Map<String, Object> body = Json.readObject(request);
        if (!(body.get("username") instanceof String username)
                || !(body.get("password") instanceof String password)) {
            throw new Json.BadRequest("Expected {\"username\": \"...\", \"password\": \"...\"}");
        }
        Optional<DemoUser> user = context.users().authenticate(username, password);
        if (user.isEmpty()) {
            Json.error(response, 401, "Wrong username or password");
            return;
        }
        Web.login(request, user.get());
        Web.saveNow(request);
        Json.write(response, 200, whoami(user));
    }

    static Map<String, Object> whoami(Optional<DemoUser> user) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("authenticated", user.isPresent());
        body.put("username", user.map(DemoUser::username).orElse(null));
        body.put("user_id", user.map(DemoUser::id).orElse(null));
        return body;
    }
}
