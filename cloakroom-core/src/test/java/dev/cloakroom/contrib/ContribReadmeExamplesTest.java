package dev.cloakroom.contrib;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cloakroom.Session;
import dev.cloakroom.SessionSettings;
import dev.cloakroom.SessionSummary;
import dev.cloakroom.contrib.auth.Auth;
import dev.cloakroom.contrib.auth.AuthUser;
import dev.cloakroom.contrib.auth.UserLookup;
import dev.cloakroom.contrib.auth.UserSessions;
import dev.cloakroom.contrib.csrf.CsrfTokens;
import dev.cloakroom.contrib.messages.FallbackMessageStorage;
import dev.cloakroom.contrib.messages.Message;
import dev.cloakroom.engine.MemoryEngine;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The README's contrib examples (auth, messages, CSRF, sign out everywhere), run on the memory engine. */
class ContribReadmeExamplesTest {

    /** The README's user type. */
    record User(String id, String passwordHash) implements AuthUser {
    }

    private final MemoryEngine engine = MemoryEngine.create();
    private final SessionSettings settings = SessionSettings.builder().secretKey("readme-secret").build();
    private final Map<String, User> table = Map.of("42", new User("42", "pbkdf2_sha256$720000$salt$hash"));

    @Test
    void authMessagesCsrfAndSignOutEverywhere() {
        // --- auth
        UserLookup<User> users = id -> Optional.ofNullable(table.get(id));
        Session session = Session.open(engine, settings, null);
        Auth.login(session, table.get("42"));
        Optional<User> me = Auth.currentUser(session, users);
        assertThat(me).contains(table.get("42"));
        session.save();

        // --- messages, on any HTTP stack: the request's "messages" cookie in, a Set-Cookie out
        FallbackMessageStorage messages = FallbackMessageStorage.of(session, null);
        messages.success("Profile saved");
        messages.update();
        String setCookie = messages.cookieUpdate().orElseThrow().toSetCookieHeader(settings);
        assertThat(setCookie).startsWith("messages=");

        String cookieValue = setCookie.substring("messages=".length(), setCookie.indexOf(';'));
        List<String> shown = new ArrayList<>();
        FallbackMessageStorage next = FallbackMessageStorage.of(session, cookieValue);
        for (Message m : next) {
            shown.add(m.tags() + ": " + m.text());
        }
        assertThat(shown).containsExactly("success: Profile saved");

        // --- CSRF
        String token = CsrfTokens.token(session);
        assertThat(CsrfTokens.isValid(session, token)).isTrue();

        // --- sign out everywhere else
        Session phone = Session.open(engine, settings, null);
        Auth.login(phone, table.get("42"));
        phone.save();
        List<SessionSummary> mine = UserSessions.sessionsOf(session);
        assertThat(mine).extracting(SessionSummary::keySuffix).hasSize(2);
        assertThat(UserSessions.revokeOthers(session)).isEqualTo(1);
        assertThat(Auth.currentUser(Session.open(engine, settings, phone.key()), users)).isEmpty();

        // --- logout
        Auth.logout(session);
        assertThat(Auth.currentUser(session, users)).isEmpty();
    }
}
