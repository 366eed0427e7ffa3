package dev.cloakroom.interop;

import dev.cloakroom.Session;
import dev.cloakroom.contrib.csrf.CsrfTokens;
import dev.cloakroom.internal.CsrfMasking;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * CSRF with {@code CSRF_USE_SESSIONS = True}: the secret one side keeps under {@code _csrftoken} validates
 * the tokens the other side hands out, and is stored in the form the Django under test writes (a
 * 64-character masked token for 3.2, the 32-character secret for 4.0+).
 */
abstract class CsrfInterop extends InteropTestBase {

    @Test
    void tokenDjangoHandsOutIsValidForCloakroom() {
        DjangoResponse page = django.get("/csrf/", null);
        String key = page.requireSessionCookie();
        String token = (String) page.body().get("token");

        Session session = cloakroomOpens(key);

        assertThat(CsrfTokens.isValid(session, token)).isTrue();
        assertThat(CsrfTokens.isValid(session, CsrfMasking.mask(CsrfMasking.newSecret()))).isFalse();
        assertThat((String) session.get(CsrfTokens.SESSION_KEY))
                .as("what Django %s stores", Django.UNDER_TEST).hasSize(storedLength());
    }

    @Test
    void tokenCloakroomHandsOutIsAcceptedByDjango() {
        Session session = cloakroomOpens(null);
        String token = CsrfTokens.token(session);
        session.save();

        assertThat((String) session.get(CsrfTokens.SESSION_KEY)).hasSize(storedLength());
        assertThat(django.postWithCsrf("/csrf/protected/", session.key(), token).status()).isEqualTo(200);
        assertThat(django.postWithCsrf("/csrf/protected/", session.key(),
                CsrfMasking.mask(CsrfMasking.newSecret())).status()).isEqualTo(403);
        assertThat(django.postWithCsrf("/csrf/protected/", session.key(), CsrfTokens.token(session)).status())
                .as("each masked token Cloakroom hands out").isEqualTo(200);
    }

    @Test
    void eachSideReadsTheSecretTheOtherStoredAndKeepsIt() {
        DjangoResponse page = django.get("/csrf/", null);
        String key = page.requireSessionCookie();
        Session session = cloakroomOpens(key);
        String fromCloakroom = CsrfTokens.token(session);
        session.save();

        DjangoResponse again = django.get("/csrf/", key);

        assertThat(CsrfTokens.isValid(cloakroomOpens(key), (String) again.body().get("token"))).isTrue();
        assertThat(django.postWithCsrf("/csrf/protected/", key, fromCloakroom).status()).isEqualTo(200);
        assertThat(django.postWithCsrf("/csrf/protected/", key, (String) page.body().get("token")).status())
                .isEqualTo(200);
    }

    private static int storedLength() {
        return Django.UNDER_TEST.version().atLeast(4, 0) ? CsrfMasking.SECRET_LENGTH
                : CsrfMasking.TOKEN_LENGTH;
    }
}
