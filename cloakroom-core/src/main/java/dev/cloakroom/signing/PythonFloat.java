package dev.cloakroom.signing;

import com.fasterxml.jackson.core.io.NumberOutput;
import java.math.BigDecimal;

/**
 * Python's {@code float.__repr__}: the shortest digits that round-trip, written positionally when the
 * decimal exponent is in {@code [-4, 16)} ({@code 0.0001}, {@code 100.0}) and otherwise as
 * {@code 1e-05}, {@code 1.5e+300}.
 */
final class PythonFloat {

    private PythonFloat() {
    }

    /** Appends {@code repr(value)}, with {@code NaN}, {@code Infinity} and {@code -Infinity} as JSON does. */
    static void append(StringBuilder out, double value) {
        if (!special(out, value)) {
            // Jackson's fast writer is Schubfach (as JDK 19+'s Double.toString): the shortest digits, which
            // JDK 17's Double.toString does not always give.
            layout(out, NumberOutput.toString(value, true), Math.abs(value), false);
        }
    }

    /** Appends the repr of the double nearest to {@code value}'s shortest decimal digits. */
    static void append(StringBuilder out, float value) {
        if (!special(out, value)) {
            layout(out, NumberOutput.toString(value, true), Math.abs(value), true);
        }
    }

    private static boolean special(StringBuilder out, double value) {
        if (Double.isNaN(value)) {
            out.append("NaN");
        } else if (Double.isInfinite(value)) {
            out.append(value > 0 ? "Infinity" : "-Infinity");
        } else if (value == 0) {
            out.append(Double.doubleToRawLongBits(value) < 0 ? "-0.0" : "0.0");
        } else {
            return false;
        }
        return true;
    }

    /**
     * Re-lays Java's shortest-digit text ({@code 123.45}, {@code 0.001}, {@code 1.0E-5}) of a finite,
     * non-zero number in Python's layout.
     */
    private static void layout(StringBuilder out, String java, double magnitude, boolean isFloat) {
        int start = 0;
        if (java.charAt(0) == '-') {
            out.append('-');
            start = 1;
        }
        StringBuilder digits = new StringBuilder(20);
        int exponent;
        int e = java.indexOf('E');
        int dot = java.indexOf('.');
        if (e >= 0) {
            digits.append(java, start, dot).append(java, dot + 1, e);
            exponent = Integer.parseInt(java, e + 1, java.length(), 10) + (dot - start - 1);
        } else {
            digits.append(java, start, dot).append(java, dot + 1, java.length());
            exponent = dot - start - 1;
        }
        int leadingZeros = 0;
        while (digits.charAt(leadingZeros) == '0') {
            leadingZeros++;
        }
        digits.delete(0, leadingZeros);
        exponent -= leadingZeros;
        int length = digits.length();
        while (length > 1 && digits.charAt(length - 1) == '0') {
            length--;
        }
        digits.setLength(length);
        // Only a subnormal's rounding interval is wide enough to hold a one-digit decimal Java passed over.
        if (length == 2 && magnitude < (isFloat ? Float.MIN_NORMAL : Double.MIN_NORMAL)) {
            exponent = preferOneDigit(digits, exponent, magnitude, isFloat);
            length = digits.length();
        }
        if (exponent < -4 || exponent >= 16) {
            out.append(digits.charAt(0));
            if (length > 1) {
                out.append('.').append(digits, 1, length);
            }
            out.append('e').append(exponent < 0 ? '-' : '+');
            int absExponent = Math.abs(exponent);
            if (absExponent < 10) {
                out.append('0');
            }
            out.append(absExponent);
        } else if (exponent < 0) {
            out.append("0.");
            for (int i = -1; i > exponent; i--) {
                out.append('0');
            }
            out.append(digits);
        } else if (length <= exponent + 1) {
            out.append(digits);
            for (int i = length; i <= exponent; i++) {
                out.append('0');
            }
            out.append(".0");
        } else {
            out.append(digits, 0, exponent + 1).append('.').append(digits, exponent + 1, length);
        }
    }

    /**
     * Java's algorithm returns two digits when one would do (its spec asks for at least two), choosing
     * the closest two-digit decimal, e.g. {@code 4.9E-324}; Python's shortest repr is {@code 5e-324}.
     * Replaces {@code digits} by one digit if a one-digit decimal round-trips, and returns the exponent.
     */
    private static int preferOneDigit(StringBuilder digits, int exponent, double magnitude, boolean isFloat) {
        int low = digits.charAt(0) - '0';
        int high = low + 1;
        boolean lowRoundTrips = roundTrips(low, exponent, magnitude, isFloat);
        boolean highRoundTrips = roundTrips(high, exponent, magnitude, isFloat);
        if (!lowRoundTrips && !highRoundTrips) {
            return exponent;
        }
        int chosen = lowRoundTrips ? low : high;
        if (lowRoundTrips && highRoundTrips) {
            BigDecimal exact = new BigDecimal(isFloat ? (double) (float) magnitude : magnitude);
            BigDecimal lowGap = exact.subtract(BigDecimal.valueOf(low, -exponent));
            BigDecimal highGap = BigDecimal.valueOf(high, -exponent).subtract(exact);
            int cmp = lowGap.compareTo(highGap);
            chosen = cmp < 0 || (cmp == 0 && low % 2 == 0) ? low : high;
        }
        digits.setLength(0);
        if (chosen == 10) {
            digits.append('1');
            return exponent + 1;
        }
        digits.append((char) ('0' + chosen));
        return exponent;
    }

    private static boolean roundTrips(int digit, int exponent, double magnitude, boolean isFloat) {
        String text = digit + "E" + exponent;
        return isFloat ? Float.parseFloat(text) == (float) magnitude : Double.parseDouble(text) == magnitude;
    }
}
