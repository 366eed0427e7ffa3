package dev.cloakroom.bench.load;

import dev.cloakroom.internal.SessionKeys;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * What the raw variants store: {@code <user id>|<counter>} under a random key sent in the cookie
 * {@code rawid}. No signing, no JSON, no compare-and-set: the least a session store can do.
 */
final class RawSessions {

    static final String COOKIE = "rawid";
    static final Duration AGE = Duration.ofDays(14);

    private RawSessions() {
    }

    static String newKey() {
        return SessionKeys.generate();
    }

    static String value(String userId, int count) {
        return userId + "|" + count;
    }

    static String user(@Nullable String value) {
        if (value == null) {
            return "anonymous";
        }
        int bar = value.indexOf('|');
        return bar < 0 ? value : value.substring(0, bar);
    }

    static int count(@Nullable String value) {
        if (value == null) {
            return 0;
        }
        int bar = value.indexOf('|');
        return bar < 0 ? 0 : Integer.parseInt(value.substring(bar + 1));
    }

    static void setCookie(HttpServletResponse response, String key) {
        response.addHeader("Set-Cookie", COOKIE + "=" + key + "; HttpOnly; Max-Age=" + AGE.toSeconds()
                + "; Path=/; SameSite=Lax");
    }

    static boolean usable(@Nullable String key) {
        return SessionKeys.isValid(key);
    }
}
