package dev.cloakroom.internal;

import dev.cloakroom.signing.UnreadablePayloadException;
import java.util.Arrays;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * zlib streams (RFC 1950) as Python's {@code zlib.compress} / {@code zlib.decompress} make and read, with a
 * hard bound on what a stream inflates to: for signed data and for the encrypted cookie.
 */
public final class Zlib {

    private static final int MIN_BUFFER = 256;

    /*
     * Setting up a zlib stream costs more than compressing a small session (a deflater allocates about
     * 256 KiB of native state), so finished ones are reset and kept for reuse. The pools are bounded:
     * beyond them a deflater or inflater is simply ended, so native memory stays small with any number
     * of threads. A reset stream produces exactly the bytes a new one would.
     */
    private static final int POOL_SIZE = 2 * Runtime.getRuntime().availableProcessors();
    private static final BlockingQueue<Deflater> DEFLATERS = new ArrayBlockingQueue<>(POOL_SIZE);
    private static final BlockingQueue<Inflater> INFLATERS = new ArrayBlockingQueue<>(POOL_SIZE);

    private Zlib() {
    }

    /** Compresses at zlib's default level with the zlib wrapper, like {@code zlib.compress(data)}. */
    public static byte[] compress(byte[] data) {
        Deflater pooled = DEFLATERS.poll();
        Deflater deflater = pooled != null ? pooled : new Deflater(Deflater.DEFAULT_COMPRESSION);
        try {
            deflater.setInput(data);
            deflater.finish();
            // zlib's deflateBound for the default settings, so one deflate() call normally suffices.
            byte[] out = new byte[data.length + (data.length >> 12) + (data.length >> 14) + 64];
            int length = 0;
            while (!deflater.finished()) {
                if (length == out.length) {
                    out = Arrays.copyOf(out, out.length * 2);
                }
                length += deflater.deflate(out, length, out.length - length);
            }
            return Arrays.copyOf(out, length);
        } finally {
            deflater.reset();
            if (!DEFLATERS.offer(deflater)) {
                deflater.end();
            }
        }
    }

    /**
     * Decompresses one zlib stream, stopping as soon as the output would exceed {@code maxBytes}; the
     * buffer never grows beyond {@code maxBytes + 1}. Data after the end of the stream is ignored, as
     * Python's {@code zlib.decompress} does.
     *
     * @throws UnreadablePayloadException if the stream is invalid, truncated, needs a preset dictionary
     *     or decompresses to more than {@code maxBytes}
     */
    public static byte[] decompress(byte[] data, int maxBytes) throws UnreadablePayloadException {
        Inflater pooled = INFLATERS.poll();
        Inflater inflater = pooled != null ? pooled : new Inflater();
        try {
            inflater.setInput(data);
            int limit = maxBytes + 1;
            byte[] out = new byte[(int) Math.min(Math.max(MIN_BUFFER, 4L * data.length), limit)];
            int length = 0;
            while (!inflater.finished()) {
                if (length == out.length) {
                    if (length >= limit) {
                        throw tooLarge(maxBytes);
                    }
                    out = Arrays.copyOf(out, (int) Math.min(2L * out.length, limit));
                }
                int n = inflater.inflate(out, length, out.length - length);
                length += n;
                if (n == 0 && !inflater.finished() && length < out.length) {
                    if (inflater.needsDictionary()) {
                        throw new UnreadablePayloadException("zlib stream needs a preset dictionary");
                    }
                    throw new UnreadablePayloadException("Incomplete or truncated zlib stream");
                }
            }
            if (length > maxBytes) {
                throw tooLarge(maxBytes);
            }
            return Arrays.copyOf(out, length);
        } catch (DataFormatException e) {
            throw new UnreadablePayloadException("Invalid zlib stream: " + e.getMessage(), e);
        } finally {
            inflater.reset();
            if (!INFLATERS.offer(inflater)) {
                inflater.end();
            }
        }
    }

    private static UnreadablePayloadException tooLarge(int maxBytes) {
        return new UnreadablePayloadException("Decompressed payload exceeds " + maxBytes + " bytes");
    }
}
