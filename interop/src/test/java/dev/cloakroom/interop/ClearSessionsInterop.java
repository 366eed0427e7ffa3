package dev.cloakroom.interop;

import dev.cloakroom.Session;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Django's {@code clearsessions} and Cloakroom's {@code clearExpired} on one table: each removes the
 * expired sessions of both sides and leaves every live one alone, including sessions a few minutes on
 * either side of the cut-off (so the stored date formats order the same way for both).
 */
abstract class ClearSessionsInterop extends InteropTestBase {

    private static final Duration AGE = Duration.ofDays(14); // SESSION_COOKIE_AGE on both sides
    private static final Duration MARGIN = Duration.ofMinutes(3);
    private static final Duration MONTH = Duration.ofDays(30);

    @Test
    void djangoClearsessionsRemovesExpiredSessionsOfBothSidesAndKeepsLiveOnes() {
        Map<String, Boolean> sessions = sessionsOfBothSides();

        django.clearsessions();

        assertOnlyLiveSessionsRemain(sessions);
    }

    @Test
    void cloakroomClearExpiredRemovesExpiredSessionsOfBothSidesAndKeepsLiveOnes() {
        Map<String, Boolean> sessions = sessionsOfBothSides();

        clock.set(Instant.now());
        int removed = engine.clearExpired();

        assertThat(removed).isEqualTo(4);
        assertOnlyLiveSessionsRemain(sessions);
    }

    /** Four expired and four live sessions, half from each side; key to whether it should be live. */
    private Map<String, Boolean> sessionsOfBothSides() {
        Instant now = Instant.now();
        Map<String, Boolean> live = new LinkedHashMap<>();
        live.put(djangoWritesAt(now, "django, two weeks left"), true);
        live.put(djangoWritesAt(now.minus(AGE).plus(MARGIN), "django, minutes left"), true);
        live.put(djangoWritesAt(now.minus(AGE).minus(MARGIN), "django, expired minutes ago"), false);
        live.put(djangoWritesAt(now.minus(AGE).minus(MONTH), "django, expired a month ago"), false);
        live.put(cloakroomWritesAt(now, "cloakroom, two weeks left"), true);
        live.put(cloakroomWritesAt(now.minus(AGE).plus(MARGIN), "cloakroom, minutes left"), true);
        live.put(cloakroomWritesAt(now.minus(AGE).minus(MARGIN), "cloakroom, expired minutes ago"), false);
        live.put(cloakroomWritesAt(now.minus(AGE).minus(MONTH), "cloakroom, expired a month ago"), false);
        live.keySet().forEach(key -> assertThat(engine.exists(key)).isTrue());
        return live;
    }

    private void assertOnlyLiveSessionsRemain(Map<String, Boolean> sessions) {
        clock.set(Instant.now());
        sessions.forEach((key, live) -> {
            assertThat(engine.exists(key)).as("row of %s", key).isEqualTo(live);
            Map<String, Object> row = django.sessionRow(key);
            assertThat(row).as("Django's row of %s", key).containsEntry("exists", live);
            if (live) {
                Object who = Django.map(row.get("decoded")).get("who");
                assertThat(who).as("what Django reads in %s", key).isNotNull();
                assertThat(cloakroomOpens(key).get("who")).as("what Cloakroom reads in %s", key)
                        .isEqualTo(who);
            }
        });
    }

    private String djangoWritesAt(Instant at, String who) {
        return django.at(at).post("/session/", null, Map.of("who", who)).requireSessionCookie();
    }

    private String cloakroomWritesAt(Instant at, String who) {
        clock.set(at);
        Session session = cloakroomOpens(null);
        session.put("who", who);
        session.save();
        return session.key();
    }
}
