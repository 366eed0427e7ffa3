package dev.cloakroom;

import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The idle timeout and absolute lifetime of {@link SessionSettings}: the one place their rules live, for
 * server-side and cookie sessions alike. With neither set every method leaves Django's expiry as it is and
 * the data untouched, so the stored bytes stay exactly Django's.
 *
 * <p>A session's creation time is kept in its data under {@link Session#CREATED_KEY} as whole epoch seconds
 * (a plain JSON number, which Django ignores). A session stored before a policy was turned on, or whose
 * entry is not a number, counts as created when it is next saved.
 */
final class ExpiryPolicy {

    private ExpiryPolicy() {
    }

    /** Stores the creation time {@code now} in {@code data} if a policy is on and it has none yet. */
    static void stampCreated(SessionSettings settings, Map<String, Object> data, Instant now) {
        if (settings.hasExpiryPolicy() && created(data) == null) {
            data.put(Session.CREATED_KEY, now.getEpochSecond());
        }
    }

    /** The creation time kept in {@code data}, or {@code null} if there is none usable. */
    static @Nullable Instant created(Map<String, Object> data) {
        Object value = data.get(Session.CREATED_KEY);
        if (value instanceof Integer || value instanceof Long
                || value instanceof BigInteger big && big.bitLength() < 64) {
            long seconds = ((Number) value).longValue();
            if (seconds >= 0 && seconds < Instant.MAX.getEpochSecond()) {
                return Instant.ofEpochSecond(seconds);
            }
        }
        return null;
    }

    /**
     * When a session saved at {@code now} expires: the earlier of Django's own expiry {@code djangoDate},
     * {@code now + idleTimeout} and {@code created + absoluteTimeout} (a session with no creation time yet
     * is created {@code now}).
     */
    static Instant expiresAt(SessionSettings settings, Map<String, Object> data, Instant now,
            Instant djangoDate) {
        Instant result = djangoDate;
        Duration idle = settings.idleTimeout();
        if (idle != null) {
            result = earlier(result, now.plus(idle));
        }
        Duration absolute = settings.absoluteTimeout();
        if (absolute != null) {
            Instant created = created(data);
            result = earlier(result, (created == null ? now : created).plus(absolute));
        }
        return result;
    }

    /** Whether {@code data} was created longer than the absolute lifetime before {@code now}. */
    static boolean outlived(SessionSettings settings, Map<String, Object> data, Instant now) {
        Duration absolute = settings.absoluteTimeout();
        Instant created = created(data);
        return absolute != null && created != null && !created.plus(absolute).isAfter(now);
    }

    private static Instant earlier(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
