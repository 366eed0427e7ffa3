package dev.cloakroom.djangoauth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import org.bouncycastle.crypto.RuntimeCryptoException;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.generators.OpenBSDBCrypt;
import org.bouncycastle.crypto.generators.SCrypt;
import org.bouncycastle.crypto.params.Argon2Parameters;
import org.jspecify.annotations.Nullable;

/**
 * The verification of each of Django's hash formats, as its hashers' {@code verify} methods do it. Each
 * returns false for a hash it cannot parse; comparisons are constant-time.
 */
final class Hashers {

    static final String PBKDF2_SHA256 = "pbkdf2_sha256";

    private Hashers() {
    }

    /**
     * Django's {@code identify_hasher}: the algorithm name of {@code encoded}, including the two
     * names of ancient unsalted hashes that carry no name of their own.
     */
    static String algorithmOf(String encoded) {
        if ((encoded.length() == 32 && encoded.indexOf('$') < 0)
                || (encoded.length() == 37 && encoded.startsWith("md5$$"))) {
            return "unsalted_md5";
        }
        if (encoded.length() == 46 && encoded.startsWith("sha1$$")) {
            return "unsalted_sha1";
        }
        int dollar = encoded.indexOf('$');
        return dollar < 0 ? encoded : encoded.substring(0, dollar);
    }

    /** Whether {@code password} matches {@code encoded}; false for a format this class does not know. */
    static boolean verify(String algorithm, byte[] password, String encoded) {
        try {
            return switch (algorithm) {
                case PBKDF2_SHA256 -> pbkdf2("PBKDF2WithHmacSHA256", password, encoded);
                case "pbkdf2_sha1" -> pbkdf2("PBKDF2WithHmacSHA1", password, encoded);
                case "argon2" -> argon2(password, encoded);
                case "bcrypt_sha256" ->
                        bcrypt(hexSha256(password), encoded.substring("bcrypt_sha256$".length()));
                case "bcrypt" -> bcrypt(password, encoded.substring("bcrypt$".length()));
                case "scrypt" -> scrypt(password, encoded);
                case "md5", "sha1" -> saltedDigest(algorithm, password, encoded);
                case "unsalted_md5" -> equal(hex("MD5", password),
                        encoded.startsWith("md5$$") ? encoded.substring(5) : encoded);
                case "unsalted_sha1" -> equal(hex("SHA-1", password), encoded.substring(6));
                default -> false;
            };
        } catch (IllegalArgumentException | IndexOutOfBoundsException | ArithmeticException
                | RuntimeCryptoException e) {
            return false; // a malformed hash (bad numbers, bad base64, missing parts) matches nothing
        }
    }

    /** {@code pbkdf2_sha256$iterations$salt$base64}: Django's PBKDF2 hash of {@code password}. */
    static String pbkdf2Sha256(byte[] password, String salt, int iterations) {
        return PBKDF2_SHA256 + "$" + iterations + "$" + salt + "$"
                + Base64.getEncoder().encodeToString(derivePbkdf2("PBKDF2WithHmacSHA256", password, salt,
                        iterations, 32));
    }

    /** The {@code iterations} field of a {@code pbkdf2_*} hash, or -1 if it has none. */
    static int pbkdf2Iterations(String encoded) {
        String[] parts = encoded.split("\\$", 4);
        try {
            return parts.length == 4 ? Integer.parseInt(parts[1]) : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** The salt of a {@code pbkdf2_*} hash, or {@code null}. */
    static @Nullable String pbkdf2Salt(String encoded) {
        String[] parts = encoded.split("\\$", 4);
        return parts.length == 4 ? parts[2] : null;
    }

    private static boolean pbkdf2(String jca, byte[] password, String encoded) {
        String[] parts = encoded.split("\\$", 4);
        if (parts.length != 4) {
            return false;
        }
        int iterations = Integer.parseInt(parts[1]);
        if (iterations < 1) {
            return false;
        }
        byte[] expected = Base64.getDecoder().decode(parts[3]);
        int length = jca.endsWith("SHA1") ? 20 : 32;
        if (expected.length != length) {
            return false;
        }
        return MessageDigest.isEqual(derivePbkdf2(jca, password, parts[2], iterations, length), expected);
    }

    static byte[] derivePbkdf2(String jca, byte[] password, String salt, int iterations, int length) {
        // The JDK's PBKDF2 takes the password as chars and encodes them as UTF-8, as Django does.
        char[] exact = new String(password, StandardCharsets.UTF_8).toCharArray();
        PBEKeySpec spec = new PBEKeySpec(exact, salt.getBytes(StandardCharsets.UTF_8), iterations,
                length * 8);
        try {
            return SecretKeyFactory.getInstance(jca).generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Every Java runtime has " + jca, e);
        } finally {
            spec.clearPassword();
            java.util.Arrays.fill(exact, '\0');
        }
    }

    /** {@code argon2$argon2id$v=19$m=102400,t=2,p=8$salt$hash} (salt and hash: base64 without padding). */
    private static boolean argon2(byte[] password, String encoded) {
        String[] parts = encoded.substring("argon2".length()).split("\\$");
        int i = 1;
        int type = switch (parts[i++]) {
            case "argon2d" -> Argon2Parameters.ARGON2_d;
            case "argon2i" -> Argon2Parameters.ARGON2_i;
            case "argon2id" -> Argon2Parameters.ARGON2_id;
            default -> throw new IllegalArgumentException("unknown argon2 variant");
        };
        int version = Argon2Parameters.ARGON2_VERSION_10;
        if (parts[i].startsWith("v=")) {
            version = Integer.parseInt(parts[i++].substring(2));
        }
        int memory = -1;
        int time = -1;
        int lanes = -1;
        for (String parameter : parts[i++].split(",")) {
            int value = Integer.parseInt(parameter.substring(2));
            switch (parameter.substring(0, 2)) {
                case "m=" -> memory = value;
                case "t=" -> time = value;
                case "p=" -> lanes = value;
                default -> throw new IllegalArgumentException("unknown argon2 parameter");
            }
        }
        byte[] salt = unpaddedBase64(parts[i++]);
        byte[] expected = unpaddedBase64(parts[i++]);
        if (i != parts.length || memory < 8 * lanes || time < 1 || lanes < 1 || expected.length < 4) {
            return false;
        }
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(new Argon2Parameters.Builder(type).withVersion(version).withMemoryAsKB(memory)
                .withIterations(time).withParallelism(lanes).withSalt(salt).build());
        byte[] actual = new byte[expected.length];
        generator.generateBytes(password, actual);
        return MessageDigest.isEqual(actual, expected);
    }

    /** {@code $2b$12$<22 salt><31 hash>}, as the {@code bcrypt} module checks it (72 bytes at most). */
    private static boolean bcrypt(byte[] password, String data) {
        byte[] key = password.length > 72 ? java.util.Arrays.copyOf(password, 72) : password;
        return OpenBSDBCrypt.checkPassword(data, key);
    }

    /** {@code scrypt$N$salt$r$p$base64(64 bytes)}. */
    private static boolean scrypt(byte[] password, String encoded) {
        String[] parts = encoded.split("\\$", 6);
        if (parts.length != 6) {
            return false;
        }
        int n = Integer.parseInt(parts[1]);
        int r = Integer.parseInt(parts[3]);
        int p = Integer.parseInt(parts[4]);
        byte[] expected = Base64.getDecoder().decode(parts[5]);
        if (expected.length == 0) {
            return false;
        }
        byte[] actual = SCrypt.generate(password, parts[2].getBytes(StandardCharsets.UTF_8), n, r, p,
                expected.length);
        return MessageDigest.isEqual(actual, expected);
    }

    /** {@code md5$salt$hex(md5(salt + password))} and the same with SHA-1. */
    private static boolean saltedDigest(String algorithm, byte[] password, String encoded) {
        String[] parts = encoded.split("\\$", 3);
        if (parts.length != 3 || parts[1].isEmpty()) {
            return false;
        }
        byte[] salt = parts[1].getBytes(StandardCharsets.UTF_8);
        byte[] salted = new byte[salt.length + password.length];
        System.arraycopy(salt, 0, salted, 0, salt.length);
        System.arraycopy(password, 0, salted, salt.length, password.length);
        return equal(hex(algorithm.equals("md5") ? "MD5" : "SHA-1", salted), parts[2]);
    }

    private static byte[] hexSha256(byte[] password) {
        return hex("SHA-256", password).getBytes(StandardCharsets.US_ASCII);
    }

    private static String hex(String digest, byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(digest).digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has " + digest, e);
        }
    }

    private static byte[] unpaddedBase64(String text) {
        return Base64.getDecoder().decode(text + "=".repeat((4 - text.length() % 4) % 4));
    }

    private static boolean equal(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
