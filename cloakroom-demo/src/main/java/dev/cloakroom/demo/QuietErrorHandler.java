package dev.cloakroom.demo;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.ee10.servlet.ErrorHandler;
import org.eclipse.jetty.ee10.servlet.ServletContextRequest;
import org.eclipse.jetty.http.HttpStatus;

/**
 * Jetty's error responses (an exception the application let escape, {@code sendError}) as one line of plain
 * text, the status and its reason ({@code 500 Server Error}), whatever the client accepts. Jetty's own pages
 * put the exception's message in the title, the body and, in JSON, its class: a database host, a table, a
 * session key. Those go to the log only.
 */
final class QuietErrorHandler extends ErrorHandler {

    QuietErrorHandler() {
        setShowStacks(false);
        setShowServlet(false);
        setShowMessageInTitle(false);
    }

    @Override
    protected void generateAcceptableResponse(ServletContextRequest baseRequest, HttpServletRequest request,
            HttpServletResponse response, int code, String message) throws IOException {
        byte[] body = (code + " " + HttpStatus.getMessage(code) + "\n").getBytes(StandardCharsets.UTF_8);
        response.setContentType("text/plain;charset=utf-8");
        response.setContentLength(body.length);
        try {
            response.getOutputStream().write(body);
        } catch (IllegalStateException writerInUse) {
            response.getWriter().write(new String(body, StandardCharsets.UTF_8));
        }
    }
}
