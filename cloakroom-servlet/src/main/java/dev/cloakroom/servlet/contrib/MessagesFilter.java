package dev.cloakroom.servlet.contrib;

import dev.cloakroom.Session;
import dev.cloakroom.contrib.messages.CookieMessageStorage;
import dev.cloakroom.contrib.messages.FallbackMessageStorage;
import dev.cloakroom.contrib.messages.Message;
import dev.cloakroom.contrib.messages.MessageStorage;
import dev.cloakroom.middleware.CookieHeader;
import dev.cloakroom.servlet.SessionFilter;
import dev.cloakroom.servlet.Sessions;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Django's {@code MessageMiddleware} with its default {@code FallbackStorage}: every request gets a
 * {@link MessageStorage} ({@link ServletMessages#of}) reading the signed {@code messages} cookie, then, on
 * overflow, the session's {@code _messages}. Right before {@link SessionFilter} saves the session
 * ({@link Sessions#beforeSave}: just before the response commits, on a redirect, an error, a flush or a full
 * buffer, or when the request ends or its async processing completes), it stores what is due and sets or
 * deletes the cookie. Messages the application adds after that point are lost.
 *
 * <p><b>Placement.</b> After {@link SessionFilter} (whose session it uses), before the servlets that add or
 * show messages. Map it for {@code REQUEST} dispatches; forwards, includes, error pages and async dispatches
 * of the same request share its storage. Thread-safe.
 */
public final class MessagesFilter implements Filter {

    private static final Logger LOG = LoggerFactory.getLogger(MessagesFilter.class);

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        if (!(req instanceof HttpServletRequest request) || !(res instanceof HttpServletResponse response)
                || request.getAttribute(ServletMessages.ATTRIBUTE) != null) {
            chain.doFilter(req, res);
            return;
        }
        Session session = Sessions.of(request);
        FallbackMessageStorage storage = FallbackMessageStorage.of(session,
                cookie(request, CookieMessageStorage.COOKIE_NAME));
        request.setAttribute(ServletMessages.ATTRIBUTE, storage);
        Sessions.beforeSave(request, () -> store(storage, session, request, response));
        chain.doFilter(request, response);
    }

    private static void store(FallbackMessageStorage storage, Session session, HttpServletRequest request,
            HttpServletResponse response) {
        if (response.isCommitted()) {
            LOG.warn("The response to {} {} was committed behind SessionFilter's back; messages were not "
                    + "stored. Write through the response the filters pass on.", request.getMethod(),
                    request.getRequestURI());
            return;
        }
        List<Message> unstored = storage.update();
        if (!unstored.isEmpty()) {
            LOG.warn("{} message(s) of {} {} could not be stored", unstored.size(), request.getMethod(),
                    request.getRequestURI());
        }
        storage.cookieUpdate().ifPresent(update ->
                response.addHeader("Set-Cookie", update.toSetCookieHeader(session.settings())));
    }

    private static @Nullable String cookie(HttpServletRequest request, String name) {
        Enumeration<String> headers = request.getHeaders("Cookie");
        return headers == null ? null : CookieHeader.value(Collections.list(headers), name);
    }
}
