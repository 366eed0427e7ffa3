package dev.cloakroom.interop;

import dev.cloakroom.Session;
import dev.cloakroom.StoredSession;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Session data written by one side is read by the other with the same values and the same expiry. */
abstract class SessionDataInterop extends InteropTestBase {

    @Test
    void sessionWrittenByDjangoIsReadByCloakroomWithTheSameData() {
        Map<String, Object> data = InteropData.mixed();
        String key = django.post("/session/", null, data).requireSessionCookie();

        Session session = cloakroomOpens(key);

        assertSameJson(toMap(session), data);
        assertThat(session.get("emoji")).isEqualTo("🎉 👩‍💻 𝄞");
        assertThat(session.get("beyond double", Long.class)).isEqualTo(9_007_199_254_740_993L);
        assertThat(session.key()).isEqualTo(key);
    }

    @Test
    void sessionWrittenByCloakroomIsReadByDjangoWithTheSameData() {
        Map<String, Object> data = InteropData.mixed();
        String key = cloakroomWrites(data);

        DjangoResponse response = django.get("/session/", key);

        assertSameJson(response.data(), data);
        assertThat(response.sessionCookieDeleted()).isFalse();
    }

    @Test
    void largeCompressedSessionWrittenByDjangoIsReadByCloakroom() {
        Map<String, Object> data = InteropData.large();
        String key = django.post("/session/", null, data).requireSessionCookie();

        StoredSession stored = engine.load(key).orElseThrow();
        Session session = cloakroomOpens(key);

        assertThat(stored.data()).as("Django compressed it").startsWith(".");
        assertSameJson(toMap(session), data);
    }

    @Test
    void largeCompressedSessionWrittenByCloakroomIsReadByDjango() {
        Map<String, Object> data = InteropData.large();
        String key = cloakroomWrites(data);

        assertThat(engine.load(key).orElseThrow().data()).as("Cloakroom compressed it").startsWith(".");
        assertSameJson(django.get("/session/", key).data(), data);
    }

    @Test
    void eachSideSeesTheOthersChangesToOneSession() {
        String key = django.post("/session/", null, Map.of("cart", List.of("book"), "visits", 1))
                .requireSessionCookie();

        Session java = cloakroomOpens(key);
        assertThat(java.get("visits")).as("what Django stored").isEqualTo(1);
        java.compute("visits", Integer.class, n -> n + 1);
        java.put("cart", List.of("book", "pen – bleu"));
        java.save();
        Map<String, Object> afterJava = django.get("/session/", key).data();
        django.post("/session/", key, Map.of("visits", 3, "coupon", "ÉTÉ-2024"));
        Session again = cloakroomOpens(key);

        assertThat(java.key()).isEqualTo(key);
        assertSameJson(afterJava, Map.of("cart", List.of("book", "pen – bleu"), "visits", 2));
        assertThat(again.get("visits")).isEqualTo(3);
        assertThat(again.get("cart")).isEqualTo(List.of("book", "pen – bleu"));
        assertThat(again.get("coupon")).isEqualTo("ÉTÉ-2024");
    }

    @Test
    void expiryDateWrittenByDjangoIsReadExactlyByCloakroom() {
        String key = django.post("/session/", null, Map.of("__expiry__", 600, "x", 1)).requireSessionCookie();

        Instant djangoDate = expireDateSeenByDjango(key);
        StoredSession stored = engine.load(key).orElseThrow();

        assertThat(stored.expiresAt()).isEqualTo(djangoDate);
        assertThat(Duration.between(Instant.now(), djangoDate)).isBetween(Duration.ofSeconds(500),
                Duration.ofSeconds(601));
        assertThat(cloakroomOpens(key).getExpiryAge(clock.instant())).isEqualTo(600);
    }

    @Test
    void expiryDateWrittenByCloakroomIsReadExactlyByDjango() {
        clock.set(Instant.parse("2031-05-06T07:08:09.123456789Z"));
        Session session = cloakroomOpens(null);
        session.put("x", 1);
        session.setExpiry(3600);
        session.save();

        Instant djangoDate = expireDateSeenByDjango(session.key());

        assertThat(djangoDate).isEqualTo(Instant.parse("2031-05-06T08:08:09.123456Z"));
        assertThat(django.sessionRow(session.key()).get("decoded"))
                .isEqualTo(Map.of("x", 1, "_session_expiry", 3600));
    }

    @Test
    void sessionExpiredForCloakroomIsExpiredForDjango() {
        Instant now = Instant.now();
        String key = cloakroomWrites(Map.of("__marker", "expires in 5 minutes", "_session_expiry", 300));

        assertThat(django.at(now.plusSeconds(200)).get("/session/", key).data()).containsKey("__marker");
        assertThat(django.at(now.plusSeconds(400)).get("/session/", key).data()).isEmpty();
    }

    @Test
    void sessionExpiredForDjangoIsExpiredForCloakroom() {
        String key = django.post("/session/", null, Map.of("__expiry__", 300, "x", 1)).requireSessionCookie();

        clock.set(Instant.now().plusSeconds(200));
        assertThat(cloakroomOpens(key).get("x")).isEqualTo(1);
        clock.set(Instant.now().plusSeconds(400));
        assertThat(engine.load(key)).isEmpty();
        assertThat(engine.exists(key)).as("expired, not deleted").isTrue();
    }

    @Test
    void expireDateIsStoredInTheSameShapeByBothSides() throws SQLException {
        for (String at : List.of("2031-05-06T07:08:09.654321Z", "2031-05-06T07:08:09Z")) {
            clock.set(Instant.parse(at));
            String fromDjango = django.at(Instant.parse(at)).post("/session/", null, Map.of("x", 1))
                    .requireSessionCookie();
            String fromCloakroom = cloakroomWrites(Map.of("x", 1));

            String djangoText = storedExpireDate(fromDjango);
            String cloakroomText = storedExpireDate(fromCloakroom);

            assertThat(cloakroomText).as("stored by Cloakroom at %s", at).isEqualTo(djangoText);
            assertThat(django.at(Instant.parse(at)).get("/session/", fromCloakroom).data())
                    .containsEntry("x", 1);
        }
    }

    private Instant expireDateSeenByDjango(String key) {
        Map<String, Object> row = django.sessionRow(key);
        assertThat(row).containsEntry("exists", true);
        return OffsetDateTime.parse((String) row.get("expire_date")).toInstant()
                .truncatedTo(ChronoUnit.MICROS);
    }

    /** The expire_date column as the database gives it as text (on SQLite, the stored text itself). */
    private String storedExpireDate(String key) throws SQLException {
        try (Connection c = database.connect();
                PreparedStatement statement = c.prepareStatement(
                        "SELECT expire_date FROM django_session WHERE session_key = ?")) {
            statement.setString(1, key);
            try (ResultSet row = statement.executeQuery()) {
                assertThat(row.next()).as("row of %s", key).isTrue();
                return row.getString(1);
            }
        }
    }

    private static Map<String, Object> toMap(Session session) {
        Map<String, Object> map = new LinkedHashMap<>();
        session.entries().forEach(e -> map.put(e.getKey(), e.getValue()));
        return map;
    }
}
