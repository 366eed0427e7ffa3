package dev.cloakroom.contrib.messages;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cloakroom.SameSite;
import dev.cloakroom.SessionSettings;
import dev.cloakroom.testkit.LogCapture;
import dev.cloakroom.testkit.MutableClock;
import dev.cloakroom.contrib.messages.CookieMessageStorage.CookieUpdate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Django's CookieStorage: signing, the 2048-byte limit and its sentinel, cookie deletion. */
class CookieMessageStorageTest {

    private final MutableClock clock = MutableClock.at(Instant.parse("2024-01-01T00:00:00Z"));
    private final SessionSettings settings =
            SessionSettings.builder().secretKey("test-secret").clock(clock).build();

    /** Texts that do not compress, so a handful of them overflow the cookie. */
    private static List<Message> incompressible(int count) {
        Random random = new Random(42);
        List<Message> messages = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            StringBuilder text = new StringBuilder("#" + i + " ");
            for (int j = 0; j < 300; j++) {
                text.append((char) ('!' + random.nextInt(90)));
            }
            messages.add(new Message(20, text.toString(), null, false));
        }
        return messages;
    }

    private String cookieWith(List<Message> messages) {
        CookieMessageStorage storage = CookieMessageStorage.of(null, settings);
        messages.forEach(storage::add);
        storage.update();
        return storage.cookieUpdate().orElseThrow().value();
    }

    @Test
    void messagesRoundTripThroughTheCookie() {
        String cookie = cookieWith(List.of(Message.of(Level.INFO, "Zoë"), new Message(40, "b", "t", true)));

        CookieMessageStorage next = CookieMessageStorage.of(cookie, settings);
        assertThat(next).containsExactly(Message.of(Level.INFO, "Zoë"), new Message(40, "b", "t", true));
        next.update();
        assertThat(next.cookieUpdate()).contains(new CookieUpdate(null));
    }

    @Test
    void theCookieIsSignedWithTheMessagesSaltAndCookieKeyPrefix() {
        // Django 3.2's messages cookie, SECRET_KEY 'test-secret', time 1700000000.
        clock.set(Instant.ofEpochSecond(1_700_000_000L));
        assertThat(cookieWith(List.of(Message.of(Level.INFO, "Hello"))))
                .isEqualTo("W1siX19qc29uX21lc3NhZ2UiLDAsMjAsIkhlbGxvIl1d:1r31eq:"
                        + "nXxm8Fo_Xb7Wve5bMOimt0v3rDI_MgQTPXiFAP74RYE");
    }

    @Test
    void djangoFiveCookiesWithEmptyExtraTagsAreRead() {
        clock.set(Instant.ofEpochSecond(1_700_000_000L));
        String django52 = "W1siX19qc29uX21lc3NhZ2UiLDAsMjAsIkhlbGxvIiwiIl1d:1r31eq:"
                + "XW52eRdbNYB9z1xi0VNB2NdG1SmofEeH6DBele4H8mU";

        assertThat(CookieMessageStorage.of(django52, settings))
                .containsExactly(new Message(20, "Hello", "", false));
    }

    @Test
    void aTamperedCookieIsIgnoredLoggedAndDeleted() {
        String cookie = cookieWith(List.of(Message.of(Level.INFO, "Hello")));
        String tampered = cookie.substring(0, cookie.length() - 2) + (cookie.endsWith("AA") ? "BB" : "AA");

        try (LogCapture log = LogCapture.of("cloakroom.security")) {
            CookieMessageStorage storage = CookieMessageStorage.of(tampered, settings);
            assertThat(storage.size()).isZero();
            storage.update();
            assertThat(storage.cookieUpdate()).contains(new CookieUpdate(null));
            assertThat(log.lines()).anySatisfy(m -> assertThat(m).contains("messages cookie"));
        }
    }

    @Test
    void anUntouchedStorageLeavesTheCookieAlone() {
        String cookie = cookieWith(List.of(Message.of(Level.INFO, "x")));
        CookieMessageStorage storage = CookieMessageStorage.of(cookie, settings);
        storage.update();

        assertThat(storage.cookieUpdate()).isEmpty();
    }

    @Test
    void onOverflowTheNewestAreKeptBelowTheLimitWithTheSentinel() {
        List<Message> messages = incompressible(20);
        CookieMessageStorage storage = CookieMessageStorage.of(null, settings);
        messages.forEach(storage::add);

        List<Message> unstored = storage.update();

        String cookie = storage.cookieUpdate().orElseThrow().value();
        assertThat(cookie.length()).isLessThanOrEqualTo(CookieMessageStorage.MAX_COOKIE_SIZE);
        List<Object> decoded = storage.decode(cookie);
        assertThat(decoded.get(decoded.size() - 1)).isEqualTo(CookieMessageStorage.NOT_FINISHED);
        List<Message> kept = MessageJson.messagesOf(decoded);
        assertThat(unstored).isNotEmpty();
        assertThat(kept).isNotEmpty();
        List<Message> all = new ArrayList<>(unstored);
        all.addAll(kept);
        assertThat(all).containsExactlyElementsOf(messages);
        // One more message would not have fitted.
        List<Message> oneMore = messages.subList(unstored.size() - 1, messages.size());
        assertThat(storage.encode(oneMore, true).length())
                .isGreaterThan(CookieMessageStorage.MAX_COOKIE_SIZE);
    }

    @Test
    void aCookieWithTheSentinelSaysNotAllWereRetrieved() {
        CookieMessageStorage writer = CookieMessageStorage.of(null, settings);
        String cookie = writer.encode(List.of(Message.of(Level.INFO, "a")), true);

        MessageStorage.Loaded loaded = CookieMessageStorage.of(cookie, settings).load();
        assertThat(loaded.allRetrieved()).isFalse();
        assertThat(loaded.messages()).containsExactly(Message.of(Level.INFO, "a"));
    }

    @Test
    void setCookieHeadersFollowDjangosAttributes() {
        assertThat(new CookieUpdate("v").toSetCookieHeader(settings))
                .isEqualTo("messages=v; HttpOnly; Path=/; SameSite=Lax");
        SessionSettings secure = settings.toBuilder().cookieDomain(".example.com").cookieSecure(true)
                .cookieHttpOnly(false).cookieSameSite(SameSite.STRICT).build();
        assertThat(new CookieUpdate("v").toSetCookieHeader(secure))
                .isEqualTo("messages=v; Domain=.example.com; Path=/; SameSite=Strict; Secure");
        assertThat(new CookieUpdate(null).toSetCookieHeader(settings))
                .isEqualTo("messages=\"\"; expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=0; Path=/; "
                        + "SameSite=Lax");
    }
}
