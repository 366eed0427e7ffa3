package dev.cloakroom.servlet;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import org.jspecify.annotations.Nullable;

/**
 * A response that finishes the session just before it commits, in the manner of Spring Session's
 * {@code OnCommittedResponseWrapper}: before {@code sendError}, {@code sendRedirect}, {@code flushBuffer}, a
 * flush or close of its stream or writer, and before a write that fills the buffer or reaches the declared
 * {@code Content-Length}. Characters written through the writer are counted at the charset's largest size
 * per character, so the session is finished early rather than late.
 */
final class CommitAwareResponse extends HttpServletResponseWrapper {

    private final RequestState state;
    private long contentLength = -1;
    private long written;
    private @Nullable CommitAwareOutputStream stream;
    private @Nullable CommitAwarePrintWriter writer;

    CommitAwareResponse(HttpServletResponse response, RequestState state) {
        super(response);
        this.state = state;
    }

    RequestState state() {
        return state;
    }

    /** Finishes the session now, as the response is about to commit with its current status. */
    void beforeCommit() {
        if (!state.isFinished()) {
            state.beforeCommit(getStatus());
        }
    }

    /** Counts {@code bytes} about to be written and finishes the session if they may commit the response. */
    void beforeWrite(long bytes) {
        if (state.isFinished()) {
            return;
        }
        written += bytes;
        int buffer = getBufferSize();
        if ((contentLength > 0 && written >= contentLength) || (buffer > 0 && written >= buffer)) {
            beforeCommit();
        }
    }

    @Override
    public void sendError(int sc, String msg) throws IOException {
        if (!state.isFinished() && !isCommitted()) {
            state.beforeCommit(sc);
        }
        if (!state.isAborted()) {
            super.sendError(sc, msg);
        }
    }

    @Override
    public void sendError(int sc) throws IOException {
        if (!state.isFinished() && !isCommitted()) {
            state.beforeCommit(sc);
        }
        if (!state.isAborted()) {
            super.sendError(sc);
        }
    }

    @Override
    public void sendRedirect(String location) throws IOException {
        if (!state.isFinished() && !isCommitted()) {
            state.beforeCommit(SC_FOUND);
        }
        if (!state.isAborted()) {
            super.sendRedirect(location);
        }
    }

    @Override
    public void flushBuffer() throws IOException {
        beforeCommit();
        if (!state.isAborted()) {
            super.flushBuffer();
        }
    }

    @Override
    public ServletOutputStream getOutputStream() throws IOException {
        CommitAwareOutputStream s = stream;
        if (s == null) {
            s = new CommitAwareOutputStream(super.getOutputStream(), this);
            stream = s;
        }
        return s;
    }

    @Override
    public PrintWriter getWriter() throws IOException {
        CommitAwarePrintWriter w = writer;
        if (w == null) {
            w = new CommitAwarePrintWriter(super.getWriter(), this, maxBytesPerChar(getCharacterEncoding()));
            writer = w;
        }
        return w;
    }

    @Override
    public void setContentLength(int len) {
        super.setContentLength(len);
        declareLength(len);
    }

    @Override
    public void setContentLengthLong(long len) {
        super.setContentLengthLong(len);
        declareLength(len);
    }

    @Override
    public void setHeader(String name, String value) {
        super.setHeader(name, value);
        lengthHeader(name, value);
    }

    @Override
    public void addHeader(String name, String value) {
        super.addHeader(name, value);
        lengthHeader(name, value);
    }

    @Override
    public void setIntHeader(String name, int value) {
        super.setIntHeader(name, value);
        lengthHeader(name, Integer.toString(value));
    }

    @Override
    public void addIntHeader(String name, int value) {
        super.addIntHeader(name, value);
        lengthHeader(name, Integer.toString(value));
    }

    @Override
    public void reset() {
        super.reset();
        written = 0;
        contentLength = -1;
    }

    @Override
    public void resetBuffer() {
        super.resetBuffer();
        written = 0;
    }

    private void lengthHeader(String name, @Nullable String value) {
        if ("Content-Length".equalsIgnoreCase(name) && value != null) {
            try {
                declareLength(Long.parseLong(value.trim()));
            } catch (NumberFormatException e) {
                // Not a length the container will honour either.
            }
        }
    }

    private void declareLength(long len) {
        contentLength = len;
        beforeWrite(0);
    }

    private static float maxBytesPerChar(@Nullable String encoding) {
        try {
            return encoding == null ? 1f : Charset.forName(encoding).newEncoder().maxBytesPerChar();
        } catch (IllegalCharsetNameException | UnsupportedCharsetException
                | UnsupportedOperationException e) {
            return 4f;
        }
    }
}
