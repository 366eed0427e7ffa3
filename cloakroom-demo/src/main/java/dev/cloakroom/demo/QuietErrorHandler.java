package dev.cloakroom.demo;

import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.eclipse.jetty.ee10.servlet.ErrorHandler;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.jspecify.annotations.Nullable;

/**
 * Jetty's error responses (an exception the application let escape, {@code sendError}) as one line of plain
 * text, the status and its reason ({@code 500 Server Error}), whatever the client accepts. Jetty's own pages
 * put the exception's message in the title, the body and, in JSON, its class: a database host, a table, a
 * session key. Those go to the log only.
 */
final class QuietErrorHandler extends ErrorHandler {

    QuietErrorHandler() {
        setShowStacks(false);
        setShowCauses(false);
        setShowOrigin(false);
        setShowMessageInTitle(false);
    }

    @Override
    protected boolean generateAcceptableResponse(Request request, Response response, Callback callback,
            String contentType, List<Charset> charsets, int code, @Nullable String message,
            @Nullable Throwable cause) {
        byte[] body = (code + " " + HttpStatus.getMessage(code) + "\n").getBytes(StandardCharsets.UTF_8);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/plain;charset=utf-8");
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
        response.write(true, ByteBuffer.wrap(body), callback);
        return true;
    }
}
