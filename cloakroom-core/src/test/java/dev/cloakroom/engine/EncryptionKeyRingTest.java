package dev.cloakroom.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cloakroom.ClientSideEngine.CookieSession;
import dev.cloakroom.SessionSettings;
import dev.cloakroom.signing.SecretKey;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class EncryptionKeyRingTest {

    private static final String SECRET = "contract-secret-key";
    /*
     * Computed outside Java, with Python's hashlib and hmac: the AES key is
     * HMAC-SHA256(SHA256(salt + secret), "aes-256-gcm cookie key") (Django's salted_hmac) and its id the
     * URL-safe base64 of the first 6 bytes of SHA256("cloakroom key id " + key).
     */
    private static final String DERIVED_KEY =
            "ad05308807fe5e333776b26ea90ce224e43a1090591ac7d166f036580de7013c";
    private static final String DERIVED_ID = "-8QCOV4z";

    private static byte[] key(int seed) {
        byte[] key = new byte[EncryptionKeyRing.KEY_BYTES];
        Arrays.fill(key, (byte) seed);
        return key;
    }

    @Test
    void keyDerivedFromTheSecretIsDjangosSaltedHmacAndItsIdAHashOfIt() throws Exception {
        EncryptionKeyRing ring = EncryptionKeyRing.fromSecretKey(SecretKey.of(SECRET));
        assertThat(ring.currentId()).isEqualTo(DERIVED_ID);
        assertThat(ring.ids()).containsExactly(DERIVED_ID);

        SessionSettings settings = SessionSettings.builder().secretKey(SECRET).build();
        String token = EncryptedCookieEngine.create(settings).write(Map.of("a", 1));
        assertThat(token).startsWith("1." + DERIVED_ID + ".");
        byte[] sealed = Base64.getUrlDecoder().decode(token.substring(token.lastIndexOf('.') + 1));
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(HexFormat.of().parseHex(DERIVED_KEY), "AES"),
                new GCMParameterSpec(128, sealed, 0, 12));
        cipher.updateAAD(("1." + DERIVED_ID + ".sessionid").getBytes(StandardCharsets.UTF_8));
        String plaintext = new String(cipher.doFinal(sealed, 12, sealed.length - 12), StandardCharsets.UTF_8);
        assertThat(plaintext).startsWith("\0{\"t\":").endsWith(",\"d\":{\"a\":1}}");
    }

    @Test
    void fallbacksBecomeOlderKeysInOrderAndARepeatedSecretCountsOnce() {
        EncryptionKeyRing ring = EncryptionKeyRing.fromSecretKey(
                new SecretKey("new", List.of("old", "new", "old", "older")));
        List<String> ids = ring.ids();
        assertThat(ids).hasSize(3).doesNotHaveDuplicates();
        assertThat(ids.get(0)).isEqualTo(ring.currentId())
                .isEqualTo(EncryptionKeyRing.fromSecretKey(SecretKey.of("new")).currentId());
        assertThat(ids.get(1)).isEqualTo(EncryptionKeyRing.fromSecretKey(SecretKey.of("old")).currentId());
        assertThat(ids.get(2)).isEqualTo(EncryptionKeyRing.fromSecretKey(SecretKey.of("older")).currentId());
        assertThat(ids).allMatch(id -> id.matches("[A-Za-z0-9_-]{8}"));
    }

    @Test
    void explicitKeysKeepTheirIdsAndOrder() {
        EncryptionKeyRing ring = EncryptionKeyRing.of(EncryptionKeyRing.Key.of("k3", key(3)),
                EncryptionKeyRing.Key.of("k2", key(2)), EncryptionKeyRing.Key.of("k1", key(1)));
        assertThat(ring.currentId()).isEqualTo("k3");
        assertThat(ring.ids()).containsExactly("k3", "k2", "k1");
    }

    @Test
    void keysOfTheWrongLengthAreRejectedNamingIdAndLength() {
        for (int length : new int[] {0, 16, 24, 31, 33, 64}) {
            assertThatThrownBy(() -> EncryptionKeyRing.Key.of("k1", new byte[length]))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("An AES-256 key is 32 bytes; key 'k1' has " + length);
        }
    }

    @Test
    void duplicateIdsAreRejected() {
        EncryptionKeyRing.Key one = EncryptionKeyRing.Key.of("same", key(1));
        EncryptionKeyRing.Key two = EncryptionKeyRing.Key.of("same", key(2));
        EncryptionKeyRing.Key other = EncryptionKeyRing.Key.of("other", key(3));
        assertThatThrownBy(() -> EncryptionKeyRing.of(one, two)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'same'").hasMessageContaining("own id");
        assertThatThrownBy(() -> EncryptionKeyRing.of(other, one, two))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'same'");
        assertThatThrownBy(() -> EncryptionKeyRing.of(one, one)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void idsOutsideTheAlphabetOrTooLongAreRejected() {
        for (String id : List.of("", "has.dot", "spa ce", "colon:", "x".repeat(17), "é")) {
            assertThatThrownBy(() -> EncryptionKeyRing.Key.of(id, key(1))).as(id)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1 to 16 characters");
        }
        assertThat(EncryptionKeyRing.Key.of("x".repeat(16), key(1)).id()).hasSize(16);
        assertThat(EncryptionKeyRing.Key.of("A-z_9", key(1)).id()).isEqualTo("A-z_9");
    }

    /** The bytes are copied: changing the caller's array afterwards changes nothing. */
    @Test
    void keyBytesAreCopied() {
        byte[] bytes = key(7);
        EncryptionKeyRing ring = EncryptionKeyRing.of(EncryptionKeyRing.Key.of("k", bytes));
        SessionSettings settings = SessionSettings.builder().secretKey("unused").build();
        String token = EncryptedCookieEngine.create(settings, ring).write(Map.of("a", 1));
        Arrays.fill(bytes, (byte) 0);
        assertThat(EncryptedCookieEngine.create(settings, ring).read(token)).map(CookieSession::data)
                .contains(Map.of("a", 1));
        EncryptionKeyRing zeros = EncryptionKeyRing.of(EncryptionKeyRing.Key.of("k", bytes));
        assertThat(EncryptedCookieEngine.create(settings, zeros).read(token)).isEmpty();
    }

    @Test
    void descriptionsShowIdsButNeverKeys() {
        byte[] bytes = key(0x41);
        EncryptionKeyRing ring = EncryptionKeyRing.of(EncryptionKeyRing.Key.of("k2", bytes),
                EncryptionKeyRing.Key.of("k1", key(0x42)));
        SessionSettings settings = SessionSettings.builder().secretKey("unused").build();
        String hex = HexFormat.of().formatHex(bytes);
        String base64 = Base64.getEncoder().encodeToString(bytes);
        for (Object described : List.of(ring, EncryptionKeyRing.Key.of("k2", bytes),
                EncryptedCookieEngine.create(settings, ring))) {
            assertThat(described.toString()).contains("k2").doesNotContain(hex).doesNotContain(base64)
                    .doesNotContain("AAAA").doesNotContain("4141");
        }
        assertThat(ring.toString()).isEqualTo("EncryptionKeyRing[current=k2, ids=[k2, k1]]");
    }
}
