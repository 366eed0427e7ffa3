package dev.cloakroom.middleware;

import dev.cloakroom.SessionSettings;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** The key in the session cookie, as Django does it. */
final class CookieCarrier implements KeyCarrier {

    private final SessionSettings settings;

    CookieCarrier(SessionSettings settings) {
        this.settings = settings;
    }

    @Override
    public @Nullable String requested(Exchange exchange) {
        return exchange.requestCookie(settings.cookieName());
    }

    @Override
    public boolean wasSent(Exchange exchange) {
        return exchange.hasRequestCookie(settings.cookieName());
    }

    @Override
    public void issue(Exchange exchange, String key, @Nullable Long maxAge, @Nullable Instant expires) {
        exchange.addSetCookie(SetCookieHeader.builder(settings.cookieName(), key)
                .domain(settings.cookieDomain())
                .expires(expires)
                .httpOnly(settings.cookieHttpOnly())
                .maxAge(maxAge)
                .path(settings.cookiePath())
                .sameSite(settings.cookieSameSite())
                .secure(settings.cookieSecure())
                .build());
    }

    @Override
    public void remove(Exchange exchange) {
        exchange.addSetCookie(SetCookieHeader.deletion(settings.cookieName(), settings.cookiePath(),
                settings.cookieDomain(), settings.cookieSameSite()));
    }

    @Override
    public String varyOn() {
        return "Cookie";
    }
}
