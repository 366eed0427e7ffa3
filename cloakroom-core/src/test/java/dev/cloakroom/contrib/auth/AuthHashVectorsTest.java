package dev.cloakroom.contrib.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cloakroom.Session;
import dev.cloakroom.SessionSettings;
import dev.cloakroom.contrib.Vectors;
import dev.cloakroom.engine.MemoryEngine;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Session auth hashes Django 3.2.25 computed (vectors {@code auth_hash}). */
class AuthHashVectorsTest {

    @Test
    void everyVectorHashIsReproduced() {
        String secret = Vectors.secretKey().current();
        JsonNode entries = Vectors.ROOT.get("auth_hash");
        assertThat(entries).isNotEmpty();
        for (JsonNode entry : entries) {
            assertThat(Auth.sessionAuthHash(entry.get("password_hash").asText(), secret))
                    .as(entry.get("password").asText())
                    .isEqualTo(entry.get("session_auth_hash").asText());
        }
    }

    @Test
    void aSessionLoggedInByDjangoIsLoggedInForJava() {
        SessionSettings settings = SessionSettings.builder().secretKey(Vectors.secretKey())
                .clock(Vectors.fixedClock()).build();
        MemoryEngine engine = MemoryEngine.create(Vectors.fixedClock());
        for (JsonNode entry : Vectors.ROOT.get("auth_hash")) {
            AuthUser user = AuthUser.of("42", entry.get("password_hash").asText());
            Session django = Session.open(engine, settings, null);
            django.put(Auth.USER_ID_KEY, "42");
            django.put(Auth.BACKEND_KEY, "django.contrib.auth.backends.ModelBackend");
            django.put(Auth.HASH_KEY, entry.get("session_auth_hash").asText());
            django.save();

            Session session = Session.open(engine, settings, django.key());
            assertThat(Auth.currentUser(session, id -> Optional.of(user))).contains(user);
            assertThat(session.key()).isEqualTo(django.key());
        }
    }
}
