package dev.cloakroom.djangoauth;

import dev.cloakroom.DjangoVersion;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Django's {@code check_password} and {@code make_password} for Java: verifies every hash Django's
 * default {@code PASSWORD_HASHERS} make ({@code pbkdf2_sha256}, {@code pbkdf2_sha1}, {@code argon2},
 * {@code bcrypt_sha256}, {@code scrypt}) and the older ones a Django database may still hold ({@code
 * bcrypt}, {@code md5}, {@code sha1}, and the unsalted MD5 and SHA-1 hashes of ancient Djangos, which 3.2
 * still accepts), in constant time; makes new hashes as {@code pbkdf2_sha256} with the iteration count of
 * the configured Django (260,000 for 3.2, 600,000 for 4.2, 1,000,000 for 5.2); and says when a stored hash
 * must be upgraded, as Django's {@code must_update}: when it is of another algorithm, has another iteration
 * count, or a salt of less than 128 bits.
 *
 * <pre>{@code
 * DjangoPasswordHasher hasher = DjangoPasswordHasher.of(DjangoVersion.DJANGO_5_2);
 * PasswordCheck check = hasher.check(password, user.passwordHash());
 * if (check.valid() && check.upgradedHash() != null) { store(user, check.upgradedHash()); }
 * }</pre>
 *
 * <p>Argon2, bcrypt and scrypt are Bouncy Castle's; PBKDF2 and the digests are the JDK's. Immutable and
 * thread-safe.
 */
public final class DjangoPasswordHasher {

    /** Django's {@code UNUSABLE_PASSWORD_PREFIX}: a hash starting with it never matches. */
    public static final String UNUSABLE_PREFIX = "!";
    private static final String SALT_CHARACTERS =
            "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    /** Django's {@code salt_entropy}: 22 characters of {@link #SALT_CHARACTERS}. */
    private static final int SALT_LENGTH = 22;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final int iterations;
    private final java.util.concurrent.atomic.AtomicLong hashesMade =
            new java.util.concurrent.atomic.AtomicLong();

    private DjangoPasswordHasher(int iterations) {
        if (iterations < 1) {
            throw new IllegalArgumentException("iterations must be at least 1, was " + iterations);
        }
        this.iterations = iterations;
    }

    /** The hasher of {@code version}'s defaults. */
    public static DjangoPasswordHasher of(DjangoVersion version) {
        return new DjangoPasswordHasher(switch (Objects.requireNonNull(version, "version")) {
            case DJANGO_3_2 -> 260_000;
            case DJANGO_4_2 -> 600_000;
            case DJANGO_5_2 -> 1_000_000;
        });
    }

    /**
     * A hasher making {@code pbkdf2_sha256} hashes of {@code iterations} (a Django whose
     * {@code PBKDF2PasswordHasher.iterations} was changed).
     *
     * @throws IllegalArgumentException if {@code iterations} is below 1
     */
    public static DjangoPasswordHasher withIterations(int iterations) {
        return new DjangoPasswordHasher(iterations);
    }

    /** The iteration count of the {@code pbkdf2_sha256} hashes this hasher makes. */
    public int iterations() {
        return iterations;
    }

    /**
     * Returns Django's {@code make_password(password)}: {@code pbkdf2_sha256$<iterations>$<22-character
     * salt>$<base64 hash>}.
     */
    public String hash(String password) {
        Objects.requireNonNull(password, "password");
        hashesMade.incrementAndGet();
        StringBuilder salt = new StringBuilder(SALT_LENGTH);
        for (int i = 0; i < SALT_LENGTH; i++) {
            salt.append(SALT_CHARACTERS.charAt(RANDOM.nextInt(SALT_CHARACTERS.length())));
        }
        return Hashers.pbkdf2Sha256(bytes(password), salt.toString(), iterations);
    }

    /**
     * Whether {@code password} matches {@code encoded} (Django's {@code check_password} without a
     * setter).
     */
    public boolean verify(String password, @Nullable String encoded) {
        Objects.requireNonNull(password, "password");
        return matches(password, encoded);
    }

    /**
     * Checks {@code password} against the stored {@code encoded} hash as Django's {@code check_password}
     * does, and, when it matches and {@link #mustUpdate} says so, hashes it anew (what Django's setter
     * stores). A wrong password against a {@code pbkdf2_sha256} hash of fewer iterations runs the missing
     * iterations too (Django's {@code harden_runtime}), so the answer takes as long either way. Unusable
     * ({@code !...}), empty, unknown or malformed hashes never match.
     */
    public PasswordCheck check(String password, @Nullable String encoded) {
        Objects.requireNonNull(password, "password");
        if (!matches(password, encoded)) {
            return PasswordCheck.INVALID;
        }
        return new PasswordCheck(true, mustUpdate(encoded) ? hash(password) : null);
    }

    private boolean matches(String password, @Nullable String encoded) {
        if (!isUsable(encoded) || encoded == null) {
            hashForTiming(password); // as slow as a real check: no oracle on accounts without a password
            return false;
        }
        String algorithm = Hashers.algorithmOf(encoded);
        byte[] raw = bytes(password);
        boolean valid = Hashers.verify(algorithm, raw, encoded);
        if (!valid && algorithm.equals(Hashers.PBKDF2_SHA256) && mustUpdate(encoded)) {
            hardenRuntime(raw, encoded);
        }
        return valid;
    }

    /**
     * Does the work of checking a password against a hash of this hasher's own cost, for a user that does
     * not exist (Django's {@code ModelBackend} hashes the password then too), so that the time an answer
     * takes does not tell which usernames exist.
     */
    public void hashForTiming(String password) {
        hash(password);
    }

    /**
     * Django's {@code must_update} as {@code check_password} decides it: true when {@code encoded} is not a
     * {@code pbkdf2_sha256} hash, or is one with another iteration count or a salt of less than 128 bits;
     * false for an unusable or unparseable hash.
     */
    public boolean mustUpdate(@Nullable String encoded) {
        if (!isUsable(encoded) || encoded == null || encoded.isEmpty()) {
            return false;
        }
        if (!Hashers.algorithmOf(encoded).equals(Hashers.PBKDF2_SHA256)) {
            return true;
        }
        String salt = Hashers.pbkdf2Salt(encoded);
        return Hashers.pbkdf2Iterations(encoded) != iterations
                || salt == null || salt.length() * Math.log(SALT_CHARACTERS.length()) / Math.log(2) < 128;
    }

    /**
     * Django's {@code is_password_usable}: false for a hash starting with {@value #UNUSABLE_PREFIX}
     * ({@code set_unusable_password}); {@code null} counts as usable, as in Django, and matches nothing.
     */
    public static boolean isUsable(@Nullable String encoded) {
        return encoded == null || !encoded.startsWith(UNUSABLE_PREFIX);
    }

    /**
     * Django's {@code identify_hasher}: the algorithm name of a hash ({@code pbkdf2_sha256}, {@code argon2},
     * {@code unsalted_md5}...), whether or not this class can verify it.
     */
    public static String algorithmOf(String encoded) {
        return Hashers.algorithmOf(Objects.requireNonNull(encoded, "encoded"));
    }

    /** How many hashes {@link #hash} made: lets tests see that unknown users cost a hash too. */
    long hashesMade() {
        return hashesMade.get();
    }

    private void hardenRuntime(byte[] password, String encoded) {
        int stored = Hashers.pbkdf2Iterations(encoded);
        int extra = iterations - stored;
        String salt = Hashers.pbkdf2Salt(encoded);
        if (stored > 0 && extra > 0 && salt != null) {
            Hashers.derivePbkdf2("PBKDF2WithHmacSHA256", password, salt, extra, 32);
        }
    }

    private static byte[] bytes(String password) {
        return password.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "DjangoPasswordHasher[pbkdf2_sha256, " + iterations + " iterations]";
    }
}
