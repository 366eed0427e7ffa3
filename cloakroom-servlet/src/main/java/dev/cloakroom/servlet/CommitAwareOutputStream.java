package dev.cloakroom.servlet;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import java.io.IOException;

/** The container's output stream, telling {@link CommitAwareResponse} before anything may commit it. */
final class CommitAwareOutputStream extends ServletOutputStream {

    private final ServletOutputStream delegate;
    private final CommitAwareResponse response;

    CommitAwareOutputStream(ServletOutputStream delegate, CommitAwareResponse response) {
        this.delegate = delegate;
        this.response = response;
    }

    @Override
    public void write(int b) throws IOException {
        response.beforeWrite(1);
        if (!response.state().isAborted()) {
            delegate.write(b);
        }
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        response.beforeWrite(len);
        if (!response.state().isAborted()) {
            delegate.write(b, off, len);
        }
    }

    @Override
    public void flush() throws IOException {
        response.beforeCommit();
        if (!response.state().isAborted()) {
            delegate.flush();
        }
    }

    @Override
    public void close() throws IOException {
        response.beforeCommit();
        if (!response.state().isAborted()) {
            delegate.close();
        }
    }

    @Override
    public boolean isReady() {
        return delegate.isReady();
    }

    @Override
    public void setWriteListener(WriteListener listener) {
        delegate.setWriteListener(listener);
    }
}
