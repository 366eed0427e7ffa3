package dev.cloakroom.interop;

import dev.cloakroom.Session;
import dev.cloakroom.contrib.messages.Level;
import dev.cloakroom.contrib.messages.Message;
import dev.cloakroom.contrib.messages.SessionMessageStorage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Flash messages in the session ({@code _messages}, Django's {@code SessionStorage}) added on one side
 * are shown once on the other, in order, with level, extra tags and the safe flag.
 */
abstract class MessagesInterop extends InteropTestBase {

    @Test
    void messagesAddedInDjangoAreShownOnceInCloakroom() {
        String key = djangoAdds(null, 25, "Enregistré ✓", "", false);
        djangoAdds(key, 30, "Quota at 90 % – 日本", "sticky wide", false);
        djangoAdds(key, 20, "<b>Welcome</b>", "", true);

        List<Message> shown = cloakroomShows(key);
        List<Message> shownAgain = cloakroomShows(key);

        String noTags = Django.UNDER_TEST.version().atLeast(4, 1) ? "" : null; // what each Django writes
        assertThat(shown).containsExactly(new Message(25, "Enregistré ✓", noTags, false),
                new Message(30, "Quota at 90 % – 日本", "sticky wide", false),
                new Message(20, "<b>Welcome</b>", noTags, true));
        assertThat(shownAgain).isEmpty();
        assertThat(djangoShows(key)).isEmpty();
        assertThat(django.sessionRow(key).get("decoded")).asInstanceOf(
                org.assertj.core.api.InstanceOfAssertFactories.MAP).doesNotContainKey("_messages");
    }

    @Test
    void messagesAddedInCloakroomAreShownOnceInDjango() {
        Session session = cloakroomOpens(null);
        SessionMessageStorage messages = SessionMessageStorage.of(session);
        messages.add(Level.SUCCESS, "Enregistré ✓");
        messages.add(new Message(Level.WARNING.value(), "Quota at 90 % – 日本", "sticky wide", false));
        messages.add(new Message(Level.INFO.value(), "<b>Welcome</b>", null, true));
        messages.update();
        session.save();

        List<Map<String, Object>> shown = djangoShows(session.key());
        List<Map<String, Object>> shownAgain = djangoShows(session.key());

        assertSameJson(shown, List.of(
                shown(25, "Enregistré ✓", "", false),
                shown(30, "Quota at 90 % – 日本", "sticky wide", false),
                shown(20, "<b>Welcome</b>", "", true)));
        assertThat(shownAgain).isEmpty();
        assertThat(cloakroomShows(session.key())).isEmpty();
    }

    @Test
    void messagesAddedOnBothSidesBeforeReadingAreShownTogetherInOrder() {
        String key = djangoAdds(null, 20, "first, from Django", "", false);
        Session session = cloakroomOpens(key);
        SessionMessageStorage messages = SessionMessageStorage.of(session);
        messages.add(Level.ERROR, "second, from Java");
        messages.update();
        session.save();
        djangoAdds(key, 25, "third, from Django", "", false);

        List<Map<String, Object>> shown = djangoShows(key);

        assertThat(shown).extracting(m -> m.get("message"))
                .containsExactly("first, from Django", "second, from Java", "third, from Django");
        assertThat(cloakroomShows(key)).isEmpty();
    }

    @Test
    void bothSidesStoreTheSameBytesForTheSameMessages() {
        String key = djangoAdds(null, 25, "Enregistré ✓", "", false);
        djangoAdds(key, 30, "Quota – 日本", "sticky wide", false);
        Object fromDjango = Django.map(django.sessionRow(key).get("decoded")).get("_messages");

        Session session = cloakroomOpens(null);
        SessionMessageStorage messages = SessionMessageStorage.of(session);
        messages.add(new Message(25, "Enregistré ✓", "", false));
        messages.add(new Message(30, "Quota – 日本", "sticky wide", false));
        messages.update();

        assertThat(session.get(SessionMessageStorage.SESSION_KEY)).isEqualTo(fromDjango);
        assertThat((String) fromDjango).as("Django %s's form of empty extra tags", Django.UNDER_TEST)
                .startsWith(Django.UNDER_TEST.version().atLeast(4, 1)
                        ? "[[\"__json_message\", 0, 25, \"Enregistr\\u00e9 \\u2713\", \"\"]"
                        : "[[\"__json_message\", 0, 25, \"Enregistr\\u00e9 \\u2713\"]");
    }

    private String djangoAdds(@Nullable String key, int level, String text, String extraTags, boolean safe) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("level", level);
        body.put("message", text);
        body.put("extra_tags", extraTags);
        body.put("safe", safe);
        DjangoResponse response = django.post("/messages/", key, body);
        return key != null ? key : response.requireSessionCookie();
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> djangoShows(String key) {
        return (List<Map<String, Object>>) django.get("/messages/", key).body().get("messages");
    }

    /** One Cloakroom request that renders the messages: read them all, then store what is left, then save. */
    private List<Message> cloakroomShows(String key) {
        Session session = cloakroomOpens(key);
        SessionMessageStorage messages = SessionMessageStorage.of(session);
        List<Message> shown = new ArrayList<>();
        messages.forEach(shown::add);
        messages.update();
        session.save();
        return shown;
    }

    private static Map<String, Object> shown(int level, String text, String extraTags, boolean safe) {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("level", level);
        message.put("message", text);
        message.put("extra_tags", extraTags);
        message.put("safe", safe);
        return message;
    }
}
