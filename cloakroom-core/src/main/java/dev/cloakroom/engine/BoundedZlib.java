package dev.cloakroom.engine;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.zip.Deflater;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;

/** zlib streams (RFC 1950) for the encrypted cookie, with a hard bound on what a stream inflates to. */
final class BoundedZlib {

    private BoundedZlib() {
    }

    /** Compresses {@code data} at zlib's default level. */
    static byte[] compress(byte[] data) {
        Deflater deflater = new Deflater();
        try {
            deflater.setInput(data);
            deflater.finish();
            byte[] out = new byte[data.length + 64];
            int length = 0;
            while (!deflater.finished()) {
                if (length == out.length) {
                    out = Arrays.copyOf(out, out.length * 2);
                }
                length += deflater.deflate(out, length, out.length - length);
            }
            return Arrays.copyOf(out, length);
        } finally {
            deflater.end();
        }
    }

    /**
     * Inflates one zlib stream, reading at most {@code maxBytes + 1} bytes of output.
     *
     * @throws IOException if the stream is invalid or truncated, or inflates to more than {@code maxBytes}
     */
    static byte[] decompress(byte[] data, int maxBytes) throws IOException {
        Inflater inflater = new Inflater();
        try (InputStream in = new InflaterInputStream(new ByteArrayInputStream(data), inflater)) {
            byte[] out = in.readNBytes(maxBytes + 1);
            if (out.length > maxBytes) {
                throw new IOException("it inflates to more than " + maxBytes + " bytes");
            }
            return out;
        } finally {
            inflater.end();
        }
    }
}
