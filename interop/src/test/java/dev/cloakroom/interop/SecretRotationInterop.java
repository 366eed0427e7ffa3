package dev.cloakroom.interop;

import dev.cloakroom.Session;
import dev.cloakroom.SessionSettings;
import dev.cloakroom.contrib.auth.Auth;
import dev.cloakroom.contrib.messages.CookieMessageStorage;
import dev.cloakroom.contrib.messages.Level;
import dev.cloakroom.contrib.messages.Message;
import dev.cloakroom.engine.SignedCookieEngine;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rotating {@code SECRET_KEY}: the new secret signs, the old one stays in the fallbacks, and sessions
 * signed with the old one are still read.
 *
 * <p>Django 3.2 has no {@code SECRET_KEY_FALLBACKS} (it arrived in 4.1): it verifies with
 * {@code SECRET_KEY} only. So with 3.2 the rotation is: Cloakroom moves first (new secret, old one in
 * its fallbacks) while Django still runs on the old secret, which it keeps reading; sessions Cloakroom
 * saves in that window are signed with the new secret, which a 3.2 Django reads only once it is switched
 * to it, and whatever was last saved under the old secret is lost to a 3.2 Django at that switch. The tests
 * assert that limit on 3.2 (and the full behaviour on a Django that has fallbacks), instead of skipping.
 */
abstract class SecretRotationInterop extends InteropTestBase {

    private final String newSecret = randomSecret();
    private String oldSecret;
    private Django djangoOnOldSecret;
    private Django djangoRotated;
    private SessionSettings rotated;
    private SessionSettings newSecretOnly;
    private boolean djangoHasFallbacks;

    @BeforeAll
    void rotate() {
        oldSecret = secret;
        djangoOnOldSecret = django.withSecretKey(oldSecret);
        djangoRotated = django.withSecretKey(newSecret, oldSecret);
        rotated = settings.toBuilder().secretKey(newSecret, oldSecret).build();
        newSecretOnly = settings.toBuilder().secretKey(newSecret).build();
        assertThat(django.version()).startsWith(Django.UNDER_TEST + ".");
        djangoHasFallbacks = Django.UNDER_TEST.hasSecretKeyFallbacks();
    }

    @Test
    void sessionSignedByDjangoWithTheOldSecretIsReadByCloakroomAfterRotation() {
        Map<String, Object> data = InteropData.mixed();
        String key = djangoOnOldSecret.post("/session/", null, data).requireSessionCookie();

        assertSameJson(entries(Session.open(engine, rotated, key)), data);
        assertThat(entries(Session.open(engine, newSecretOnly, key))).as("without the fallback").isEmpty();
    }

    @Test
    void sessionSignedByCloakroomWithTheOldSecretIsReadByBothAfterRotation() {
        Map<String, Object> data = InteropData.mixed();
        String key = cloakroomWrites(data); // settings: the old secret

        assertSameJson(entries(Session.open(engine, rotated, key)), data);
        assertSameJson(djangoOnOldSecret.get("/session/", key).data(), data);
        if (djangoHasFallbacks) {
            assertSameJson(djangoRotated.get("/session/", key).data(), data);
        } else {
            assertThat(djangoRotated.get("/session/", key).data())
                    .as("Django 3.2 ignores SECRET_KEY_FALLBACKS").isEmpty();
        }
    }

    @Test
    void sessionCloakroomSavesAfterRotationIsSignedWithTheNewSecret() {
        String key = djangoOnOldSecret.post("/session/", null, Map.of("cart", "book")).requireSessionCookie();

        Session session = Session.open(engine, rotated, key);
        session.put("seen by", "cloakroom");
        session.save();

        assertThat(django.withSecretKey(newSecret).get("/session/", key).data())
                .containsEntry("cart", "book").containsEntry("seen by", "cloakroom");
        assertThat(djangoOnOldSecret.get("/session/", key).data()).as("old secret only").isEmpty();
    }

    @Test
    void userLoggedInUnderTheOldSecretStaysLoggedInAfterRotation() {
        String name = "rotating-user-" + newSecret.substring(newSecret.length() - 6);
        djangoOnOldSecret.createUser(name, "pässwörd");
        String key = djangoOnOldSecret.post("/login/", null, Map.of("username", name, "password", "pässwörd"))
                .requireSessionCookie();

        Session session = Session.open(engine, rotated, key);
        Optional<DjangoUser> current = Auth.currentUser(session, new DjangoUsers(database));
        session.save();

        assertThat(current).as("logged in under the old secret").isPresent();
        DjangoUser user = current.get();
        assertThat(user.username()).isEqualTo(name);
        assertThat(session.key()).as("Django 4.1+'s upgrade cycles the key").isNotEqualTo(key);
        assertThat(session.get(Auth.HASH_KEY))
                .isEqualTo(Auth.sessionAuthHash(user.passwordHash(), newSecret));
        assertThat(django.withSecretKey(newSecret).get("/whoami/", session.key()).body())
                .containsEntry("authenticated", true).containsEntry("username", name);
    }

    @Test
    void signedCookieIssuedWithTheOldSecretIsAcceptedAfterRotation() {
        Map<String, Object> data = Map.of("wizard step", 3, "name", "Zoë");
        String fromDjango = djangoOnOldSecret.withSessionEngine("signed_cookies")
                .post("/session/", null, data).requireSessionCookie();
        SignedCookieEngine cookies = SignedCookieEngine.create(settings);
        Session fromCloakroom = Session.open(cookies, settings, null);
        fromCloakroom.update(data);
        fromCloakroom.save();

        SignedCookieEngine rotatedCookies = SignedCookieEngine.create(rotated);
        assertSameJson(entries(Session.open(rotatedCookies, rotated, fromDjango)), data);
        assertSameJson(entries(Session.open(rotatedCookies, rotated, fromCloakroom.key())), data);
        Map<String, Object> djangoReads = djangoRotated.withSessionEngine("signed_cookies")
                .get("/session/", fromCloakroom.key()).data();
        if (djangoHasFallbacks) {
            assertSameJson(djangoReads, data);
        } else {
            assertThat(djangoReads).as("Django 3.2 ignores SECRET_KEY_FALLBACKS").isEmpty();
        }
    }

    @Test
    void djangoResignsWithTheNewSecretOnItsNextSave() {
        String key = cloakroomWrites(Map.of("cart", "book")); // the old secret

        DjangoResponse saved = djangoRotated.post("/session/", key, Map.of("seen by", "django"));

        if (djangoHasFallbacks) {
            assertThat(saved.requireSessionCookie()).isEqualTo(key);
            assertThat(entries(Session.open(engine, newSecretOnly, key))).as("signed with the new secret")
                    .containsEntry("cart", "book").containsEntry("seen by", "django");
        } else {
            assertThat(saved.data()).as("Django 3.2 cannot read the old secret's session")
                    .doesNotContainKey("cart");
        }
    }

    @Test
    void userLoggedInByCloakroomUnderTheOldSecretStaysLoggedInForDjangoAfterRotation() {
        String name = "rotating-java-user-" + newSecret.substring(newSecret.length() - 6);
        django.createUser(name, "pässwörd");
        DjangoUsers users = new DjangoUsers(database);
        Session login = cloakroomOpens(null); // the old secret
        Auth.login(login, users.authenticate(name, "pässwörd").orElseThrow());
        login.save();

        DjangoResponse whoami = djangoRotated.get("/whoami/", login.key());

        assertThat(whoami.body()).containsEntry("authenticated", djangoHasFallbacks);
        if (djangoHasFallbacks) {
            String cycled = whoami.requireSessionCookie();
            assertThat(cycled).as("Django 4.1+'s upgrade cycles the key").isNotEqualTo(login.key());
            Session after = Session.open(engine, newSecretOnly, cycled);
            assertThat(Auth.currentUser(after, users)).as("the new hash, under the new secret alone")
                    .isPresent();
        }
    }

    @Test
    void messagesCookieSignedWithTheOldSecretIsShownAfterRotation() {
        Map<String, Object> message = Map.of("level", 25, "message", "Enregistré", "extra_tags", "");
        String fromDjango = djangoOnOldSecret.withMessageStorage("cookie")
                .withMessagesCookie("POST", "/messages/", null, message).messagesCookie();
        CookieMessageStorage java = CookieMessageStorage.of(null, settings);
        java.add(Message.of(Level.SUCCESS, "Enregistré"));
        java.update();
        String fromCloakroom = java.cookieUpdate().orElseThrow().value();

        for (String cookie : List.of(fromDjango, fromCloakroom)) {
            List<Message> shown = new ArrayList<>();
            CookieMessageStorage.of(cookie, rotated).forEach(shown::add);
            assertThat(shown).extracting(Message::text).containsExactly("Enregistré");
            List<Message> unsigned = new ArrayList<>();
            CookieMessageStorage.of(cookie, newSecretOnly).forEach(unsigned::add);
            assertThat(unsigned).as("without the fallback").isEmpty();
            Object djangoShows = djangoRotated.withMessageStorage("cookie")
                    .withMessagesCookie("GET", "/messages/", cookie, null).body().get("messages");
            assertThat((List<?>) djangoShows).hasSize(djangoHasFallbacks ? 1 : 0);
        }
    }

    @Test
    void removingTheOldSecretFromTheFallbacksLogsOutWhatItSignedOnBothSides() {
        String name = "retired-secret-user-" + newSecret.substring(newSecret.length() - 6);
        djangoOnOldSecret.createUser(name, "pässwörd");
        String fromDjango = djangoOnOldSecret.post("/login/", null, Map.of("username", name, "password",
                "pässwörd")).requireSessionCookie();
        DjangoUsers users = new DjangoUsers(database);
        Session login = cloakroomOpens(null); // the old secret
        Auth.login(login, users.authenticate(name, "pässwörd").orElseThrow());
        login.save();
        Django djangoNewOnly = django.withSecretKey(newSecret);

        for (String key : List.of(fromDjango, login.key())) {
            assertThat(Session.open(engine, rotated, key).get(Auth.USER_ID_KEY)).as("with the fallback")
                    .isNotNull();
        }
        for (String key : List.of(fromDjango, login.key())) {
            assertThat(Auth.currentUser(Session.open(engine, newSecretOnly, key), users)).isEmpty();
            assertThat(djangoNewOnly.get("/whoami/", key).body()).containsEntry("authenticated", false);
        }
    }

    private static Map<String, Object> entries(Session session) {
        Map<String, Object> map = new LinkedHashMap<>();
        session.entries().forEach(e -> map.put(e.getKey(), e.getValue()));
        return map;
    }
}
