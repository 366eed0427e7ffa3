package dev.cloakroom.signing;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.cloakroom.internal.Zlib;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;

/**
 * Fuzzes {@link ObjectSigner#loads}, Django's {@code signing.loads}.
 *
 * <p>Documented behaviour: {@code loads} returns the value or throws exactly one of
 * {@link BadSignatureException} (with its subclass {@link SignatureExpiredException}) and
 * {@link UnreadablePayloadException}; no other exception, and no message holding the secret key. A
 * payload under a valid signature never gives {@code BadSignatureException}, and one that decompresses
 * past the limit gives {@code UnreadablePayloadException}.
 *
 * <p>The first input byte picks what the rest is: a whole token as a client could send it (0), a payload
 * signed here with the right key, so that the fuzzer gets past the signature to base64, zlib and JSON (1),
 * or JSON text that is compressed and signed here, to reach the JSON reader behind zlib (2).
 */
class ObjectSignerFuzzTest {

    // The key and time of the Django-made vectors, so that the seed tokens taken from them verify.
    static final String SECRET = "cloakroom-interop-secret-key-0123456789";
    static final Clock CLOCK = Clock.fixed(Instant.ofEpochSecond(1_763_769_600L), ZoneOffset.UTC);
    static final int LIMIT = 4096;

    private final ObjectSigner signer = new ObjectSigner(SecretKey.of(SECRET), Salts.SESSION, CLOCK, LIMIT);
    private final TimestampSigner timestampSigner =
            new TimestampSigner(SecretKey.of(SECRET), Salts.SESSION, CLOCK);

    @FuzzTest
    void loadsReturnsAValueOrADocumentedException(byte[] input) {
        if (input.length == 0) {
            return;
        }
        int mode = (input[0] & 0xff) % 3;
        Duration maxAge = (input[0] & 0x80) == 0 ? null : Duration.ofDays(14);
        byte[] rest = Arrays.copyOfRange(input, 1, input.length);
        String token = switch (mode) {
            case 0 -> new String(rest, StandardCharsets.UTF_8);
            case 1 -> timestampSigner.sign(new String(rest, StandardCharsets.ISO_8859_1));
            default -> timestampSigner.sign("." + Base64Url.encode(Zlib.compress(rest)));
        };
        try {
            ObjectSigner.Loaded loaded = signer.loads(token, maxAge);
            assertThat(mode != 2 || rest.length <= LIMIT).as("over the limit, yet loaded").isTrue();
            // What loads returns is a JSON tree that dumps and loads back to itself.
            Object again = signer.loads(signer.dumps(loaded.value(), true), maxAge).value();
            assertThat(again).isEqualTo(loaded.value());
        } catch (SignatureExpiredException e) {
            throw new AssertionError("no token signed at the fixed clock is 14 days old", e);
        } catch (BadSignatureException e) {
            assertThat(mode).as("a token signed with the key was rejected: %s", e.getMessage()).isZero();
            assertNoSecret(e);
        } catch (UnreadablePayloadException e) {
            assertThat(mode).as("a payload behind a forged signature was read").isNotZero();
            assertNoSecret(e);
        }
    }

    static void assertNoSecret(Exception e) {
        assertThat(e.getMessage()).isNotNull().doesNotContain(SECRET);
    }
}
