package dev.cloakroom.middleware;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** An exchange with no container behind it: request cookies in, response headers recorded. */
final class FakeExchange implements Exchange {

    private final Map<String, String> cookies = new LinkedHashMap<>();
    private final Map<String, String> requestHeaders = new LinkedHashMap<>();
    private final List<String[]> headers = new ArrayList<>();
    private int status = 200;
    private boolean secure;

    static FakeExchange request() {
        return new FakeExchange();
    }

    FakeExchange cookie(String name, String value) {
        cookies.put(name, value);
        return this;
    }

    /** Adds a request header ({@code name} in lower case, as it is looked up ignoring case). */
    FakeExchange requestHeader(String name, String value) {
        requestHeaders.put(name.toLowerCase(java.util.Locale.ROOT), value);
        return this;
    }

    FakeExchange status(int code) {
        this.status = code;
        return this;
    }

    FakeExchange secure(boolean isSecure) {
        this.secure = isSecure;
        return this;
    }

    FakeExchange header(String name, String value) {
        headers.add(new String[] {name, value});
        return this;
    }

    /** Every value of the response header {@code name}, in the order added. */
    List<String> headers(String name) {
        List<String> values = new ArrayList<>();
        for (String[] h : headers) {
            if (h[0].equalsIgnoreCase(name)) {
                values.add(h[1]);
            }
        }
        return values;
    }

    List<String> setCookies() {
        return headers("Set-Cookie");
    }

    @Override
    public @Nullable String requestCookie(String name) {
        return cookies.get(name);
    }

    @Override
    public @Nullable String requestHeader(String name) {
        return requestHeaders.get(name.toLowerCase(java.util.Locale.ROOT));
    }

    @Override
    public void addResponseHeader(String name, String value) {
        headers.add(new String[] {name, value});
    }

    @Override
    public @Nullable String responseHeader(String name) {
        List<String> values = headers(name);
        return values.isEmpty() ? null : String.join(", ", values);
    }

    @Override
    public void setResponseHeader(String name, String value) {
        headers.removeIf(h -> h[0].equalsIgnoreCase(name));
        headers.add(new String[] {name, value});
    }

    @Override
    public int status() {
        return status;
    }

    @Override
    public boolean isSecure() {
        return secure;
    }
}
