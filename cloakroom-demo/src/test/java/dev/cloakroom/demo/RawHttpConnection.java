package dev.cloakroom.demo;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One keep-alive HTTP/1.1 connection on a raw socket, so a test sees exactly what travels on it: the
 * request's head and body can be sent apart, and a connection the server closes shows as an
 * {@link EOFException} on the next response instead of a client silently opening a new one.
 */
final class RawHttpConnection implements AutoCloseable {

    /** A response: status, headers (names in lower case) and body. */
    record Response(int status, Map<String, String> headers, String body) {
    }

    private final Socket socket;
    private final OutputStream out;
    private final InputStream in;

    RawHttpConnection(int port) throws IOException {
        socket = new Socket("127.0.0.1", port);
        socket.setSoTimeout(20_000);
        socket.setTcpNoDelay(true);
        out = socket.getOutputStream();
        in = socket.getInputStream();
    }

    /** Sends the head of a request; {@code headers} are whole lines without the line end. */
    void sendHead(String method, String path, String... headers) throws IOException {
        StringBuilder head = new StringBuilder(method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n");
        for (String header : headers) {
            head.append(header).append("\r\n");
        }
        out.write(head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    /** Sends body bytes of the request whose head was sent. */
    void sendBody(String body) throws IOException {
        out.write(body.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    /**
     * Reads one response (with a {@code Content-Length} or chunked body).
     *
     * @throws EOFException if the server closed the connection instead of answering
     */
    Response read() throws IOException {
        String status = line();
        if (status == null) {
            throw new EOFException("the server closed the connection without an answer");
        }
        Map<String, String> headers = new LinkedHashMap<>();
        for (String line = line(); line != null && !line.isEmpty(); line = line()) {
            int colon = line.indexOf(':');
            headers.merge(line.substring(0, colon).trim().toLowerCase(Locale.ROOT),
                    line.substring(colon + 1).trim(), (a, b) -> a + ", " + b);
        }
        byte[] body;
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            for (int size = Integer.parseInt(line().trim(), 16); size > 0;
                    size = Integer.parseInt(line().trim(), 16)) {
                all.write(in.readNBytes(size));
                line();
            }
            line();
            body = all.toByteArray();
        } else {
            body = in.readNBytes(Integer.parseInt(headers.getOrDefault("content-length", "0")));
        }
        return new Response(Integer.parseInt(status.split(" ")[1]), headers,
                new String(body, StandardCharsets.UTF_8));
    }

    private String line() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1) {
            if (b == '\n') {
                String text = line.toString(StandardCharsets.ISO_8859_1);
                return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
            }
            line.write(b);
        }
        return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
