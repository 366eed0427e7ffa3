package dev.cloakroom.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.cloakroom.internal.SessionKeys;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.jspecify.annotations.Nullable;

/** Formatting shared by the commands: JSON, dates, key suffixes, sizes. */
final class Output {

    private static final ObjectMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT)
            .build();
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss")
            .withZone(ZoneOffset.UTC);

    private Output() {
    }

    /** Prints {@code value} as indented JSON. */
    static void json(PrintWriter out, @Nullable Object value) {
        try {
            out.println(JSON.writeValueAsString(value));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot print as JSON: " + e.getMessage(), e);
        }
    }

    /** {@code 2025-12-06 10:00:00} (UTC). */
    static String date(Instant at) {
        return DATE.format(at);
    }

    /** An ISO-8601 instant, for JSON. */
    static String iso(Instant at) {
        return at.toString();
    }

    /** The last six characters of a key, prefixed with an ellipsis: what messages show. */
    static String suffix(String key) {
        return "…" + SessionKeys.suffix(key);
    }

    static String plural(long n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }

    static String bytes(long n) {
        if (n < 10 * 1024) {
            return n + " bytes";
        }
        if (n < 10L * 1024 * 1024) {
            return String.format("%.1f KiB (%d bytes)", n / 1024.0, n);
        }
        return String.format("%.1f MiB (%d bytes)", n / (1024.0 * 1024), n);
    }
}
