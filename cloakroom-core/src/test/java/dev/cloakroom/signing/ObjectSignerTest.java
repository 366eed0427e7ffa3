package dev.cloakroom.signing;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cloakroom.internal.Zlib;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ObjectSignerTest {

    private static final SecretKey KEY = SecretKey.of("object-secret");
    private static final String SALT = "object-salt";
    private static final Instant NOW = Instant.ofEpochSecond(1_700_000_000L);
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final int MIB = 1 << 20;

    private final ObjectSigner signer = new ObjectSigner(KEY, SALT, CLOCK);
    private final TimestampSigner rawSigner = new TimestampSigner(KEY, SALT, CLOCK);

    @Test
    void loadsGivesBackWhatDumpsWrote() throws Exception {
        Map<String, Object> session = new LinkedHashMap<>();
        session.put("int", 1);
        session.put("long", 9_007_199_254_740_993L);
        session.put("float", 12.5);
        session.put("text", "Zoë ✓ 😀 \"quoted\"\n");
        session.put("list", List.of(true, false));
        session.put("none", null);

        ObjectSigner.Loaded loaded = signer.loads(signer.dumps(session, true), null);

        assertThat(loaded.value()).isEqualTo(session);
        assertThat(loaded.timestamp()).isEqualTo(NOW);
    }

    @Test
    void dumpsCompressesOnlyWhenThatSavesTwoBytes() throws Exception {
        String small = signer.dumps(Map.of("count", 1), true);
        String large = signer.dumps(Map.of("padding", "x".repeat(500)), true);

        assertThat(small).startsWith("eyJjb3VudCI6MX0:");
        assertThat(large).startsWith(".eJ");
        assertThat(signer.dumps(Map.of("padding", "x".repeat(500)), false)).doesNotStartWith(".");
        assertThat(signer.loads(large, null).value()).isEqualTo(Map.of("padding", "x".repeat(500)));
    }

    @Test
    void loadsOlderThanMaxAgeThrowsSignatureExpired() {
        String token = signer.dumps("value", false);
        ObjectSigner later = new ObjectSigner(KEY, SALT, Clock.offset(CLOCK, Duration.ofSeconds(61)));

        assertThatThrownBy(() -> later.loads(token, Duration.ofMinutes(1)))
                .isExactlyInstanceOf(SignatureExpiredException.class);
    }

    @Test
    void loadsAcceptsTokenSignedWithFallbackKey() throws Exception {
        String oldToken = new ObjectSigner(SecretKey.of("retired"), SALT, CLOCK).dumps(Map.of("a", 1), true);
        SecretKey rotatedKey = new SecretKey("object-secret", List.of("retired"));
        ObjectSigner rotated = new ObjectSigner(rotatedKey, SALT, CLOCK);

        assertThat(rotated.loads(oldToken, null).value()).isEqualTo(Map.of("a", 1));
        assertThatThrownBy(() -> signer.loads(oldToken, null))
                .isExactlyInstanceOf(BadSignatureException.class);
    }

    @Test
    void loadsDecompressionBombThrowsQuicklyWithoutInflatingItAll() {
        byte[] bomb = Zlib.compress(new byte[10 * MIB]);
        String token = rawSigner.sign("." + Base64Url.encode(bomb));

        long start = System.nanoTime();
        long allocated = allocatedBytes(() -> assertThatThrownBy(() -> signer.loads(token, null))
                .isExactlyInstanceOf(UnreadablePayloadException.class)
                .hasMessage("Decompressed payload exceeds 1048576 bytes"));

        assertThat(bomb.length).isLessThan(20_000);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
        if (allocated >= 0) {
            assertThat(allocated).isLessThan(4L * MIB);
        }
    }

    @Test
    void loadsAcceptsPayloadOfExactlyTheLimit() throws Exception {
        ObjectSigner small = new ObjectSigner(KEY, SALT, CLOCK, 100);
        String exactly = small.dumps("x".repeat(98), true);
        String over = small.dumps("x".repeat(99), true);

        assertThat(exactly).startsWith(".");
        assertThat(small.loads(exactly, null).value()).isEqualTo("x".repeat(98));
        assertThatThrownBy(() -> small.loads(over, null))
                .isExactlyInstanceOf(UnreadablePayloadException.class)
                .hasMessage("Decompressed payload exceeds 100 bytes");
    }

    @Test
    void loadsTruncatedZlibStreamThrowsUnreadable() {
        byte[] deflated = Zlib.compress(("\"" + "abc".repeat(100) + "\"").getBytes(ISO_8859_1));
        byte[] truncated = Arrays.copyOf(deflated, deflated.length - 6);
        String token = rawSigner.sign("." + Base64Url.encode(truncated));

        assertThatThrownBy(() -> signer.loads(token, null))
                .isExactlyInstanceOf(UnreadablePayloadException.class)
                .hasMessageContaining("truncated");
    }

    @Test
    void loadsInvalidZlibStreamThrowsUnreadable() {
        String token = rawSigner.sign("." + Base64Url.encode("not zlib at all".getBytes(ISO_8859_1)));

        assertThatThrownBy(() -> signer.loads(token, null))
                .isExactlyInstanceOf(UnreadablePayloadException.class)
                .hasMessageStartingWith("Invalid zlib stream");
    }

    @Test
    void loadsBadBase64InsideValidSignatureThrowsUnreadable() {
        for (String payload : List.of("e30!", "abcde", "e3=0")) {
            String token = rawSigner.sign(payload);

            assertThatThrownBy(() -> signer.loads(token, null))
                    .as(payload)
                    .isExactlyInstanceOf(UnreadablePayloadException.class)
                    .hasMessageStartingWith("Invalid base64 payload");
        }
    }

    @Test
    void loadsAcceptsPaddedBase64() throws Exception {
        assertThat(signer.loads(rawSigner.sign("e30="), null).value()).isEqualTo(Map.of());
    }

    @Test
    void loadsBadJsonInsideValidSignatureThrowsUnreadable() {
        for (String json : List.of("{\"a\":", "{} {}", "{'a': 1}", "")) {
            String token = rawSigner.sign(Base64Url.encode(json.getBytes(ISO_8859_1)));

            assertThatThrownBy(() -> signer.loads(token, null))
                    .as(json)
                    .isExactlyInstanceOf(UnreadablePayloadException.class)
                    .hasMessageStartingWith("Invalid JSON: ");
        }
    }

    @Test
    void loadsReadsPayloadAsLatin1LikeDjango() throws Exception {
        String token = rawSigner.sign(Base64Url.encode(new byte[] {'"', (byte) 0xE9, '"'}));

        assertThat(signer.loads(token, null).value()).isEqualTo("é");
    }

    @Test
    void dumpsUnsupportedValueThrowsIllegalArgument() {
        assertThatThrownBy(() -> signer.dumps(Map.of("when", NOW), true))
                .isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessage("Object of type java.time.Instant is not JSON serializable");
    }

    @Test
    void constructorRejectsNonPositiveLimit() {
        assertThatThrownBy(() -> new ObjectSigner(KEY, SALT, CLOCK, 0))
                .isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxDecompressedBytes");
    }

    @Test
    void toStringShowsNoSecret() {
        assertThat(signer.toString()).contains(SALT).doesNotContain("object-secret");
    }

    /** Runs {@code action} and returns the bytes this thread allocated meanwhile, or -1 if unknown. */
    private static long allocatedBytes(Runnable action) {
        ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        if (!(bean instanceof com.sun.management.ThreadMXBean hotspot)
                || !hotspot.isThreadAllocatedMemorySupported() || !hotspot.isThreadAllocatedMemoryEnabled()) {
            action.run();
            return -1;
        }
        long id = Thread.currentThread().getId();
        long before = hotspot.getThreadAllocatedBytes(id);
        action.run();
        return hotspot.getThreadAllocatedBytes(id) - before;
    }
}
