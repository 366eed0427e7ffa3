package dev.cloakroom.servlet;

import java.io.PrintWriter;

/**
 * The container's writer, telling {@link CommitAwareResponse} before anything may commit the response.
 * {@link PrintWriter}'s print, format and append methods all end in the {@code write} methods overridden
 * here, except {@code println()}, which is overridden too.
 */
final class CommitAwarePrintWriter extends PrintWriter {

    private final CommitAwareResponse response;
    private final float bytesPerChar;

    CommitAwarePrintWriter(PrintWriter delegate, CommitAwareResponse response, float bytesPerChar) {
        super(delegate, false);
        this.response = response;
        this.bytesPerChar = bytesPerChar;
    }

    private boolean before(int chars) {
        response.beforeWrite((long) Math.ceil(chars * (double) bytesPerChar));
        return !response.state().isAborted();
    }

    @Override
    public void write(int c) {
        if (before(1)) {
            super.write(c);
        }
    }

    @Override
    public void write(char[] buf, int off, int len) {
        if (before(len)) {
            super.write(buf, off, len);
        }
    }

    @Override
    public void write(String s, int off, int len) {
        if (before(len)) {
            super.write(s, off, len);
        }
    }

    @Override
    public void println() {
        write(System.lineSeparator());
    }

    @Override
    public void flush() {
        response.beforeCommit();
        if (!response.state().isAborted()) {
            super.flush();
        }
    }

    @Override
    public void close() {
        response.beforeCommit();
        if (!response.state().isAborted()) {
            super.close();
        }
    }
}
