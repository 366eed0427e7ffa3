package dev.cloakroom;

import dev.cloakroom.internal.PythonDates;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.DateTimeException;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What a session's {@code _session_expiry} means: the one place its rules live, for every engine and for
 * signed cookies alike.
 *
 * <p>Django stores an int of seconds ({@code set_expiry(300)}, counted from each save; {@code 0} for "until
 * the browser closes") or, from 4.0, an ISO-8601 date string (an absolute expiry). Read as Django reads it:
 * <ul>
 *   <li>absent or {@code null}: the default ({@code cookieAge}, and the {@code expireAtBrowserClose}
 *       setting);</li>
 *   <li>a whole number: seconds; {@code 0} means the default age and a cookie that ends with the
 *       browser;</li>
 *   <li>a boolean: an int, as in Python ({@code true} is 1 second, {@code false} is 0);</li>
 *   <li>a finite float: seconds, truncated to whole seconds (Python's {@code int()} on the cookie's
 *       {@code Max-Age});</li>
 *   <li>the empty string: falsy in Python, so the default age, but not a browser-close cookie;</li>
 *   <li>any other string: an ISO date, as {@code datetime.fromisoformat} reads it.</li>
 * </ul>
 * Anything Django itself would fail on (a number or date outside Python's datetime range of years 1 to
 * 9999, such as {@code 1e308} or {@code 2^63}; {@code NaN}; a string that is not a date; an array or an
 * object) is <em>unusable</em>: it reads exactly as an absent expiry, and {@link #problem()} says why, so
 * the caller can log it once. Immutable.
 */
final class StoredExpiry {

    private static final Instant FIRST = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant LAST = Instant.parse("9999-12-31T23:59:59.999999Z");
    /**
     * Python's datetime range is about 3.2e11 seconds wide; anything larger is out of range from any "now".
     */
    private static final long MAX_SPAN_SECONDS = Duration.between(FIRST, LAST).getSeconds();
    private static final StoredExpiry ABSENT = new StoredExpiry(null, null, false, false, null);

    private final @Nullable Long seconds;
    private final @Nullable Instant at;
    /** Python's {@code expiry == 0}: the cookie ends with the browser. */
    private final boolean zero;
    /** Python's falsiness: the default age applies. */
    private final boolean falsy;
    private final @Nullable String problem;

    private StoredExpiry(@Nullable Long seconds, @Nullable Instant at, boolean zero, boolean falsy,
            @Nullable String problem) {
        this.seconds = seconds;
        this.at = at;
        this.zero = zero;
        this.falsy = falsy;
        this.problem = problem;
    }

    /** An explicit expiry in seconds (Django's {@code expiry=} argument); never unusable. */
    static StoredExpiry ofSeconds(long seconds) {
        return new StoredExpiry(seconds, null, seconds == 0, seconds == 0, null);
    }

    /** An explicit absolute expiry; {@code null} is Django's {@code expiry=None}, the default. */
    static StoredExpiry ofDate(@Nullable Instant at) {
        return at == null ? ABSENT : new StoredExpiry(null, at, false, false, null);
    }

    /** The stored {@code _session_expiry} entry of {@code data}, or {@code null}: its only reader. */
    static @Nullable Object entryOf(Map<String, ?> data) {
        return data.get(Session.EXPIRY_KEY);
    }

    /**
     * Reads a stored {@code _session_expiry}; never throws. {@code now} is when the session would be saved,
     * against which a number of seconds must land inside Python's datetime range.
     */
    static StoredExpiry read(@Nullable Object value, Instant now) {
        if (value == null) {
            return ABSENT;
        }
        if (value instanceof Boolean b) {
            return seconds(b ? 1 : 0, now);
        }
        if (value instanceof Integer || value instanceof Long) {
            return seconds(((Number) value).longValue(), now);
        }
        if (value instanceof BigInteger big) {
            return big.bitLength() < 64 ? seconds(big.longValue(), now) : unusable("a number out of range");
        }
        if (value instanceof Double d) {
            if (d.isNaN() || d.isInfinite() || Math.abs(d) > MAX_SPAN_SECONDS) {
                return unusable("a number out of range");
            }
            StoredExpiry whole = seconds(d.longValue(), now);
            if (whole.problem != null || d == 0) {
                return whole;
            }
            // 0.5 is truthy in Python and not == 0: an age of 0 s, not the default and not browser-close.
            return new StoredExpiry(whole.seconds, null, false, false, null);
        }
        if (value instanceof String text) {
            return text.isEmpty() ? new StoredExpiry(null, null, false, true, null) : date(text);
        }
        if (value instanceof List) {
            return unusable("an array");
        }
        if (value instanceof Map) {
            return unusable("an object");
        }
        return unusable("a " + value.getClass().getSimpleName());
    }

    private static StoredExpiry seconds(long seconds, Instant now) {
        if (seconds > MAX_SPAN_SECONDS || seconds < -MAX_SPAN_SECONDS) { // not Math.abs: Long.MIN_VALUE
            return unusable("a number out of range");
        }
        Instant date = now.plusSeconds(seconds);
        if (date.isBefore(FIRST) || date.isAfter(LAST)) {
            return unusable("a number out of range");
        }
        return ofSeconds(seconds);
    }

    private static StoredExpiry date(String text) {
        Instant parsed;
        try {
            parsed = PythonDates.parse(text);
        } catch (DateTimeException e) { // unparsable, or beyond the range of an Instant
            return unusable("a string that is not an ISO date in range");
        }
        if (parsed.isBefore(FIRST) || parsed.isAfter(LAST)) {
            return unusable("a date out of range");
        }
        return new StoredExpiry(null, parsed, false, false, null);
    }

    private static StoredExpiry unusable(String what) {
        return new StoredExpiry(null, null, false, false, "Ignoring an unusable " + Session.EXPIRY_KEY + " ("
                + what + ") in a session: the default expiry applies");
    }

    /** Why the stored value was unusable, for the security log; {@code null} when it was usable. */
    @Nullable String problem() {
        return problem;
    }

    /** Whether the session has an expiry of its own (not the default, not browser-close). */
    boolean isCustom() {
        return at != null || (seconds != null && !falsy);
    }

    /** Django's {@code get_expiry_age(modification=...)}: whole seconds, floored; may be negative. */
    long age(Instant modification, Duration cookieAge) {
        if (at != null) {
            return Duration.between(modification, at).getSeconds();
        }
        if (seconds != null && !falsy) {
            return seconds;
        }
        return cookieAge.toSeconds();
    }

    /** Django's {@code get_expiry_date(modification=...)}. */
    Instant date(Instant modification, Duration cookieAge) {
        if (at != null) {
            return at;
        }
        return modification.plusSeconds(age(modification, cookieAge));
    }

    /**
     * Django's {@code get_expire_at_browser_close()}: {@code byDefault} when absent, else
     * {@code expiry == 0}.
     */
    boolean expireAtBrowserClose(boolean byDefault) {
        if (seconds == null && at == null && !falsy) {
            return byDefault;
        }
        return zero;
    }
}
