package dev.cloakroom.interop;

import dev.cloakroom.SessionSettings;
import dev.cloakroom.contrib.messages.CookieMessageStorage;
import dev.cloakroom.contrib.messages.Message;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Flash messages in the signed {@code messages} cookie (Django's {@code CookieStorage}): a cookie one side
 * sets is shown by the other, a tampered one by neither, and both sign the same JSON for the same messages
 * (the Django under test's form of an empty {@code extra_tags}). No database takes part.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MessagesCookieIT {

    private final String secret = InteropTestBase.randomSecret();
    private Django django;
    private SessionSettings settings;

    @BeforeAll
    void startBothSides(@TempDir Path directory) {
        django = Django.on(SharedDatabase.sqlite(directory), secret).withSessionEngine("signed_cookies")
                .withMessageStorage("cookie");
        settings = SessionSettings.builder().secretKey(secret).djangoVersion(Django.UNDER_TEST.version())
                .build();
    }

    @Test
    void cookieDjangoSetsIsShownByCloakroom() {
        String cookie = djangoAdds(null, 25, "Enregistré ✓", "");
        cookie = djangoAdds(cookie, 40, "Panier vide – 日本", "cart urgent");

        List<Message> shown = cloakroomShows(cookie);

        assertThat(shown).containsExactly(
                new Message(25, "Enregistré ✓", Django.UNDER_TEST.version().atLeast(4, 1) ? "" : null, false),
                new Message(40, "Panier vide – 日本", "cart urgent", false));
    }

    @Test
    void cookieCloakroomSetsIsShownByDjango() {
        String cookie = cloakroomSets(List.of(new Message(25, "Enregistré ✓", "", false),
                new Message(20, "<b>Welcome</b>", null, true)));

        DjangoResponse response = django.withMessagesCookie("GET", "/messages/", cookie, null);

        assertThat(messages(response)).extracting(m -> m.get("message"), m -> m.get("safe"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Enregistré ✓", false),
                        org.assertj.core.groups.Tuple.tuple("<b>Welcome</b>", true));
        assertThat(response.messagesCookie()).as("read, so deleted").isEmpty();
    }

    @Test
    void bothSidesSignTheSameJsonForTheSameMessages() {
        String fromDjango = djangoAdds(null, 25, "Saved", "");
        fromDjango = djangoAdds(fromDjango, 30, "Quota – 90 %", "sticky");
        String fromCloakroom = cloakroomSets(List.of(new Message(25, "Saved", "", false),
                new Message(30, "Quota – 90 %", "sticky", false)));

        assertThat(payloadJson(fromCloakroom)).isEqualTo(payloadJson(fromDjango));
        String expectedSaved = Django.UNDER_TEST.version().atLeast(4, 1)
                ? "[\"__json_message\",0,25,\"Saved\",\"\"]" : "[\"__json_message\",0,25,\"Saved\"]";
        assertThat(payloadJson(fromDjango)).startsWith("[" + expectedSaved);
    }

    @Test
    void tamperedCookiesAreShownByNeither() {
        String cookie = cloakroomSets(List.of(new Message(20, "genuine", null, false)));
        String tampered = cookie.substring(0, cookie.length() - 3) + (cookie.endsWith("AAA") ? "BBB" : "AAA");
        CookieMessageStorage other = CookieMessageStorage.of(null, settings.toBuilder()
                .secretKey(InteropTestBase.randomSecret()).build());
        other.add(new Message(20, "forged", null, false));
        other.update();
        String foreign = other.cookieUpdate().orElseThrow().value();

        for (String bad : List.of(tampered, foreign)) {
            assertThat(cloakroomShows(bad)).as("Cloakroom shows %s", bad).isEmpty();
            assertThat(messages(django.withMessagesCookie("GET", "/messages/", bad, null)))
                    .as("Django shows %s", bad).isEmpty();
        }
    }

    private String djangoAdds(String cookie, int level, String text, String extraTags) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("level", level);
        body.put("message", text);
        body.put("extra_tags", extraTags);
        DjangoResponse response = django.withMessagesCookie("POST", "/messages/", cookie, body);
        assertThat(response.messagesCookie()).isNotEmpty();
        return response.messagesCookie();
    }

    private String cloakroomSets(List<Message> messages) {
        CookieMessageStorage storage = CookieMessageStorage.of(null, settings);
        messages.forEach(storage::add);
        storage.update();
        return storage.cookieUpdate().orElseThrow().value();
    }

    private List<Message> cloakroomShows(String cookie) {
        List<Message> shown = new ArrayList<>();
        CookieMessageStorage.of(cookie, settings).forEach(shown::add);
        return shown;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> messages(DjangoResponse response) {
        return (List<Map<String, Object>>) response.body().get("messages");
    }

    /** The JSON a signed value carries: its payload, base64-decoded and inflated when compressed. */
    static String payloadJson(String signed) {
        String payload = signed.substring(0, signed.indexOf(':'));
        boolean compressed = payload.startsWith(".");
        byte[] bytes = Base64.getUrlDecoder().decode(compressed ? payload.substring(1) : payload);
        if (compressed) {
            Inflater inflater = new Inflater();
            inflater.setInput(bytes);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[4096];
            try {
                while (!inflater.finished()) {
                    out.write(buffer, 0, inflater.inflate(buffer));
                }
            } catch (DataFormatException e) {
                throw new AssertionError(e);
            } finally {
                inflater.end();
            }
            bytes = out.toByteArray();
        }
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }
}
