package dev.cloakroom.signing;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.cloakroom.internal.Zlib;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.zip.InflaterInputStream;

/**
 * Fuzzes {@link Zlib#decompress} and its size limit against the JDK's {@link InflaterInputStream}.
 *
 * <p>Documented behaviour: {@code decompress(data, max)} returns at most {@code max} bytes, exactly what
 * the stream inflates to, or throws {@link UnreadablePayloadException} (invalid, truncated, needs a preset
 * dictionary, or inflates past {@code max}); nothing else, and never more memory than {@code max + 1}
 * bytes of output (the fuzzing JVM's heap is small: an {@link OutOfMemoryError} is a finding).
 *
 * <p>The first two input bytes are the limit (1 to 65,536); the rest is the compressed data.
 */
class ZlibFuzzTest {

    @FuzzTest
    void decompressReturnsTheStreamOrUnreadable(byte[] input) throws IOException {
        if (input.length < 2) {
            return;
        }
        int max = 1 + ((input[0] & 0xff) << 8 | (input[1] & 0xff));
        byte[] data = Arrays.copyOfRange(input, 2, input.length);
        byte[] expected = reference(data, max);
        try {
            byte[] out = Zlib.decompress(data, max);
            assertThat(out.length).isLessThanOrEqualTo(max);
            assertThat(expected).as("the JDK's stream reader failed where decompress did not").isNotNull();
            assertThat(out).isEqualTo(expected);
        } catch (UnreadablePayloadException e) {
            String why = e.getMessage();
            if (why.startsWith("Decompressed payload exceeds ")) {
                assertThat(expected).isNotNull();
                assertThat(expected.length).isGreaterThan(max);
            } else if (why.equals("zlib stream needs a preset dictionary")) {
                assertThat(expected).isNotNull().isEmpty();
            } else {
                assertThat(why).matches("(?s)Incomplete or truncated zlib stream|Invalid zlib stream: .*");
                assertThat(expected).isNull();
            }
        }
    }

    /**
     * Up to {@code max + 1} bytes of the inflated stream, or null if the JDK's reader finds it invalid or
     * truncated. (It reads a stream that needs a dictionary as empty.)
     */
    private static byte[] reference(byte[] data, int max) {
        try (InputStream in = new InflaterInputStream(new ByteArrayInputStream(data))) {
            return in.readNBytes(max + 1);
        } catch (IOException e) {
            return null;
        }
    }
}
