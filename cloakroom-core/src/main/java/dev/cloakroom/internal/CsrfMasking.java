package dev.cloakroom.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * Django's CSRF secret masking ({@code django.middleware.csrf}, same in 3.2 and 4.0+): a secret is 32
 * characters from {@code [a-zA-Z0-9]}; a masked token is a random 32-character mask followed by the
 * cipher, where {@code cipher[i] = CHARS[(idx(secret[i]) + idx(mask[i])) % 62]} over Django's
 * alphabet {@code a-z A-Z 0-9} (in that order). Masking with a fresh mask per response defeats BREACH.
 *
 * <p>Stateless and thread-safe.
 */
public final class CsrfMasking {

    /** Length of a secret, and of the mask. */
    public static final int SECRET_LENGTH = 32;

    /** Length of a masked token. */
    public static final int TOKEN_LENGTH = 2 * SECRET_LENGTH;

    private static final String CHARS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    private static final int[] INDEX = new int[128];
    private static final SecureRandom RANDOM = new SecureRandom();

    static {
        Arrays.fill(INDEX, -1);
        for (int i = 0; i < CHARS.length(); i++) {
            INDEX[CHARS.charAt(i)] = i;
        }
    }

    private CsrfMasking() {
    }

    /** Returns a new random secret from a shared {@link SecureRandom}. */
    public static String newSecret() {
        return newSecret(RANDOM);
    }

    /** Returns a new secret: 32 characters, each drawn uniformly from {@code [a-zA-Z0-9]}. */
    public static String newSecret(SecureRandom random) {
        return randomString(random);
    }

    /**
     * Masks {@code secret} with a fresh mask from a shared {@link SecureRandom}.
     *
     * @throws IllegalArgumentException if {@code secret} is not 32 characters from {@code [a-zA-Z0-9]}
     */
    public static String mask(String secret) {
        return mask(secret, RANDOM);
    }

    /**
     * Masks {@code secret} with a mask drawn from {@code random}, giving a 64-character token.
     *
     * @throws IllegalArgumentException if {@code secret} is not 32 characters from {@code [a-zA-Z0-9]}
     */
    public static String mask(String secret, RandomGenerator random) {
        if (!isWellFormed(secret, SECRET_LENGTH)) {
            throw new IllegalArgumentException("A CSRF secret must be 32 characters from [a-zA-Z0-9]");
        }
        String mask = randomString(random);
        char[] token = new char[TOKEN_LENGTH];
        for (int i = 0; i < SECRET_LENGTH; i++) {
            token[i] = mask.charAt(i);
            token[SECRET_LENGTH + i] = CHARS.charAt((INDEX[secret.charAt(i)] + INDEX[mask.charAt(i)]) % 62);
        }
        return new String(token);
    }

    /**
     * Returns the secret a 64-character masked token stands for.
     *
     * @throws IllegalArgumentException if {@code token} is not 64 characters from {@code [a-zA-Z0-9]}
     */
    public static String unmask(String token) {
        if (!isWellFormed(token, TOKEN_LENGTH)) {
            throw new IllegalArgumentException("A masked CSRF token must be 64 characters from [a-zA-Z0-9]");
        }
        char[] secret = new char[SECRET_LENGTH];
        for (int i = 0; i < SECRET_LENGTH; i++) {
            int cipher = INDEX[token.charAt(SECRET_LENGTH + i)];
            int mask = INDEX[token.charAt(i)];
            secret[i] = CHARS.charAt(Math.floorMod(cipher - mask, 62));
        }
        return new String(secret);
    }

    /**
     * Returns whether {@code token} (a 32-character secret or a 64-character masked token, as Django
     * accepts from forms and headers) stands for {@code secret}, comparing in constant time. Returns
     * false, without throwing, if either is malformed.
     */
    public static boolean matches(String token, String secret) {
        if (!isWellFormed(secret, SECRET_LENGTH)) {
            return false;
        }
        String candidate;
        if (isWellFormed(token, TOKEN_LENGTH)) {
            candidate = unmask(token);
        } else if (isWellFormed(token, SECRET_LENGTH)) {
            candidate = token;
        } else {
            return false;
        }
        return MessageDigest.isEqual(candidate.getBytes(StandardCharsets.US_ASCII),
                secret.getBytes(StandardCharsets.US_ASCII));
    }

    private static String randomString(RandomGenerator random) {
        char[] chars = new char[SECRET_LENGTH];
        for (int i = 0; i < chars.length; i++) {
            chars[i] = CHARS.charAt(random.nextInt(CHARS.length()));
        }
        return new String(chars);
    }

    private static boolean isWellFormed(String text, int length) {
        if (text.length() != length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c >= 128 || INDEX[c] < 0) {
                return false;
            }
        }
        return true;
    }
}
