package dev.cloakroom.middleware;

import dev.cloakroom.internal.SecurityLog;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The key in a request and response header such as {@code X-Session-Token}, for clients that keep no
 * cookies. The response header carries the key whenever a cookie would have been set, and an empty value
 * whenever it would have been deleted ("drop your token"). Cookies are never read: a session cookie sent
 * with the header is ignored, so a browser's ambient cookie can never choose the session.
 */
final class HeaderCarrier implements KeyCarrier {

    /** The most characters a token may have: a cookie's size limit, which signed sessions also obey. */
    static final int MAX_LENGTH = 4096;

    private final String name;

    HeaderCarrier(String name) {
        this.name = name;
    }

    @Override
    public @Nullable String requested(Exchange exchange) {
        String value = exchange.requestHeader(name);
        if (value == null || value.isEmpty()) {
            return null;
        }
        if (value.length() > MAX_LENGTH || !value.chars().allMatch(HeaderCarrier::isTokenChar)) {
            SecurityLog.suspicious("Ignored a " + name + " request header that is not a session token ("
                    + value.length() + " characters; at most " + MAX_LENGTH + " of printable ASCII without "
                    + "quotes, commas, semicolons or backslashes): the request gets a new session");
            return null;
        }
        return value;
    }

    @Override
    public boolean wasSent(Exchange exchange) {
        return exchange.requestHeader(name) != null;
    }

    @Override
    public void issue(Exchange exchange, String key, @Nullable Long maxAge, @Nullable Instant expires) {
        exchange.setResponseHeader(name, key);
    }

    @Override
    public void remove(Exchange exchange) {
        exchange.setResponseHeader(name, "");
    }

    @Override
    public String varyOn() {
        return name;
    }

    /** A cookie-octet of RFC 6265: what a session cookie's value may hold, signed values included. */
    private static boolean isTokenChar(int c) {
        return c > 0x20 && c < 0x7f && c != '"' && c != ',' && c != ';' && c != '\\';
    }
}
