package dev.cloakroom.contrib.messages;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cloakroom.Session;
import dev.cloakroom.SessionSettings;
import dev.cloakroom.testkit.MutableClock;
import dev.cloakroom.engine.MemoryEngine;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** Django's FallbackStorage: cookie first, the session only for what overflows. */
class FallbackMessageStorageTest {

    private final MutableClock clock = MutableClock.at(Instant.parse("2024-01-01T00:00:00Z"));
    private final MemoryEngine engine = MemoryEngine.create(clock);
    private final SessionSettings settings =
            SessionSettings.builder().secretKey("test-secret").clock(clock).build();
    private @Nullable String key;
    private @Nullable String cookie;

    /** One request: the browser sends its session key and messages cookie and keeps what comes back. */
    private void request(Consumer<FallbackMessageStorage> handler) {
        Session session = Session.open(engine, settings, key);
        FallbackMessageStorage messages = FallbackMessageStorage.of(session, cookie);
        handler.accept(messages);
        assertThat(messages.update()).isEmpty();
        messages.cookieUpdate().ifPresent(update -> cookie = update.value());
        if (session.isModified()) {
            session.save();
        }
        key = session.key();
    }

    private List<Message> readAll() {
        List<Message> read = new ArrayList<>();
        request(messages -> messages.forEach(read::add));
        return read;
    }

    private @Nullable Object inSession() {
        return key == null ? null
                : Session.open(engine, settings, key).get(SessionMessageStorage.SESSION_KEY);
    }

    private static List<Message> incompressible(int count) {
        Random random = new Random(7);
        List<Message> messages = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            StringBuilder text = new StringBuilder("#" + i + " ");
            for (int j = 0; j < 300; j++) {
                text.append((char) ('!' + random.nextInt(90)));
            }
            messages.add(new Message(30, text.toString(), null, false));
        }
        return messages;
    }

    @Test
    void fewMessagesLiveInTheCookieAndNeverTouchTheSession() {
        request(messages -> messages.success("Saved"));

        assertThat(cookie).isNotNull();
        assertThat(key).isNull();
        assertThat(readAll()).containsExactly(Message.of(Level.SUCCESS, "Saved"));
        assertThat(cookie).isNull();
        assertThat(key).isNull();
    }

    @Test
    void overflowGoesToTheSessionAndIsReadBackInOrder() {
        List<Message> many = incompressible(15);
        request(messages -> many.forEach(messages::add));

        assertThat(cookie).isNotNull();
        assertThat(cookie.length()).isLessThanOrEqualTo(CookieMessageStorage.MAX_COOKIE_SIZE);
        assertThat(inSession()).isInstanceOf(String.class);

        assertThat(readAll()).containsExactlyElementsOf(many);
        assertThat(cookie).isNull();
        assertThat(inSession()).isNull();
        assertThat(readAll()).isEmpty();
    }

    @Test
    void theCookieKeepsTheOldestMessagesWhenItOverflows() {
        List<Message> many = incompressible(15);
        request(messages -> many.forEach(messages::add));

        List<Message> inCookie =
                MessageJson.messagesOf(CookieMessageStorage.of(null, settings).decode(cookie));
        assertThat(inCookie).isNotEmpty().containsExactlyElementsOf(many.subList(0, inCookie.size()));
    }

    @Test
    void aShrinkingListMovesBackIntoTheCookieAndClearsTheSession() {
        List<Message> many = incompressible(15);
        request(messages -> many.forEach(messages::add));
        request(messages -> {
            messages.forEach(m -> { });
            messages.info("just one");
        });

        assertThat(inSession()).isNull();
        assertThat(readAll()).extracting(Message::text).containsExactly("just one");
    }

    @Test
    void withoutACookieTheSessionIsNotReadAsInDjango() {
        Session session = Session.open(engine, settings, null);
        session.put(SessionMessageStorage.SESSION_KEY, "[[\"__json_message\", 0, 20, \"orphan\"]]");
        session.save();
        key = session.key();

        assertThat(readAll()).isEmpty();
    }
}
