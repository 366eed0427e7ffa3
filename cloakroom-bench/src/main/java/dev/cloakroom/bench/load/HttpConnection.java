package dev.cloakroom.bench.load;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * One keep-alive HTTP/1.1 connection that sends {@code GET}s and reads each answer whole ({@code
 * Content-Length} or chunked), as a load generator's connection does: no pooling, no redirects, no
 * decompression, so the cost on this side is the same small one for every variant.
 */
final class HttpConnection implements Closeable {

    private final String host;
    private final int port;
    private @Nullable Socket socket;
    private @Nullable InputStream in;
    private @Nullable OutputStream out;

    HttpConnection(String host, int port) {
        this.host = host;
        this.port = port;
    }

    /**
     * Sends {@code GET target} with {@code cookie} as its {@code Cookie} header (none if {@code null}) and
     * returns the answer's status, after reading its body. Opens the connection first if needed, and closes
     * it after an answer that says {@code Connection: close}.
     *
     * @throws IOException if the connection fails or the answer is not HTTP/1.1; the connection is then
     *     closed, and the next call opens a new one
     */
    int get(String target, @Nullable String cookie) throws IOException {
        try {
            if (socket == null) {
                open();
            }
            StringBuilder request = new StringBuilder(160).append("GET ").append(target)
                    .append(" HTTP/1.1\r\nHost: ").append(host).append(':').append(port).append("\r\n");
            if (cookie != null) {
                request.append("Cookie: ").append(cookie).append("\r\n");
            }
            request.append("\r\n");
            OutputStream o = java.util.Objects.requireNonNull(out);
            o.write(request.toString().getBytes(StandardCharsets.US_ASCII));
            o.flush();
            return readResponse(java.util.Objects.requireNonNull(in));
        } catch (IOException | RuntimeException e) {
            close();
            throw e;
        }
    }

    private void open() throws IOException {
        Socket s = new Socket();
        s.setTcpNoDelay(true);
        s.connect(new InetSocketAddress(host, port), 5_000);
        s.setSoTimeout(30_000);
        socket = s;
        in = new BufferedInputStream(s.getInputStream(), 8192);
        out = s.getOutputStream();
    }

    private int readResponse(InputStream input) throws IOException {
        String status = line(input);
        if (!status.startsWith("HTTP/1.") || status.length() < 12) {
            throw new IOException("Not an HTTP answer: " + status);
        }
        int code = Integer.parseInt(status.substring(9, 12));
        long length = -1;
        boolean chunked = false;
        boolean closeAfter = false;
        for (String header = line(input); !header.isEmpty(); header = line(input)) {
            int colon = header.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String name = header.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = header.substring(colon + 1).trim();
            switch (name) {
                case "content-length" -> length = Long.parseLong(value);
                case "transfer-encoding" -> chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
                case "connection" -> closeAfter = value.equalsIgnoreCase("close");
                default -> {
                    // not needed
                }
            }
        }
        if (chunked) {
            for (long size = chunkSize(line(input)); size > 0; size = chunkSize(line(input))) {
                skip(input, size);
                line(input);
            }
            for (String trailer = line(input); !trailer.isEmpty(); trailer = line(input)) {
                // trailers are read and dropped
            }
        } else if (length > 0) {
            skip(input, length);
        } else if (length < 0 && code != 204 && code != 304) {
            closeAfter = true; // the body runs to the end of the connection
            while (input.read() >= 0) {
                // read to the end
            }
        }
        if (closeAfter) {
            close();
        }
        return code;
    }

    private static long chunkSize(String line) throws IOException {
        int semicolon = line.indexOf(';');
        try {
            return Long.parseLong((semicolon < 0 ? line : line.substring(0, semicolon)).trim(), 16);
        } catch (NumberFormatException e) {
            throw new IOException("Bad chunk size: " + line, e);
        }
    }

    private static void skip(InputStream input, long n) throws IOException {
        long left = n;
        while (left > 0) {
            long skipped = input.skip(left);
            if (skipped <= 0) {
                if (input.read() < 0) {
                    throw new EOFException("Connection closed inside a body");
                }
                skipped = 1;
            }
            left -= skipped;
        }
    }

    /** One CRLF-terminated line, without the CRLF. */
    private static String line(InputStream input) throws IOException {
        StringBuilder sb = new StringBuilder(64);
        for (int c = input.read(); c != '\n'; c = input.read()) {
            if (c < 0) {
                throw new EOFException("Connection closed");
            }
            if (c != '\r') {
                sb.append((char) c);
            }
        }
        return sb.toString();
    }

    @Override
    public void close() {
        Socket s = socket;
        socket = null;
        in = null;
        out = null;
        if (s != null) {
            try {
                s.close();
            } catch (IOException e) {
                // closing anyway
            }
        }
    }
}
