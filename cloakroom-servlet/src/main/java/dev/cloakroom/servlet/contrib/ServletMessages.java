package dev.cloakroom.servlet.contrib;

import dev.cloakroom.contrib.messages.MessageStorage;
import jakarta.servlet.ServletRequest;

/** Reaches the {@link MessageStorage} that {@link MessagesFilter} opened for a request. */
public final class ServletMessages {

    /** The request attribute holding the request's {@link MessageStorage}. */
    public static final String ATTRIBUTE = "dev.cloakroom.contrib.messages.MessageStorage";

    private ServletMessages() {
    }

    /**
     * Returns the request's messages: {@code ServletMessages.of(request).success("Saved")} before a redirect,
     * {@code for (Message m : ServletMessages.of(request))} in the page after it. Not thread-safe, like the
     * session.
     *
     * @throws IllegalStateException if {@link MessagesFilter} did not run for this request
     */
    public static MessageStorage of(ServletRequest request) {
        if (request.getAttribute(ATTRIBUTE) instanceof MessageStorage storage) {
            return storage;
        }
        throw new IllegalStateException("No messages on this request: register "
                + MessagesFilter.class.getName() + " after dev.cloakroom.servlet.SessionFilter for it");
    }
}
