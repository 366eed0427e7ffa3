package dev.cloakroom.interop;

import dev.cloakroom.Session;
import dev.cloakroom.SessionSettings;
import dev.cloakroom.testkit.MutableClock;
import dev.cloakroom.engine.SignedCookieEngine;
import dev.cloakroom.signing.ObjectSigner;
import dev.cloakroom.signing.PythonJson;
import dev.cloakroom.signing.Salts;
import dev.cloakroom.signing.SecretKey;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code signed_cookies} engine: a cookie issued by one side is accepted by the other, and a tampered,
 * foreign or expired one is rejected by both. The session lives in the cookie, so no database takes part
 * (Django's settings still name a SQLite file it never opens); one run covers SQLite and PostgreSQL alike.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SignedCookieIT {

    private final String secret = InteropTestBase.randomSecret();
    private final MutableClock clock = MutableClock.at(Instant.now());
    private Django django;
    private SessionSettings settings;
    private SignedCookieEngine engine;

    @BeforeAll
    void startBothSides(@TempDir Path directory) {
        django = Django.on(SharedDatabase.sqlite(directory), secret).withSessionEngine("signed_cookies");
        settings = SessionSettings.builder().secretKey(secret).clock(clock)
                .djangoVersion(Django.UNDER_TEST.version()).build();
        engine = SignedCookieEngine.create(settings);
    }

    @BeforeEach
    void useTheRealTime() {
        clock.set(Instant.now());
    }

    @Test
    void cookieIssuedByDjangoIsAcceptedByCloakroom() {
        Map<String, Object> data = InteropData.mixed();
        String cookie = django.post("/session/", null, data).requireSessionCookie();

        assertSameJson(cloakroomReads(cookie), data);
    }

    @Test
    void cookieIssuedByCloakroomIsAcceptedByDjango() {
        Map<String, Object> data = InteropData.mixed();
        String cookie = cloakroomIssues(data);

        DjangoResponse response = django.get("/session/", cookie);

        assertSameJson(response.data(), data);
        assertThat(response.sessionCookieDeleted()).isFalse();
    }

    @Test
    void compressedCookiesAreAcceptedBothWays() {
        Map<String, Object> data = InteropData.cookieSized();
        String fromDjango = django.post("/session/", null, data).requireSessionCookie();
        String fromCloakroom = cloakroomIssues(data);

        assertThat(fromDjango).startsWith(".");
        assertThat(fromCloakroom).startsWith(".");
        assertThat(fromCloakroom.length()).isLessThan(PythonJson.dumps(data).length());
        assertSameJson(cloakroomReads(fromDjango), data);
        assertSameJson(django.get("/session/", fromCloakroom).data(), data);
    }

    @Test
    void tamperedCookiesAreRejectedByBoth() {
        Map<String, Object> data = Map.of("role", "user", "credit", 10);
        for (String original : List.of(django.post("/session/", null, data).requireSessionCookie(),
                cloakroomIssues(data))) {
            assertSameJson(cloakroomReads(original), data);
            for (String tampered : tamperings(original)) {
                assertThat(cloakroomReads(tampered)).as("Cloakroom reads %s", tampered).isEmpty();
                DjangoResponse django = this.django.get("/session/", tampered);
                assertThat(django.data()).as("Django reads %s", tampered).isEmpty();
                assertThat(django.sessionCookie()).as("Django re-issues an empty session for %s", tampered)
                        .isNotNull().isNotEqualTo(tampered)
                        .satisfies(fresh -> assertThat(cloakroomReads(fresh)).isEmpty());
            }
        }
    }

    @Test
    void cookiesSignedWithAnotherSecretOrSaltAreRejectedByBoth() {
        Map<String, Object> data = Map.of("role", "admin");
        String otherSecret = InteropTestBase.randomSecret();
        List<String> foreign = List.of(
                django.withSecretKey(otherSecret).post("/session/", null, data).requireSessionCookie(),
                SignedCookieEngine.create(settings.toBuilder().secretKey(otherSecret).build()).write(data),
                new ObjectSigner(SecretKey.of(secret), Salts.SESSION, clock).dumps(data, true),
                new ObjectSigner(SecretKey.of(secret), Salts.DEFAULT, clock).dumps(data, true));

        assertSameJson(django.get("/session/", SignedCookieEngine.create(settings).write(data)).data(), data);
        assertSameJson(cloakroomReads(django.post("/session/", null, data).requireSessionCookie()), data);
        for (String cookie : foreign) {
            assertThat(cloakroomReads(cookie)).as("Cloakroom reads %s", cookie).isEmpty();
            assertThat(django.get("/session/", cookie).data()).as("Django reads %s", cookie).isEmpty();
        }
    }

    @Test
    void expiredCookiesAreRejectedByBoth() {
        Map<String, Object> data = Map.of("step", 2);
        clock.set(Instant.now().minus(Duration.ofDays(14)).minusSeconds(60));
        String oldCloakroomCookie = cloakroomIssues(data);
        clock.set(Instant.now().minus(Duration.ofDays(14)).plusSeconds(60));
        String youngCloakroomCookie = cloakroomIssues(data);
        String djangoCookie = django.post("/session/", null, data).requireSessionCookie();

        assertThat(django.get("/session/", oldCloakroomCookie).data()).isEmpty();
        assertSameJson(django.get("/session/", youngCloakroomCookie).data(), data);
        clock.set(Instant.now().plus(Duration.ofDays(14)).minusSeconds(60));
        assertSameJson(cloakroomReads(djangoCookie), data);
        clock.set(Instant.now().plus(Duration.ofDays(14)).plusSeconds(60));
        assertThat(cloakroomReads(djangoCookie)).isEmpty();
    }

    /** Changes of one character that each side must notice. */
    private static List<String> tamperings(String cookie) {
        int firstColon = cookie.indexOf(':');
        int lastColon = cookie.lastIndexOf(':');
        int payloadStart = cookie.startsWith(".") ? 1 : 0;
        return List.of(
                replaceAt(cookie, payloadStart + 2),            // the payload
                replaceAt(cookie, firstColon + 2),              // the timestamp
                replaceAt(cookie, lastColon + 5),               // the signature
                flipLowestBit(cookie, cookie.length() - 1),     // the last digit's unused low bits only
                cookie.substring(0, lastColon + 1),             // no signature
                cookie.substring(0, lastColon) + ":" + cookie.substring(lastColon + 1, cookie.length() - 1));
    }

    private static String replaceAt(String s, int i) {
        char c = s.charAt(i);
        return s.substring(0, i) + (c == 'A' ? 'B' : 'A') + s.substring(i + 1);
    }

    private static String flipLowestBit(String s, int i) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        char flipped = alphabet.charAt(alphabet.indexOf(s.charAt(i)) ^ 1);
        return s.substring(0, i) + flipped + s.substring(i + 1);
    }

    private String cloakroomIssues(Map<String, ?> data) {
        Session session = Session.open(engine, settings, null);
        session.update(data);
        session.save();
        return session.key();
    }

    private Map<String, Object> cloakroomReads(String cookie) {
        Session session = Session.open(engine, settings, cookie);
        Map<String, Object> data = new LinkedHashMap<>();
        session.entries().forEach(e -> data.put(e.getKey(), e.getValue()));
        return data;
    }

    private static void assertSameJson(Object actual, Object expected) {
        InteropTestBase.assertSameJson(actual, expected);
    }
}
