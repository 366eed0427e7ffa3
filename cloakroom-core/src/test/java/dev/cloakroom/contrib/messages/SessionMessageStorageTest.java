package dev.cloakroom.contrib.messages;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cloakroom.Session;
import dev.cloakroom.SessionSettings;
import dev.cloakroom.testkit.MutableClock;
import dev.cloakroom.engine.MemoryEngine;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** Django's messages BaseTests behaviours on the session storage, request after request. */
class SessionMessageStorageTest {

    private final MutableClock clock = MutableClock.at(Instant.parse("2024-01-01T00:00:00Z"));
    private final MemoryEngine engine = MemoryEngine.create(clock);
    private final SessionSettings settings =
            SessionSettings.builder().secretKey("test-secret").clock(clock).build();
    private @Nullable String key;

    /** Runs one request: opens the session, lets {@code handler} use the messages, updates, saves. */
    private List<Message> request(Consumer<SessionMessageStorage> handler) {
        Session session = Session.open(engine, settings, key);
        SessionMessageStorage messages = SessionMessageStorage.of(session);
        handler.accept(messages);
        List<Message> unstored = messages.update();
        if (session.isModified()) {
            session.save();
        }
        key = session.key();
        return unstored;
    }

    private List<Message> readAll() {
        List<Message> read = new ArrayList<>();
        request(messages -> messages.forEach(read::add));
        return read;
    }

    private @Nullable Object stored() {
        return Session.open(engine, settings, key).get(SessionMessageStorage.SESSION_KEY);
    }

    @Test
    void addedMessagesAreShownOnTheNextRequestOnly() {
        assertThat(request(messages -> {
            messages.success("Saved");
            messages.add(Level.ERROR.value(), "Bad", "x");
        })).isEmpty();
        assertThat(stored()).isEqualTo("[[\"__json_message\", 0, 25, \"Saved\"], "
                + "[\"__json_message\", 0, 40, \"Bad\", \"x\"]]");

        assertThat(readAll()).containsExactly(Message.of(Level.SUCCESS, "Saved"),
                new Message(40, "Bad", "x", false));
        assertThat(stored()).isNull();
        assertThat(readAll()).isEmpty();
    }

    @Test
    void unreadMessagesStayAndNewOnesAreAppended() {
        request(messages -> messages.info("first"));
        request(messages -> messages.info("second"));
        request(messages -> assertThat(messages.size()).isEqualTo(2));

        assertThat(readAll()).extracting(Message::text).containsExactly("first", "second");
    }

    @Test
    void aRequestThatNeitherReadsNorAddsLeavesTheSessionUntouched() {
        request(messages -> messages.info("hello"));
        Session session = Session.open(engine, settings, key);
        SessionMessageStorage.of(session).update();

        assertThat(session.isAccessed()).isFalse();
        assertThat(session.isModified()).isFalse();
    }

    @Test
    void messagesAddedAfterReadingAreKeptForTheNextRequest() {
        request(messages -> messages.info("old"));
        request(messages -> {
            assertThat(messages).extracting(Message::text).containsExactly("old");
            messages.warning("new");
        });

        assertThat(readAll()).extracting(Message::text).containsExactly("new");
    }

    @Test
    void messagesAddedAndReadInTheSameRequestAreNotStored() {
        request(messages -> {
            messages.info("now");
            assertThat(messages).extracting(Message::text).containsExactly("now");
        });

        assertThat(stored()).isNull();
    }

    @Test
    void debugMessagesAreDroppedAtTheDefaultLevel() {
        request(messages -> {
            messages.debug("hidden");
            messages.info("shown");
        });
        assertThat(readAll()).extracting(Message::text).containsExactly("shown");

        request(messages -> {
            messages.setLevel(Level.DEBUG.value());
            messages.debug("now shown");
        });
        assertThat(readAll()).extracting(Message::level).containsExactly(10);
    }

    @Test
    void emptyTextsAreIgnored() {
        request(messages -> messages.info(""));

        assertThat(stored()).isNull();
    }

    @Test
    void customLevelsAndSafeMarksSurvive() {
        request(messages -> messages.add(new Message(35, "<b>bold</b>", "", true)));

        assertThat(stored()).as("Django 5.2 writes empty extra tags")
                .isEqualTo("[[\"__json_message\", 1, 35, \"<b>bold</b>\", \"\"]]");
        List<Message> read = readAll();
        assertThat(read).containsExactly(new Message(35, "<b>bold</b>", "", true));
        assertThat(read.get(0).tags()).isEmpty();
    }

    @Test
    void djangoFiveFormWithEmptyExtraTagsIsRead() {
        Session session = Session.open(engine, settings, null);
        session.put(SessionMessageStorage.SESSION_KEY, "[[\"__json_message\", 0, 20, \"Hello\", \"\"]]");
        session.save();
        key = session.key();

        assertThat(readAll()).containsExactly(new Message(20, "Hello", "", false));
    }

    @Test
    void unreadableStoredMessagesAreIgnoredAndReplaced() {
        for (Object bad : new Object[] {"not json", "{\"a\": 1}", "[[\"__json_message\", 0]]", 7}) {
            Session session = Session.open(engine, settings, null);
            session.put(SessionMessageStorage.SESSION_KEY, bad);
            session.save();
            key = session.key();

            assertThat(readAll()).as("stored %s", bad).isEmpty();
            request(messages -> messages.info("fresh"));
            assertThat(readAll()).extracting(Message::text).containsExactly("fresh");
        }
    }

    @Test
    void tagsJoinExtraTagsAndTheLevelTag() {
        assertThat(new Message(25, "t", "a b", false).tags()).isEqualTo("a b success");
        assertThat(new Message(25, "t", null, false).tags()).isEqualTo("success");
        assertThat(new Message(99, "t", "a", false).tags()).isEqualTo("a");
        assertThat(Level.tagOf(99)).isEmpty();
    }
}
