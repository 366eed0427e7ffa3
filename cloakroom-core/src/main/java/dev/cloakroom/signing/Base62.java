package dev.cloakroom.signing;

/** Django's base62 ({@code 0-9A-Za-z}, most significant digit first, {@code -} for negatives). */
final class Base62 {

    private static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    private Base62() {
    }

    /** Encodes {@code value}; zero is {@code "0"}. */
    static String encode(long value) {
        if (value == 0) {
            return "0";
        }
        char[] buf = new char[12];
        int pos = buf.length;
        // Work with negative numbers so that Long.MIN_VALUE needs no special case.
        long rest = value < 0 ? value : -value;
        while (rest != 0) {
            buf[--pos] = ALPHABET.charAt((int) -(rest % 62));
            rest /= 62;
        }
        if (value < 0) {
            buf[--pos] = '-';
        }
        return new String(buf, pos, buf.length - pos);
    }

    /**
     * Decodes {@code text}.
     *
     * @throws IllegalArgumentException if {@code text} is empty, has a character outside the alphabet,
     *     or does not fit in a {@code long}
     */
    static long decode(String text) {
        boolean negative = text.startsWith("-");
        int start = negative ? 1 : 0;
        if (text.length() == start) {
            throw new IllegalArgumentException("Not a base62 number: \"" + text + "\"");
        }
        long result = 0;
        for (int i = start; i < text.length(); i++) {
            int digit = digit(text.charAt(i));
            if (digit < 0) {
                throw new IllegalArgumentException("Not a base62 number: \"" + text + "\"");
            }
            try {
                result = Math.addExact(Math.multiplyExact(result, 62), digit);
            } catch (ArithmeticException e) {
                throw new IllegalArgumentException("Base62 number too large: \"" + text + "\"", e);
            }
        }
        return negative ? -result : result;
    }

    private static int digit(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'A' && c <= 'Z') {
            return c - 'A' + 10;
        }
        if (c >= 'a' && c <= 'z') {
            return c - 'a' + 36;
        }
        return -1;
    }
}
