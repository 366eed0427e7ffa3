package dev.cloakroom.contrib.messages;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cloakroom.Session;
import dev.cloakroom.SessionSettings;
import dev.cloakroom.contrib.Vectors;
import dev.cloakroom.engine.MemoryEngine;
import dev.cloakroom.signing.SecretKey;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Message encodings Django 3.2.25 produced (vectors {@code messages}). */
class MessageVectorsTest {

    private static final JsonNode VECTORS = Vectors.ROOT.get("messages");
    private final SessionSettings settings = SessionSettings.builder().secretKey(Vectors.secretKey())
            .clock(Vectors.fixedClock()).build();

    private static List<Message> listedMessages() {
        List<Message> messages = new ArrayList<>();
        for (JsonNode m : VECTORS.get("list")) {
            JsonNode tags = m.get("extra_tags");
            messages.add(new Message(m.get("level").asInt(), m.get("message").asText(),
                    tags.isNull() ? null : tags.asText(), false));
        }
        return messages;
    }

    @Test
    void levelsAndTagsAreDjangos() {
        VECTORS.get("levels").fields().forEachRemaining(e ->
                assertThat(Level.valueOf(e.getKey().toUpperCase(java.util.Locale.ROOT)).value())
                        .as(e.getKey()).isEqualTo(e.getValue().asInt()));
        for (Level level : Level.values()) {
            assertThat(VECTORS.get("levels").get(level.tag()).asInt()).isEqualTo(level.value());
        }
    }

    @Test
    void theSessionValueDecodesToTheListedMessages() {
        Session session = Session.open(MemoryEngine.create(), settings, null);
        session.put(SessionMessageStorage.SESSION_KEY, VECTORS.get("session_value").asText());

        List<Message> read = new ArrayList<>();
        SessionMessageStorage.of(session).forEach(read::add);

        assertThat(read).containsExactlyElementsOf(listedMessages());
        assertThat(read.get(1).tags()).isEqualTo("cart urgent error");
    }

    @Test
    void encodingTheListedMessagesGivesTheSessionValueByteForByte() {
        assertThat(SessionMessageStorage.encode(listedMessages(), dev.cloakroom.DjangoVersion.DJANGO_3_2))
                .isEqualTo(VECTORS.get("session_value").asText());
    }

    @Test
    void storingTheListedMessagesPutsTheSessionValueInTheSession() {
        Session session = Session.open(MemoryEngine.create(), settings, null);
        SessionMessageStorage storage = SessionMessageStorage.of(session);
        listedMessages().forEach(storage::add);
        storage.update();

        assertThat(session.get(SessionMessageStorage.SESSION_KEY))
                .isEqualTo(VECTORS.get("session_value").asText());
    }

    @Test
    void theCookieValueDecodesToTheListedMessages() {
        CookieMessageStorage storage =
                CookieMessageStorage.of(VECTORS.get("cookie_value").asText(), settings);

        List<Message> read = new ArrayList<>();
        storage.forEach(read::add);

        assertThat(read).containsExactlyElementsOf(listedMessages());
    }

    @Test
    void theListedMessagesEncodeToTheCookieValueByteForByte() {
        CookieMessageStorage storage = CookieMessageStorage.of(null, settings);
        listedMessages().forEach(storage::add);
        storage.update();

        assertThat(storage.cookieUpdate()).hasValueSatisfying(update ->
                assertThat(update.value()).isEqualTo(VECTORS.get("cookie_value").asText()));
    }

    @Test
    void theCookieValueIsRejectedUnderAnotherSecret() {
        SessionSettings other = settings.toBuilder().secretKey(SecretKey.of("another-secret")).build();
        CookieMessageStorage storage = CookieMessageStorage.of(VECTORS.get("cookie_value").asText(), other);

        assertThat(storage.size()).isZero();
    }
}
