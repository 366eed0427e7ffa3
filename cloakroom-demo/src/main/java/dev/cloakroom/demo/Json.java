package dev.cloakroom.demo;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Reads JSON request bodies (at most 64 KiB, an object, nested at most {@value #MAX_DEPTH} deep, numbers of
 * at most {@value #MAX_NUMBER_DIGITS} digits) and writes JSON responses. Thread-safe.
 */
final class Json {

    /** The largest request body the API reads. */
    static final int MAX_BODY_BYTES = 64 * 1024;

    /**
     * How deep arrays and objects may nest in a request body: plenty for session values, far from the stack.
     */
    static final int MAX_DEPTH = 32;

    /** The longest number a request body may hold, in characters. */
    static final int MAX_NUMBER_DIGITS = 100;

    /**
     * How much of a refused body is still read and discarded, so the client (still sending) gets the
     * 400 instead of a reset connection; beyond this the connection is simply closed.
     */
    private static final long MAX_DRAINED_BYTES = 4L * 1024 * 1024;

    private static final ObjectMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH)
                            .maxNumberLength(MAX_NUMBER_DIGITS).build())
                    .build())
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS)
            .build();

    private Json() {
    }

    /** A request the API refuses with status 400 and {@code {"error": message}}. */
    static final class BadRequest extends Exception {
        private static final long serialVersionUID = 1L;

        BadRequest(String message) {
            super(message);
        }
    }

    /**
     * Reads the body as a JSON object.
     *
     * @throws BadRequest if it is empty, over {@value #MAX_BODY_BYTES} bytes, not JSON, or not an object
     */
    static Map<String, Object> readObject(HttpServletRequest request) throws IOException, BadRequest {
        if (request.getContentLengthLong() > MAX_BODY_BYTES) {
            if (request.getContentLengthLong() <= MAX_DRAINED_BYTES) {
                drain(request.getInputStream(), MAX_DRAINED_BYTES);
            }
            throw tooLarge();
        }
        byte[] body;
        try (InputStream in = request.getInputStream()) {
            body = readAtMost(in, MAX_BODY_BYTES);
        }
        if (body.length == 0) {
            throw new BadRequest("The request body is empty; send a JSON object");
        }
        Object value;
        try {
            value = MAPPER.readValue(body, Object.class);
        } catch (JsonProcessingException e) {
            if (isOverLimits(e)) {
                throw new BadRequest("The request body is nested deeper than " + MAX_DEPTH
                        + " levels or holds a number longer than " + MAX_NUMBER_DIGITS + " digits");
            }
            throw new BadRequest("The request body is not valid JSON: " + oneLine(e.getOriginalMessage()));
        }
        if (!(value instanceof Map<?, ?> map)) {
            throw new BadRequest("The request body must be a JSON object, not " + describe(value));
        }
        Map<String, Object> object = new LinkedHashMap<>();
        map.forEach((k, v) -> object.put((String) k, v));
        return object;
    }

    private static boolean isOverLimits(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof StreamConstraintsException) {
                return true;
            }
        }
        return false;
    }

    private static String oneLine(String message) {
        return message.replaceAll("\\s+", " ").trim();
    }

    private static void drain(InputStream in, long limit) throws IOException {
        byte[] buffer = new byte[8192];
        long total = 0;
        int n;
        while (total < limit && (n = in.read(buffer)) != -1) {
            total += n;
        }
    }

    private static byte[] readAtMost(InputStream in, int limit) throws IOException, BadRequest {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        int n;
        while ((n = in.read(buffer)) != -1) {
            if (out.size() + n > limit) {
                drain(in, MAX_DRAINED_BYTES);
                throw tooLarge();
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    private static BadRequest tooLarge() {
        return new BadRequest("The request body is over " + MAX_BODY_BYTES + " bytes");
    }

    /** Names the JSON type of {@code value} for error messages. */
    static String describe(@Nullable Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof String) {
            return "a string";
        }
        if (value instanceof Number) {
            return "a number";
        }
        if (value instanceof Boolean) {
            return "a boolean";
        }
        if (value instanceof java.util.List) {
            return "an array";
        }
        return "an object";
    }

    /** Writes {@code body} as JSON with {@code status}; never cached. */
    static void write(HttpServletResponse response, int status, Object body) throws IOException {
        byte[] bytes = MAPPER.writeValueAsBytes(body);
        response.setStatus(status);
        response.setContentType("application/json");
        response.setHeader("Cache-Control", "no-store");
        response.setContentLength(bytes.length); // the session filter saves before this commits the response
        response.getOutputStream().write(bytes);
    }

    /** Writes {@code {"error": message}} with {@code status}. */
    static void error(HttpServletResponse response, int status, String message) throws IOException {
        write(response, status, Map.of("error", message));
    }
}
