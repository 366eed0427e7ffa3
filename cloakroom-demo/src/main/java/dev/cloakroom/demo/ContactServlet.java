package dev.cloakroom.demo;

import dev.cloakroom.contrib.messages.Level;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code /contact}: a feedback form whose only effect is a flash message on the next page. */
final class ContactServlet extends PageServlet {

    static final String THANKS = "Thank you for the feedback!";
    static final int MAX_MESSAGE = 2000;

    private static final long serialVersionUID = 1L;

    ContactServlet(DemoContext context) {
        super(context);
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        render(request, response, "contact", "Contact", Map.of());
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String message = Web.param(request, "message");
        if (message.isEmpty() || message.length() > MAX_MESSAGE) {
            Map<String, Object> model = new LinkedHashMap<>();
            model.put("error", "Write a message of 1 to " + MAX_MESSAGE + " characters.");
            model.put("name", Web.param(request, "name"));
            model.put("message", message);
            render(request, response, 400, "contact", "Contact", model);
            return;
        }
        Web.flash(request, Level.SUCCESS, THANKS);
        Web.redirect(response, "/contact");
    }
}
