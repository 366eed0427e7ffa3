package dev.cloakroom.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cloakroom.ClientSideEngine.CookieSession;
import dev.cloakroom.SessionSettings;
import dev.cloakroom.SessionTooLargeException;
import dev.cloakroom.testkit.LogCapture;
import dev.cloakroom.testkit.MutableClock;
import dev.cloakroom.internal.SecurityLog;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.Deflater;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/** The encrypted cookie value itself: its format, and every way a bad one must fail quietly. */
class EncryptedCookieTokensTest {

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder UNB64 = Base64.getUrlDecoder();
    private static final String REJECTED = "WARN Rejected an encrypted session cookie: ";

    private final MutableClock clock = MutableClock.at(Instant.parse("2024-01-01T00:00:00Z"));
    private final SessionSettings settings =
            SessionSettings.builder().secretKey("tokens-secret").clock(clock).build();
    private final EncryptionKeyRing.Key oldKey = EncryptionKeyRing.Key.of("old", bytes(1));
    private final EncryptionKeyRing.Key newKey = EncryptionKeyRing.Key.of("new", bytes(2));

    private static byte[] bytes(int seed) {
        byte[] key = new byte[EncryptionKeyRing.KEY_BYTES];
        Arrays.fill(key, (byte) seed);
        key[0] = (byte) (seed * 31 + 7);
        return key;
    }

    private EncryptedCookieEngine engine(EncryptionKeyRing.Key current, EncryptionKeyRing.Key... older) {
        return EncryptedCookieEngine.create(settings, EncryptionKeyRing.of(current, older));
    }

    /** Reads {@code token}, asserting it is rejected with exactly one WARN that does not quote it. */
    private static void assertRejected(EncryptedCookieEngine engine, String token, String reason) {
        try (LogCapture log = LogCapture.of(SecurityLog.NAME)) {
            assertThat(engine.read(token)).as("%s", token).isEmpty();
            assertThat(log.lines()).as("%s", token).singleElement().asString().startsWith(REJECTED)
                    .contains(reason);
            if (token.length() > 8) {
                assertThat(log.lines().get(0)).doesNotContain(token);
            }
        }
    }

    /** The version, key id and payload of a token. */
    private static String[] parts(String token) {
        String[] parts = token.split("\\.", -1);
        assertThat(parts).hasSize(3);
        return parts;
    }

    /** Seals {@code plaintext} the documented way with javax.crypto alone: the format, written twice. */
    private static String seal(String keyId, byte[] key, String cookieName, byte[] nonce, byte[] plaintext)
            throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, nonce));
        cipher.updateAAD(("1." + keyId + "." + cookieName).getBytes(StandardCharsets.UTF_8));
        byte[] sealed = cipher.doFinal(plaintext);
        return "1." + keyId + "." + B64.encodeToString(ByteBuffer.allocate(nonce.length + sealed.length)
                .put(nonce).put(sealed).array());
    }

    private static byte[] plaintext(int flag, byte[] body) {
        return ByteBuffer.allocate(1 + body.length).put((byte) flag).put(body).array();
    }

    private static byte[] json(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    // ------------------------------------------------------------ format

    @Test
    void roundTripKeepsDataAndWrittenAtToTheSecond() {
        clock.set(Instant.parse("2024-01-01T00:00:00.750Z"));
        EncryptedCookieEngine engine = engine(newKey);
        Map<String, Object> data = Map.of("user", "alice", "cart", List.of(3, 5), "admin", false);
        Optional<CookieSession> read = engine.read(engine.write(data));
        assertThat(read).isPresent();
        assertThat(read.get().data()).isEqualTo(data);
        assertThat(read.get().writtenAt()).isEqualTo(Instant.parse("2024-01-01T00:00:00Z"));
    }

    /** A token written by the documented recipe (and nothing of the engine's) reads; and the other way. */
    @Test
    void wireFormatIsTheDocumentedOne() throws GeneralSecurityException {
        EncryptedCookieEngine engine = engine(newKey);
        byte[] nonce = HexFormat.of().parseHex("00112233445566778899aabb");
        String token = seal("new", bytes(2), "sessionid", nonce,
                plaintext(0, json("{\"t\":1704067200,\"d\":{\"user\":\"alice\"}}")));
        Optional<CookieSession> read = engine.read(token);
        assertThat(read).isPresent();
        assertThat(read.get().data()).isEqualTo(Map.of("user", "alice"));
        assertThat(read.get().writtenAt()).isEqualTo(clock.instant());

        String written = engine.write(Map.of("user", "alice"));
        assertThat(written).matches("1\\.new\\.[A-Za-z0-9_-]+");
        byte[] sealed = UNB64.decode(parts(written)[2]);
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(bytes(2), "AES"),
                new GCMParameterSpec(128, sealed, 0, 12));
        cipher.updateAAD("1.new.sessionid".getBytes(StandardCharsets.UTF_8));
        byte[] opened = cipher.doFinal(sealed, 12, sealed.length - 12);
        assertThat(opened).isEqualTo(plaintext(0, json("{\"t\":1704067200,\"d\":{\"user\":\"alice\"}}")));
    }

    @Test
    void dataIsNotReadableInTheToken() {
        String secret = "top-secret-value-0123456789";
        for (EncryptedCookieEngine engine : List.of(engine(newKey), engine(newKey).withCompression())) {
            String token = engine.write(Map.of("card", secret, "note", secret));
            assertThat(engine.read(token)).isPresent();
            String sealed = new String(UNB64.decode(parts(token)[2]), StandardCharsets.ISO_8859_1);
            assertThat(token).doesNotContain("top-secret").doesNotContain("card");
            assertThat(sealed).doesNotContain("top-secret").doesNotContain("card");
            for (int shift = 0; shift < 3; shift++) { // base64 of the secret at each alignment
                byte[] shifted = secret.substring(shift).getBytes(StandardCharsets.US_ASCII);
                String encoded = B64.encodeToString(shifted);
                assertThat(token).doesNotContain(encoded.substring(0, 12));
            }
        }
    }

    // ------------------------------------------------------------ tampering and truncation

    @Test
    void flippingAnyBitOfNonceCiphertextOrTagIsRejected() {
        EncryptedCookieEngine engine = engine(newKey);
        String token = engine.write(Map.of("admin", false));
        String prefix = "1.new.";
        byte[] sealed = UNB64.decode(parts(token)[2]);
        int tagStart = sealed.length - 16;
        assertThat(tagStart).as("a ciphertext between nonce and tag").isGreaterThan(12);
        for (int i = 0; i < sealed.length; i++) { // nonce [0, 12), ciphertext, tag [tagStart, end)
            for (int bit = 0; bit < 8; bit++) {
                byte[] flipped = sealed.clone();
                flipped[i] ^= (byte) (1 << bit);
                assertRejected(engine, prefix + B64.encodeToString(flipped), "fails authentication");
            }
        }
        assertThat(engine.read(token)).isPresent();
    }

    @Test
    void changingVersionOrKeyIdIsRejected() {
        EncryptedCookieEngine engine = engine(newKey, oldKey);
        String token = engine.write(Map.of("admin", false));
        String[] parts = parts(token);
        for (String version : List.of("0", "2", "", "11", "v1", "1 ")) {
            assertRejected(engine, version + "." + parts[1] + "." + parts[2], "format version");
        }
        for (String id : List.of("neW", "ne", "new0", "", "ol")) {
            assertRejected(engine, parts[0] + "." + id + "." + parts[2], "key id is not on the key ring");
        }
        // The other key on the ring: the id is known, but neither key nor associated data match.
        assertRejected(engine, parts[0] + ".old." + parts[2], "fails authentication");
    }

    /** Any single character of the token replaced by another gives a rejection, wherever it is. */
    @Test
    void everySingleCharacterSubstitutionIsRejected() {
        EncryptedCookieEngine engine = engine(newKey);
        String token = engine.write(Map.of("n", 1));
        for (int i = 0; i < token.length(); i++) {
            for (char c : new char[] {'A', 'B', 'g', '_', '-', '.', '1'}) {
                if (token.charAt(i) != c) {
                    String changed = token.substring(0, i) + c + token.substring(i + 1);
                    try (LogCapture log = LogCapture.of(SecurityLog.NAME)) {
                        assertThat(engine.read(changed)).as("%d %s", i, c).isEmpty();
                        assertThat(log.lines()).singleElement().asString().startsWith(REJECTED);
                    }
                }
            }
        }
    }

    /** One token has one spelling: padding, or other values of base64's unused low bits, are rejected. */
    @Test
    void otherSpellingsOfTheSameBytesAreRejected() {
        EncryptedCookieEngine engine = engine(newKey);
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        for (String value : List.of("", "x", "xx")) { // sealed lengths of each remainder modulo 3
            String token = engine.write(Map.of("v", value));
            int remainder = UNB64.decode(parts(token)[2]).length % 3;
            if (remainder == 0) {
                continue;
            }
            int last = token.length() - 1;
            char lowBitChanged = alphabet.charAt(alphabet.indexOf(token.charAt(last)) ^ 1);
            String respelled = token.substring(0, last) + lowBitChanged;
            assertThat(UNB64.decode(parts(respelled)[2])).isEqualTo(UNB64.decode(parts(token)[2]));
            assertRejected(engine, respelled, "not canonical");
            assertRejected(engine, token + (remainder == 1 ? "==" : "="), "not canonical");
            assertThat(engine.read(token)).isPresent();
        }
    }

    @Test
    void truncationAtEveryLengthIsRejected() {
        EncryptedCookieEngine engine = engine(newKey);
        String token = engine.write(Map.of("user", "alice"));
        for (int length = 0; length < token.length(); length++) {
            try (LogCapture log = LogCapture.of(SecurityLog.NAME)) {
                assertThat(engine.read(token.substring(0, length))).as("%d", length).isEmpty();
                assertThat(log.lines()).as("%d", length).singleElement().asString().startsWith(REJECTED);
            }
        }
        byte[] sealed = UNB64.decode(parts(token)[2]);
        for (int length = 0; length < sealed.length; length++) { // whole bytes cut off the end
            String cut = "1.new." + B64.encodeToString(Arrays.copyOf(sealed, length));
            assertRejected(engine, cut, length < 28 ? "shorter than a nonce and a tag"
                    : "fails authentication");
        }
        for (String longer : List.of("A", "AA", "AAA", "AAAA", "=", "==")) { // reasons depend on the length
            assertRejected(engine, token + longer, "");
        }
        assertRejected(engine, token + ".x", "three parts");
    }

    /** A token sealed correctly for another cookie name (the associated data) does not open here. */
    @Test
    void tokenForAnotherCookieNameIsRejected() {
        SessionSettings other = settings.toBuilder().cookieName("othercookie").build();
        String token = EncryptedCookieEngine.create(other, EncryptionKeyRing.of(newKey))
                .write(Map.of("a", 1));
        assertRejected(engine(newKey), token, "fails authentication");
    }

    @Test
    void authenticPlaintextsThatAreNotASessionAreRejected() throws GeneralSecurityException {
        EncryptedCookieEngine engine = engine(newKey);
        Deflater deflater = new Deflater();
        byte[] cut = new byte[64];
        deflater.setInput(json("{\"t\":1704067200,\"d\":{\"user\":\"alice\"}}"));
        deflater.finish();
        int n = deflater.deflate(cut);
        deflater.end();
        List<Map.Entry<byte[], String>> bad = new ArrayList<>(); // plaintext → the reason logged
        bad.add(Map.entry(new byte[0], "known flag"));
        bad.add(Map.entry(plaintext(2, json("{\"t\":1704067200,\"d\":{}}")), "known flag"));
        bad.add(Map.entry(plaintext(0, json("not json")), "not JSON"));
        bad.add(Map.entry(plaintext(0, json("{\"t\":1704067200,\"d\":{}} trailing")), "not JSON"));
        bad.add(Map.entry(plaintext(0, json("[1704067200,{}]")), "data object"));
        bad.add(Map.entry(plaintext(0, json("{\"t\":1704067200,\"d\":[]}")), "data object"));
        bad.add(Map.entry(plaintext(0, json("{\"t\":1704067200}")), "data object"));
        bad.add(Map.entry(plaintext(0, json("{\"d\":{}}")), "written-at"));
        bad.add(Map.entry(plaintext(0, json("{\"t\":\"1704067200\",\"d\":{}}")), "written-at"));
        bad.add(Map.entry(plaintext(0, json("{\"t\":1704067200.0,\"d\":{}}")), "written-at"));
        bad.add(Map.entry(plaintext(0, json("{\"t\":99999999999999999999,\"d\":{}}")), "written-at"));
        bad.add(Map.entry(plaintext(0, json("{\"t\":9223372036854775807,\"d\":{}}")), "written-at"));
        bad.add(Map.entry(plaintext(1, json("{\"t\":1704067200,\"d\":{}}")),
                "compressed data is unreadable"));
        bad.add(Map.entry(plaintext(1, Arrays.copyOf(cut, n - 3)), "compressed data is unreadable"));
        int nonce = 0;
        for (Map.Entry<byte[], String> e : bad) {
            byte[] iv = ByteBuffer.allocate(12).putInt(8, ++nonce).array();
            assertRejected(engine, seal("new", bytes(2), "sessionid", iv, e.getKey()), e.getValue());
        }
        byte[] iv = ByteBuffer.allocate(12).putInt(8, ++nonce).array();
        assertThat(engine.read(seal("new", bytes(2), "sessionid", iv, plaintext(1, Arrays.copyOf(cut, n)))))
                .map(CookieSession::data).contains(Map.of("user", "alice"));
    }

    @Test
    void garbageIsRejectedWithoutThrowing() {
        EncryptedCookieEngine engine = engine(newKey);
        for (String garbage : List.of("", ".", "..", "1..", "1.new.", "1.new.AAAA", "1.new.!!!!", "e30:1:x",
                "1.new.\u00e9\u00e9", "1.new.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "x".repeat(9000))) {
            try (LogCapture log = LogCapture.of(SecurityLog.NAME)) {
                assertThat(engine.read(garbage)).as(garbage).isEmpty();
                assertThat(log.lines()).as(garbage).singleElement().asString().startsWith(REJECTED);
            }
        }
    }

    // ------------------------------------------------------------ keys and rotation

    @Test
    void tokenUnderAKeyNotOnTheRingIsRejected() {
        String token = engine(oldKey).write(Map.of("user", "alice"));
        assertRejected(engine(newKey), token, "key id is not on the key ring");
        // Same id, different key: the id is found, the tag fails.
        EncryptionKeyRing.Key impostor = EncryptionKeyRing.Key.of("old", bytes(3));
        assertRejected(engine(impostor), token, "fails authentication");
    }

    @Test
    void rotationReadsOldKeyTokensAndWritesUnderTheNewKey() {
        String oldToken = engine(oldKey).write(Map.of("user", "alice"));
        EncryptedCookieEngine rotated = engine(newKey, oldKey);
        Optional<CookieSession> read = rotated.read(oldToken);
        assertThat(read).map(CookieSession::data).contains(Map.of("user", "alice"));
        String next = rotated.write(read.orElseThrow().data());
        assertThat(parts(next)[1]).isEqualTo("new");
        assertThat(engine(newKey).read(next)).map(CookieSession::data).contains(Map.of("user", "alice"));
        assertRejected(engine(oldKey), next, "key id is not on the key ring");
    }

    @Test
    void replayAfterTheOldKeyIsRemovedIsRejected() {
        String oldToken = engine(oldKey).write(Map.of("user", "alice"));
        assertThat(engine(newKey, oldKey).read(oldToken)).isPresent();
        assertRejected(engine(newKey), oldToken, "key id is not on the key ring");
    }

    // ------------------------------------------------------------ age and size

    @Test
    void tokenExpiresWhenTheClockPassesCookieAge() {
        EncryptedCookieEngine engine = engine(newKey);
        String token = engine.write(Map.of("user", "alice"));
        clock.advance(settings.cookieAge());
        assertThat(engine.read(token)).isPresent();
        clock.advance(Duration.ofSeconds(1));
        assertRejected(engine, token, "expired");
    }

    /** Up to 4096 bytes of {@code name=value} a cookie is written; one byte more, never. */
    @Test
    void cookieOverFourKilobytesFailsAtWriteNamingTheSize() {
        EncryptedCookieEngine engine = engine(newKey);
        int fitted = 0;
        int tooLarge = 0;
        for (int n = 2900; n < 3100; n++) {
            try {
                String token = engine.write(Map.of("v", "x".repeat(n)));
                assertThat(tooLarge).as("a larger session never fits where a smaller did not").isZero();
                assertThat("sessionid=".length() + token.length()).isLessThanOrEqualTo(4096);
                fitted++;
            } catch (SessionTooLargeException e) {
                tooLarge++;
                Matcher size = Pattern.compile("would be (\\d+) bytes").matcher(e.getMessage());
                assertThat(size.find()).isTrue();
                assertThat(Integer.parseInt(size.group(1))).isGreaterThan(4096);
                assertThat(e.getMessage()).contains("4096 bytes browsers keep").contains("withCompression()");
            }
        }
        assertThat(fitted).isPositive();
        assertThat(tooLarge).isPositive();
        String compressible = "x".repeat(20_000);
        assertThatThrownBy(() -> engine.write(Map.of("v", compressible)))
                .isInstanceOf(SessionTooLargeException.class);
        assertThat(engine.withCompression().read(engine.withCompression().write(Map.of("v", compressible))))
                .map(CookieSession::data).contains(Map.of("v", compressible));
    }

    @Test
    void compressionIsOffUnlessTurnedOnAndBoundedWhenReading() {
        EncryptedCookieEngine plain = engine(newKey);
        EncryptedCookieEngine compressing = plain.withCompression();
        Map<String, Object> data = Map.of("zeros", "0".repeat(60 * 1024));
        String small = compressing.write(data);
        assertThat(small.length()).isLessThan(1000);
        assertThat(plain.read(small)).map(CookieSession::data).contains(data);
        assertThat(plain.write(Map.of("v", "a".repeat(500))).length()).isGreaterThan(500);
        assertThat(compressing.write(Map.of("v", "a".repeat(500))).length()).isLessThan(200);

        SessionSettings tiny = settings.toBuilder().maxDecompressedBytes(16 * 1024).build();
        EncryptedCookieEngine bounded = EncryptedCookieEngine.create(tiny, EncryptionKeyRing.of(newKey));
        assertRejected(bounded, small, "exceeds 16384 bytes");
    }

    // ------------------------------------------------------------ nonces

    /**
     * A million tokens from two threads, a million different nonces. Each nonce's first 8 bytes are kept
     * (8 MB); two equal ones would fail the test, which is stricter than comparing all 12.
     */
    @Test
    void noncesAreUniqueOverAMillionTokens() throws Exception {
        EncryptedCookieEngine engine = engine(newKey);
        int perThread = 500_000;
        long[] prefixes = new long[2 * perThread];
        Map<String, Object> empty = Map.of();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 2; t++) {
                int offset = t * perThread;
                done.add(pool.submit(() -> {
                    for (int i = 0; i < perThread; i++) {
                        String token = engine.write(empty);
                        // The 16 characters after "1.new." are exactly the 12 nonce bytes.
                        byte[] nonce = UNB64.decode(token.substring(6, 22));
                        prefixes[offset + i] = ByteBuffer.wrap(nonce).getLong();
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        Arrays.sort(prefixes);
        for (int i = 1; i < prefixes.length; i++) {
            if (prefixes[i] == prefixes[i - 1]) {
                throw new AssertionError("Nonce prefix repeated: " + Long.toHexString(prefixes[i]));
            }
        }
        assertThat(prefixes[0]).isNotEqualTo(prefixes[prefixes.length - 1]);
    }
}
