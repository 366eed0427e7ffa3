package dev.cloakroom.signing;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cloakroom.internal.Zlib;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class ZlibTest {

    @Test
    void compressGivesPythonsZlibBytes() {
        // zlib.compress(b'{"count":1}') as Python computes it.
        assertThat(HexFormat.of().formatHex(Zlib.compress("{\"count\":1}".getBytes(ISO_8859_1))))
                .isEqualTo("789cab564ace2fcd2b51b232ac050017bb03d1");
    }

    @Test
    void decompressGivesBackTheInput() throws Exception {
        byte[] data = "abc".repeat(10_000).getBytes(ISO_8859_1);

        assertThat(Zlib.decompress(Zlib.compress(data), data.length)).isEqualTo(data);
        assertThat(Zlib.decompress(Zlib.compress(new byte[0]), 1)).isEmpty();
    }

    @Test
    void decompressIgnoresDataAfterTheStreamLikePython() throws Exception {
        byte[] deflated = Zlib.compress("{\"a\":1}".getBytes(ISO_8859_1));
        byte[] withGarbage = Arrays.copyOf(deflated, deflated.length + 7);

        assertThat(new String(Zlib.decompress(withGarbage, 100), ISO_8859_1)).isEqualTo("{\"a\":1}");
    }

    @Test
    void decompressOverLimitThrowsNamingTheLimit() {
        byte[] deflated = Zlib.compress(new byte[1001]);

        assertThatThrownBy(() -> Zlib.decompress(deflated, 1000))
                .isExactlyInstanceOf(UnreadablePayloadException.class)
                .hasMessage("Decompressed payload exceeds 1000 bytes");
    }

    @Test
    void decompressTruncatedStreamThrows() {
        byte[] deflated = Zlib.compress(new byte[5000]);

        for (int length = 0; length < deflated.length; length++) {
            byte[] truncated = Arrays.copyOf(deflated, length);
            assertThatThrownBy(() -> Zlib.decompress(truncated, 10_000))
                    .as("first %d bytes", length)
                    .isExactlyInstanceOf(UnreadablePayloadException.class);
        }
    }
}
