package dev.cloakroom.signing;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Django's {@code SECRET_KEY} and {@code SECRET_KEY_FALLBACKS}: the key new signatures are made with,
 * and older keys that are still accepted when verifying (for key rotation).
 *
 * <p>Immutable and thread-safe. {@link #toString()} never shows the secrets.
 *
 * @param current the key used to sign; never empty
 * @param fallbacks keys that are still accepted when verifying, tried after {@code current}
 */
public record SecretKey(String current, List<String> fallbacks) {

    /**
     * Creates a key with fallbacks.
     *
     * @throws NullPointerException if {@code current}, {@code fallbacks} or one of its elements is null
     * @throws IllegalArgumentException if {@code current} or one of the fallbacks is empty
     */
    public SecretKey {
        Objects.requireNonNull(current, "current");
        if (current.isEmpty()) {
            throw new IllegalArgumentException("The secret key must not be empty");
        }
        fallbacks = List.copyOf(fallbacks);
        for (int i = 0; i < fallbacks.size(); i++) {
            if (fallbacks.get(i).isEmpty()) {
                throw new IllegalArgumentException("Fallback secret key #" + i + " must not be empty");
            }
        }
    }

    /**
     * Returns a key without fallbacks.
     *
     * @throws IllegalArgumentException if {@code current} is empty
     */
    public static SecretKey of(String current) {
        return new SecretKey(current, List.of());
    }

    /** Returns every key accepted when verifying: {@code current} first, then the fallbacks in order. */
    public List<String> all() {
        List<String> all = new ArrayList<>(1 + fallbacks.size());
        all.add(current);
        all.addAll(fallbacks);
        return List.copyOf(all);
    }

    /**
     * Returns this key with {@code prefix} put in front of the current key and of every fallback, as
     * Django's {@code get_cookie_signer} does with {@link Salts#COOKIE_SIGNER_KEY_PREFIX}.
     */
    public SecretKey withPrefix(String prefix) {
        List<String> prefixed = new ArrayList<>(fallbacks.size());
        for (String fallback : fallbacks) {
            prefixed.add(prefix + fallback);
        }
        return new SecretKey(prefix + current, prefixed);
    }

    /** Returns a description that shows how many fallbacks there are, but no secret. */
    @Override
    public String toString() {
        return "SecretKey[current=<masked>, fallbacks=" + fallbacks.size() + "]";
    }
}
