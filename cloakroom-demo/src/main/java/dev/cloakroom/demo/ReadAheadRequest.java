package dev.cloakroom.demo;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.SequenceInputStream;
import java.io.ByteArrayInputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * A request whose small body is read before the handler runs, and handed to it from memory.
 *
 * <p>Why: Jetty keeps a connection alive after a response only if the request's body was read. A handler
 * that answers without reading it ({@code POST /api/counter} with {@code {}}) commits its response first;
 * when the body was still on its way at that moment, Jetty can no longer say {@code Connection: close}
 * and closes the connection after the response, and the client's next request on it fails. Reading the
 * body first (it is at most {@link Json#MAX_BODY_BYTES} here) removes the race. A larger body is left to
 * the handler, which refuses it.
 */
final class ReadAheadRequest extends HttpServletRequestWrapper {

    private final InputStream body;
    private boolean readerUsed;
    private boolean streamUsed;

    private ReadAheadRequest(HttpServletRequest request, InputStream body) {
        super(request);
        this.body = body;
    }

    /**
     * Returns {@code request} with its body read ahead, up to {@code limit} bytes, or as it is if it
     * has none.
     */
    static HttpServletRequest of(HttpServletRequest request, int limit) throws IOException {
        long length = request.getContentLengthLong();
        boolean chunked = request.getHeader("Transfer-Encoding") != null;
        if (length == 0 || (length < 0 && !chunked) || length > limit) {
            return request;
        }
        InputStream in = request.getInputStream();
        byte[] ahead = in.readNBytes(limit + 1);
        InputStream rest = ahead.length <= limit ? InputStream.nullInputStream() : in;
        return new ReadAheadRequest(request, new SequenceInputStream(new ByteArrayInputStream(ahead), rest));
    }

    @Override
    public ServletInputStream getInputStream() {
        if (readerUsed) {
            throw new IllegalStateException("getReader() was already called for this request");
        }
        streamUsed = true;
        return new ServletInputStream() {
            private boolean finished;

            @Override
            public int read() throws IOException {
                int b = body.read();
                finished = b == -1;
                return b;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                int n = body.read(buffer, offset, length);
                finished = n == -1;
                return n;
            }

            @Override
            public boolean isFinished() {
                return finished;
            }

            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setReadListener(ReadListener listener) {
                throw new IllegalStateException("The API reads its request bodies in blocking mode");
            }
        };
    }

    @Override
    public BufferedReader getReader() {
        if (streamUsed) {
            throw new IllegalStateException("getInputStream() was already called for this request");
        }
        readerUsed = true;
        String encoding = getCharacterEncoding();
        Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
        return new BufferedReader(new InputStreamReader(body, charset));
    }
}
