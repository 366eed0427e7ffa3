package dev.cloakroom.servlet.contrib;

import dev.cloakroom.contrib.csrf.CsrfRequest;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** A servlet request as {@link CsrfRequest}; the form field comes from the body only, never the query. */
final class ServletCsrfRequest implements CsrfRequest {

    private static final int MAX_PART_BYTES = 256;

    private final HttpServletRequest request;

    ServletCsrfRequest(HttpServletRequest request) {
        this.request = request;
    }

    @Override
    public String method() {
        return request.getMethod().toUpperCase(Locale.ROOT);
    }

    @Override
    public boolean isSecure() {
        return request.isSecure();
    }

    @Override
    public String host() {
        String host = request.getHeader("Host");
        if (host != null && !host.isBlank()) {
            return host.trim();
        }
        int port = request.getServerPort();
        boolean defaultPort = port == (request.isSecure() ? 443 : 80);
        return request.getServerName() + (defaultPort ? "" : ":" + port);
    }

    @Override
    public int serverPort() {
        return request.getServerPort();
    }

    @Override
    public @Nullable String header(String name) {
        return request.getHeader(name);
    }

    @Override
    public @Nullable String formField(String name) {
        String type = request.getContentType();
        if (type == null) {
            return null;
        }
        String lower = type.toLowerCase(Locale.ROOT);
        boolean urlEncoded = lower.startsWith("application/x-www-form-urlencoded");
        boolean multipart = lower.startsWith("multipart/form-data");
        if (!urlEncoded && !multipart) {
            return null;
        }
        try {
            // The servlet API lists query-string values before body values; Django reads the body only.
            String[] values = request.getParameterValues(name);
            int inQuery = countInQuery(request.getQueryString(), name);
            if (values != null && values.length > inQuery) {
                return values[inQuery];
            }
            return multipart ? readPart(name) : null;
        } catch (RuntimeException e) {
            // Like Django's UnreadablePostError: no token from the body.
            return null;
        }
    }

    private @Nullable String readPart(String name) {
        try {
            Part part = request.getPart(name);
            if (part == null || part.getSubmittedFileName() != null) {
                return null;
            }
            try (InputStream in = part.getInputStream()) {
                return new String(in.readNBytes(MAX_PART_BYTES), StandardCharsets.UTF_8);
            }
        } catch (IOException | ServletException | IllegalStateException e) {
            return null;
        }
    }

    private static int countInQuery(@Nullable String query, String name) {
        if (query == null || query.isEmpty()) {
            return 0;
        }
        int count = 0;
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            try {
                if (name.equals(URLDecoder.decode(key, StandardCharsets.UTF_8))) {
                    count++;
                }
            } catch (IllegalArgumentException e) {
                // A malformed name is not the field's.
            }
        }
        return count;
    }
}
