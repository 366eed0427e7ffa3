package dev.cloakroom;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The cookie's {@code SameSite} attribute ({@code SESSION_COOKIE_SAMESITE});
 * {@link #NONE_ATTRIBUTE} omits it.
 */
public enum SameSite {
    /** {@code SameSite=Lax}: Django's default. */
    LAX("Lax"),
    /** {@code SameSite=Strict}. */
    STRICT("Strict"),
    /** {@code SameSite=None}: cross-site cookies; browsers require {@code Secure} with it. */
    NONE("None"),
    /** No SameSite attribute at all (Django's {@code False}). */
    NONE_ATTRIBUTE(null);

    private final @Nullable String attribute;

    SameSite(@Nullable String attribute) {
        this.attribute = attribute;
    }

    /** The attribute value ({@code Lax}, {@code Strict}, {@code None}), or {@code null} to omit it. */
    public @Nullable String attribute() {
        return attribute;
    }

    /**
     * Parses {@code lax}, {@code strict}, {@code none} (any case) or {@code false}/empty for no attribute.
     *
     * @throws IllegalArgumentException for anything else, naming the value
     */
    public static SameSite parse(String value) {
        String v = value.trim().toLowerCase(Locale.ROOT);
        switch (v) {
            case "lax": return LAX;
            case "strict": return STRICT;
            case "none": return NONE;
            case "false": case "": case "off": return NONE_ATTRIBUTE;
            default:
                throw new IllegalArgumentException(
                        "cookieSameSite must be Lax, Strict, None or false, was '" + value + "'");
        }
    }
}
