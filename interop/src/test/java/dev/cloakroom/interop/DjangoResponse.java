package dev.cloakroom.interop;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What one request through Django's middleware gave back.
 *
 * @param status the HTTP status
 * @param body the JSON body of the view
 * @param sessionCookie the session cookie the response sets, or {@code null} if it sets none
 * @param sessionCookieDeleted whether the response deletes the session cookie
 * @param messagesCookie the {@code messages} cookie the response sets ({@code ""} to delete it), or
 *     {@code null} if it sets none
 */
record DjangoResponse(int status, Map<String, Object> body, @Nullable String sessionCookie,
        boolean sessionCookieDeleted, @Nullable String messagesCookie) {

    static DjangoResponse of(@Nullable Object json) {
        Map<String, Object> map = Django.map(json);
        return new DjangoResponse(((Number) map.get("status")).intValue(), Django.map(map.get("body")),
                (String) map.get("session_cookie"), Boolean.TRUE.equals(map.get("session_cookie_deleted")),
                (String) map.get("messages_cookie"));
    }

    /** The session data a {@code /session/} view returned. */
    Map<String, Object> data() {
        return Django.map(body.get("data"));
    }

    /** The session cookie set, failing if the response set none. */
    String requireSessionCookie() {
        if (sessionCookie == null) {
            throw new AssertionError("Django's response set no session cookie: " + this);
        }
        return sessionCookie;
    }
}
