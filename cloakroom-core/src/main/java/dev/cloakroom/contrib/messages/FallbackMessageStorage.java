package dev.cloakroom.contrib.messages;

import dev.cloakroom.Session;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Django's default {@code FallbackStorage}: messages go to the signed cookie first, and those that do not
 * fit in its 2048 bytes go to the session; reading takes the cookie's, then (only if the cookie says it is
 * not the whole list) the session's. A storage that held messages and gets none is cleared (cookie
 * deleted, {@code _messages} removed), so {@code _messages} appears in the session only on overflow.
 *
 * <p>After {@link #update()}, write {@link #cookieUpdate()} to the response; the session is saved by the
 * session middleware as usual (so call {@code update()} before it saves). Not thread-safe: one per request.
 */
public final class FallbackMessageStorage extends MessageStorage {

    private final CookieMessageStorage cookie;
    private final SessionMessageStorage session;
    private final Set<MessageStorage> usedStorages = new LinkedHashSet<>();

    private FallbackMessageStorage(CookieMessageStorage cookie, SessionMessageStorage session) {
        this.cookie = cookie;
        this.session = session;
    }

    /**
     * Returns a storage over the request's {@code messages} cookie and its session; the cookie is signed
     * with the session's settings.
     *
     * @param cookieValue the request's {@code messages} cookie value, or {@code null}
     */
    public static FallbackMessageStorage of(Session session, @Nullable String cookieValue) {
        return new FallbackMessageStorage(CookieMessageStorage.of(cookieValue, session.settings()),
                SessionMessageStorage.of(session));
    }

    /** What to do with the {@code messages} cookie after {@link #update()}: empty to leave it alone. */
    public Optional<CookieMessageStorage.CookieUpdate> cookieUpdate() {
        return cookie.cookieUpdate();
    }

    @Override
    Loaded load() {
        List<Message> all = new ArrayList<>();
        boolean allRetrieved = true;
        for (MessageStorage storage : List.of(cookie, session)) {
            Loaded loaded = storage.load();
            allRetrieved = loaded.allRetrieved();
            List<Message> messages = loaded.messages();
            if (messages == null) {
                break;
            }
            if (!messages.isEmpty()) {
                usedStorages.add(storage);
            }
            all.addAll(messages);
            if (allRetrieved) {
                break;
            }
        }
        return new Loaded(all, allRetrieved);
    }

    @Override
    List<Message> store(List<Message> messages, boolean removeOldest) {
        List<Message> rest = messages;
        for (MessageStorage storage : List.of(cookie, session)) {
            if (!rest.isEmpty()) {
                rest = storage.store(rest, false);
            } else if (usedStorages.remove(storage)) {
                storage.store(List.of(), false);
            }
        }
        return rest;
    }
}
