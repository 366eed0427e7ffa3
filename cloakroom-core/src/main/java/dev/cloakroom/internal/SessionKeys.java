package dev.cloakroom.internal;

import java.security.SecureRandom;
import org.jspecify.annotations.Nullable;

/**
 * Session keys as Django makes them: 32 characters drawn uniformly from {@code a-z0-9} with a CSPRNG
 * (about 165 bits). Lower case only, because the file engine may sit on a case-insensitive file system.
 */
public final class SessionKeys {

    /** The characters of a session key. */
    public static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";
    /** The length of keys Cloakroom makes. */
    public static final int LENGTH = 32;
    /** The shortest key accepted from a client (Django's rule). */
    public static final int MIN_LENGTH = 8;
    /** The longest key accepted from a client (the width of {@code django_session.session_key}). */
    public static final int MAX_LENGTH = 40;

    private static final SecureRandom RANDOM = new SecureRandom();
    /** Random bytes below this map uniformly onto the alphabet (252 = 7 * 36); the others are redrawn. */
    private static final int UNIFORM_BELOW = 256 - 256 % ALPHABET.length();
    /** Bytes drawn per key: enough for a whole key in all but about one draw in 400. */
    private static final int DRAW = LENGTH + 8;

    private SessionKeys() {
    }

    /**
     * Returns a new random key. The CSPRNG is asked once for a handful of bytes rather than once per
     * character (each call takes its lock and, on Linux, mixes in a SHA-1 block): each byte below 252 gives
     * one character ({@code byte % 36}, uniform since 252 is a multiple of 36), the others are skipped.
     */
    public static String generate() {
        char[] key = new char[LENGTH];
        byte[] bytes = new byte[DRAW];
        int filled = 0;
        while (filled < LENGTH) {
            RANDOM.nextBytes(bytes);
            for (int i = 0; i < bytes.length && filled < LENGTH; i++) {
                int b = bytes[i] & 0xff;
                if (b < UNIFORM_BELOW) {
                    key[filled++] = ALPHABET.charAt(b % ALPHABET.length());
                }
            }
        }
        return new String(key);
    }

    /**
     * Returns the last six characters of {@code key} (or the key itself when shorter): the only part of a
     * session key that may appear in logs, messages and pages.
     */
    public static String suffix(String key) {
        return key.length() <= 6 ? key : key.substring(key.length() - 6);
    }

    /**
     * Returns whether {@code key} may name a server-side session: 8 to 40 characters from {@code a-z0-9}.
     * Anything else is never looked up nor stored, so it cannot escape a directory or reach SQL.
     */
    public static boolean isValid(@Nullable String key) {
        if (key == null || key.length() < MIN_LENGTH || key.length() > MAX_LENGTH) {
            return false;
        }
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))) {
                return false;
            }
        }
        return true;
    }
}
