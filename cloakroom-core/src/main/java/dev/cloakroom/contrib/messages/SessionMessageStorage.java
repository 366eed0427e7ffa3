package dev.cloakroom.contrib.messages;

import dev.cloakroom.DjangoVersion;
import dev.cloakroom.Session;
import dev.cloakroom.signing.PythonJson;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Messages kept in the session under {@value #SESSION_KEY}, as Django's {@code SessionStorage}: the value
 * is a JSON <em>string</em> written with Python's default separators ({@code ", "}, {@code ": "}), e.g.
 * {@code [["__json_message", 0, 20, "Saved"]]}, so Django reads what Java writes and the other way round.
 * The key is removed when no message is left. Stored data that cannot be read is logged (WARN) and
 * treated as no messages.
 *
 * <p>Not thread-safe: one instance belongs to one request.
 */
public final class SessionMessageStorage extends MessageStorage {

    /** Django's session key for messages. */
    public static final String SESSION_KEY = "_messages";

    private static final Logger LOG = LoggerFactory.getLogger(SessionMessageStorage.class);

    private final Session session;

    private SessionMessageStorage(Session session) {
        this.session = Objects.requireNonNull(session, "session");
    }

    /** Returns a storage over {@code session}, which is loaded only when messages are read or stored. */
    public static SessionMessageStorage of(Session session) {
        return new SessionMessageStorage(session);
    }

    @Override
    Loaded load() {
        Object stored = session.get(SESSION_KEY);
        if (stored == null || (stored instanceof String s && s.isEmpty())) {
            return new Loaded(null, true);
        }
        try {
            Object tree = stored instanceof String json ? PythonJson.loads(json) : stored;
            return new Loaded(MessageJson.messagesOf(MessageJson.fromTree(tree)), true);
        } catch (IllegalArgumentException e) {
            LOG.warn("Ignoring unreadable messages in session {}: {}", SESSION_KEY, e.getMessage());
            return new Loaded(null, true);
        }
    }

    @Override
    List<Message> store(List<Message> messages, boolean removeOldest) {
        if (messages.isEmpty()) {
            session.remove(SESSION_KEY);
        } else {
            session.put(SESSION_KEY, encode(messages, session.settings().djangoVersion()));
        }
        return List.of();
    }

    /** Returns the session value for {@code messages}: {@code version}'s {@code MessageEncoder().encode}. */
    static String encode(List<Message> messages, DjangoVersion version) {
        return PythonJson.dumps(MessageJson.toTree(messages, version), false);
    }
}
