package dev.cloakroom.contrib;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cloakroom.DjangoVersion;
import dev.cloakroom.Session;
import dev.cloakroom.SessionSettings;
import dev.cloakroom.contrib.csrf.CsrfTokens;
import dev.cloakroom.contrib.messages.CookieMessageStorage;
import dev.cloakroom.contrib.messages.Level;
import dev.cloakroom.contrib.messages.Message;
import dev.cloakroom.contrib.messages.SessionMessageStorage;
import dev.cloakroom.engine.MemoryEngine;
import dev.cloakroom.internal.CsrfMasking;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What Cloakroom writes where Django 3.2 and 4.0+/5.2 differ, and that it reads both forms. */
class DjangoVersionFormsTest {

    private static final SessionSettings DJANGO_52 = SessionSettings.builder().secretKey("forms").build();
    private static final SessionSettings DJANGO_32 = DJANGO_52.toBuilder()
            .djangoVersion(DjangoVersion.DJANGO_3_2).build();

    @Test
    void theDefaultIsDjango52AndVersionsParse() {
        assertThat(SessionSettings.builder().secretKey("x").build().djangoVersion())
                .isEqualTo(DjangoVersion.DJANGO_5_2);
        assertThat(DjangoVersion.parse("3.2")).isEqualTo(DjangoVersion.DJANGO_3_2);
        assertThat(DjangoVersion.parse("5.2.17")).isEqualTo(DjangoVersion.DJANGO_5_2);
        assertThat(DjangoVersion.parse("4.2")).hasToString("4.2");
        assertThatThrownBy(() -> DjangoVersion.parse("4.1")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("3.2, 4.2 or 5.2");
        assertThat(DjangoVersion.DJANGO_4_2.atLeast(4, 1)).isTrue();
        assertThat(DjangoVersion.DJANGO_3_2.atLeast(4, 0)).isFalse();
    }

    @Test
    void csrfForDjango52StoresTheSecretAndRewritesAMaskedValue() {
        Session session = open(DJANGO_52);
        String secret = CsrfMasking.newSecret();
        session.put(CsrfTokens.SESSION_KEY, CsrfMasking.mask(secret));

        String token = CsrfTokens.token(session);

        assertThat(session.get(CsrfTokens.SESSION_KEY)).isEqualTo(secret);
        assertThat(CsrfMasking.matches(token, secret)).isTrue();
    }

    @Test
    void csrfForDjango32StoresAMaskedTokenAndRewritesASecret() {
        Session session = open(DJANGO_32);
        String secret = CsrfMasking.newSecret();
        session.put(CsrfTokens.SESSION_KEY, secret);

        String token = CsrfTokens.token(session);

        String stored = (String) session.get(CsrfTokens.SESSION_KEY);
        assertThat(stored).hasSize(CsrfMasking.TOKEN_LENGTH);
        assertThat(CsrfMasking.unmask(stored)).isEqualTo(secret);
        assertThat(CsrfMasking.matches(token, secret)).isTrue();
        assertThat(CsrfTokens.token(session)).as("a masked value is kept").isNotNull();
        assertThat(session.get(CsrfTokens.SESSION_KEY)).isEqualTo(stored);
        CsrfTokens.rotate(session);
        assertThat((String) session.get(CsrfTokens.SESSION_KEY)).hasSize(CsrfMasking.TOKEN_LENGTH)
                .isNotEqualTo(stored);
    }

    @Test
    void messagesForDjango32LeaveEmptyExtraTagsOut() {
        List<Message> messages = List.of(new Message(25, "Saved", "", false),
                new Message(20, "Hi", null, true), new Message(40, "Oops", "cart", false));

        assertThat(stored(DJANGO_32, messages)).isEqualTo("[[\"__json_message\", 0, 25, \"Saved\"], "
                + "[\"__json_message\", 1, 20, \"Hi\"], [\"__json_message\", 0, 40, \"Oops\", \"cart\"]]");
        assertThat(stored(DJANGO_52, messages)).isEqualTo("[[\"__json_message\", 0, 25, \"Saved\", \"\"], "
                + "[\"__json_message\", 1, 20, \"Hi\"], [\"__json_message\", 0, 40, \"Oops\", \"cart\"]]");
    }

    @Test
    void messagesCookiesOfEitherFormAreReadWhateverTheSetting() {
        List<Message> messages = List.of(new Message(25, "Saved", "", false), Message.of(Level.INFO, "Hi"));
        for (SessionSettings writer : List.of(DJANGO_32, DJANGO_52)) {
            CookieMessageStorage storage = CookieMessageStorage.of(null, writer);
            messages.forEach(storage::add);
            storage.update();
            String cookie = storage.cookieUpdate().orElseThrow().value();
            for (SessionSettings reader : List.of(DJANGO_32, DJANGO_52)) {
                List<Message> read = new ArrayList<>();
                CookieMessageStorage.of(cookie, reader).forEach(read::add);
                assertThat(read).extracting(Message::text).containsExactly("Saved", "Hi");
                assertThat(read.get(0).tags()).isEqualTo("success");
            }
        }
    }

    private static String stored(SessionSettings settings, List<Message> messages) {
        Session session = open(settings);
        SessionMessageStorage storage = SessionMessageStorage.of(session);
        messages.forEach(storage::add);
        storage.update();
        return (String) session.get(SessionMessageStorage.SESSION_KEY);
    }

    private static Session open(SessionSettings settings) {
        return Session.open(MemoryEngine.create(), settings, null);
    }
}
