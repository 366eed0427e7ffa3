package dev.cloakroom.demo;

import dev.cloakroom.contrib.auth.Auth;
import dev.cloakroom.servlet.Sessions;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;

/**
 * {@code POST /api/password} with {@code {"old_password", "new_password"}}: changes the logged-in user's
 * password (a Django user's, with {@code CLOAKROOM_DJANGO_USERS=1}) and keeps this session logged in, as
 * Django's {@code PasswordChangeView} does; the user's other sessions, Django's included, are logged out.
 */
final class ApiPasswordServlet extends ApiServlet {

    private static final long serialVersionUID = 1L;

    ApiPasswordServlet(DemoContext context) {
        super(context);
    }

    @Override
    boolean handle(String method, String path, HttpServletRequest request, HttpServletResponse response)
            throws IOException, Json.BadRequest {
        if (!path.equals("/api/password")) {
            return false;
        }
        if (!method.equals("POST")) {
            return method.equals("OPTIONS");
        }
        Map<String, Object> body = Json.readObject(request);
        if (!(body.get("old_password") instanceof String oldPassword)
                || !(body.get("new_password") instanceof String newPassword) || newPassword.isEmpty()) {
            throw new Json.BadRequest("Expected {\"old_password\": \"...\", \"new_password\": \"...\"}");
        }
        Optional<DemoUser> user = Web.currentUser(request, context.users());
        if (user.isEmpty()) {
            Json.error(response, 401, "Log in first");
            return true;
        }
        Optional<DemoUser> changed;
        try {
            changed = context.users().changePassword(user.get(), oldPassword, newPassword);
        } catch (UnsupportedOperationException e) {
            Json.error(response, 409, "The built-in demo users keep their passwords; "
                    + "start the demo with CLOAKROOM_DJANGO_USERS=1");
            return true;
        }
        if (changed.isEmpty()) {
            Json.error(response, 403, "Wrong password");
            return true;
        }
        Auth.updateSessionAuthHash(Sessions.of(request), changed.get());
        Json.write(response, 200, ApiAuthServlet.whoami(changed));
        return true;
    }
}
