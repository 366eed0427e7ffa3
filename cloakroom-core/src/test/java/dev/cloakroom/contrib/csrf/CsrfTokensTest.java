package dev.cloakroom.contrib.csrf;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cloakroom.Session;
import dev.cloakroom.SessionSettings;
import dev.cloakroom.testkit.MutableClock;
import dev.cloakroom.contrib.Vectors;
import dev.cloakroom.engine.MemoryEngine;
import dev.cloakroom.internal.CsrfMasking;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** The CSRF secret in the session (CSRF_USE_SESSIONS), against Django 3.2.25's vectors. */
class CsrfTokensTest {

    private static final JsonNode VECTORS = Vectors.ROOT.get("csrf");
    private final MutableClock clock = MutableClock.at(Instant.parse("2024-01-01T00:00:00Z"));
    private final MemoryEngine engine = MemoryEngine.create(clock);
    private final SessionSettings settings =
            SessionSettings.builder().secretKey("test-secret").clock(clock).build();

    private Session sessionHolding(@Nullable Object stored) {
        Session session = Session.open(engine, settings, null);
        session.put(CsrfTokens.SESSION_KEY, stored);
        session.save();
        return Session.open(engine, settings, session.key());
    }

    @Test
    void theSessionKeyIsDjangos() {
        assertThat(CsrfTokens.SESSION_KEY).isEqualTo(VECTORS.get("session_key_name").asText());
    }

    @Test
    void djangosMaskedTokensValidateAgainstTheStoredSecret() {
        String secret = VECTORS.get("secret").asText();
        Session session = sessionHolding(secret);

        assertThat(VECTORS.get("masked")).hasSize(VECTORS.get("unmasked_check").size());
        for (int i = 0; i < VECTORS.get("masked").size(); i++) {
            String masked = VECTORS.get("masked").get(i).asText();
            assertThat(CsrfTokens.isValid(session, masked)).as(masked)
                    .isEqualTo(VECTORS.get("unmasked_check").get(i).asBoolean());
        }
        assertThat(CsrfTokens.isValid(session, secret)).isTrue();
        assertThat(session.isModified()).isFalse();
    }

    @Test
    void aMaskedValueStoredByDjango32IsReadByUnmaskingIt() {
        String secret = VECTORS.get("secret").asText();
        Session session = sessionHolding(VECTORS.get("masked").get(0).asText());

        assertThat(CsrfTokens.isValid(session, secret)).isTrue();
        assertThat(CsrfTokens.isValid(session, VECTORS.get("masked").get(2).asText())).isTrue();

        String token = CsrfTokens.token(session);
        assertThat(session.get(CsrfTokens.SESSION_KEY)).isEqualTo(secret);
        assertThat(CsrfMasking.unmask(token)).isEqualTo(secret);
    }

    @Test
    void aMalformedSixtyFourCharacterValueIsReplacedInDjango32ModeToo() {
        SessionSettings django32 = SessionSettings.builder().secretKey("test-secret").clock(clock)
                .djangoVersion(dev.cloakroom.DjangoVersion.DJANGO_3_2).build();
        Session stored = Session.open(engine, django32, null);
        stored.put(CsrfTokens.SESSION_KEY, "!".repeat(CsrfMasking.TOKEN_LENGTH));
        stored.save();
        Session session = Session.open(engine, django32, stored.key());

        String token = CsrfTokens.token(session);

        assertThat(session.get(CsrfTokens.SESSION_KEY)).isNotEqualTo("!".repeat(CsrfMasking.TOKEN_LENGTH));
        assertThat(CsrfTokens.isValid(session, token)).isTrue();
    }

    @Test
    void tokenCreatesOneSecretAndMasksItFreshlyEachTime() {
        Session session = Session.open(engine, settings, null);
        String first = CsrfTokens.token(session);
        String second = CsrfTokens.token(session);

        assertThat(first).hasSize(64).isNotEqualTo(second);
        Object secret = session.get(CsrfTokens.SESSION_KEY);
        assertThat(secret).asString().hasSize(32).matches("[A-Za-z0-9]{32}");
        assertThat(CsrfMasking.unmask(first)).isEqualTo(secret).isEqualTo(CsrfMasking.unmask(second));
        session.save();

        Session next = Session.open(engine, settings, session.key());
        assertThat(CsrfTokens.isValid(next, first)).isTrue();
        assertThat(CsrfTokens.isValid(next, second)).isTrue();
    }

    @Test
    void isValidNeverCreatesASecret() {
        Session session = Session.open(engine, settings, null);

        assertThat(CsrfTokens.isValid(session, CsrfMasking.mask(CsrfMasking.newSecret()))).isFalse();
        assertThat(session.contains(CsrfTokens.SESSION_KEY)).isFalse();
        assertThat(session.isModified()).isFalse();
    }

    @Test
    void wrongMalformedAndMissingTokensAreInvalid() {
        Session session = sessionHolding(VECTORS.get("secret").asText());

        assertThat(CsrfTokens.isValid(session, null)).isFalse();
        assertThat(CsrfTokens.isValid(session, "")).isFalse();
        assertThat(CsrfTokens.isValid(session, CsrfMasking.newSecret())).isFalse();
        assertThat(CsrfTokens.isValid(session, CsrfMasking.mask(CsrfMasking.newSecret()))).isFalse();
        assertThat(CsrfTokens.isValid(session, VECTORS.get("secret").asText() + "x")).isFalse();
        assertThat(CsrfTokens.isValid(session, "!".repeat(64))).isFalse();
    }

    @Test
    void aMalformedStoredSecretIsNeverValidAndIsReplacedByToken() {
        for (Object bad : new Object[] {"short", "!".repeat(32), "!".repeat(64), 12}) {
            Session session = sessionHolding(bad);
            assertThat(CsrfTokens.isValid(session, "short")).isFalse();
            assertThat(CsrfTokens.isValid(session, "!".repeat(32))).isFalse();

            String token = CsrfTokens.token(session);
            assertThat(CsrfTokens.isValid(session, token)).isTrue();
            assertThat(session.get(CsrfTokens.SESSION_KEY)).asString().hasSize(32);
        }
    }

    @Test
    void rotateInvalidatesEveryEarlierToken() {
        Session session = Session.open(engine, settings, null);
        String before = CsrfTokens.token(session);

        CsrfTokens.rotate(session);

        assertThat(CsrfTokens.isValid(session, before)).isFalse();
        assertThat(CsrfTokens.isValid(session, CsrfTokens.token(session))).isTrue();
    }
}
