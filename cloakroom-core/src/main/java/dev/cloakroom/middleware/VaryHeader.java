package dev.cloakroom.middleware;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** Django's {@code patch_vary_headers(response, ("Cookie",))}, or the session header's name. */
final class VaryHeader {

    private static final Pattern COMMA = Pattern.compile("\\s*,\\s*");

    private VaryHeader() {
    }

    /** Adds {@code header} to the response's {@code Vary}, once, whatever the case it is already in. */
    static void add(Exchange exchange, String header) {
        exchange.setResponseHeader("Vary", merged(exchange.responseHeader("Vary"), header));
    }

    /**
     * Returns {@code current} with {@code header} appended unless present (compared ignoring case);
     * {@code *} stays {@code *}. Unlike Django, a blank entry is dropped instead of kept as
     * {@code ", Cookie"}.
     */
    static String merged(@Nullable String current, String header) {
        List<String> headers = new ArrayList<>();
        if (current != null) {
            for (String h : COMMA.split(current.trim())) {
                if (!h.isEmpty()) {
                    headers.add(h);
                }
            }
        }
        String wanted = header.toLowerCase(Locale.ROOT);
        if (headers.stream().noneMatch(h -> h.toLowerCase(Locale.ROOT).equals(wanted))) {
            headers.add(header);
        }
        return headers.contains("*") ? "*" : String.join(", ", headers);
    }
}
