package dev.cloakroom.bench.micro;

import dev.cloakroom.middleware.Exchange;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/** A request with one cookie and a response as a header map: what a thin HTTP adapter gives. */
final class FakeExchange implements Exchange {

    private final String cookieName;
    private final @Nullable String cookieValue;
    private final Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);

    FakeExchange(String cookieName, @Nullable String cookieValue) {
        this.cookieName = cookieName;
        this.cookieValue = cookieValue;
    }

    @Override
    public @Nullable String requestCookie(String name) {
        return cookieName.equals(name) ? cookieValue : null;
    }

    @Override
    public void addResponseHeader(String name, String value) {
        headers.computeIfAbsent(name, n -> new ArrayList<>(1)).add(value);
    }

    @Override
    public @Nullable String responseHeader(String name) {
        List<String> values = headers.get(name);
        return values == null ? null : String.join(", ", values);
    }

    @Override
    public void setResponseHeader(String name, String value) {
        List<String> values = new ArrayList<>(1);
        values.add(value);
        headers.put(name, values);
    }

    @Override
    public int status() {
        return 200;
    }

    @Override
    public boolean isSecure() {
        return false;
    }
}
