package dev.cloakroom;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * The pause between two attempts of a compare-and-set save that lost to another request.
 *
 * <p>Design: the first retry is immediate, since most conflicts are single. After that each pause is
 * random between zero and a bound that doubles with every conflict, from 2 ms up to 64 ms ("full
 * jitter"), so requests racing on one session spread out instead of colliding in lockstep, and a burst of
 * fifty writers settles into roughly one winner per round. A pause never runs past the save's deadline
 * ({@link SessionSettings#saveRetryTimeout()}): attempts are bounded by time, not by count, so a writer
 * that keeps losing keeps trying until the deadline rather than failing after a fixed number of tries.
 */
final class SaveBackoff {

    private static final long MAX_BOUND_NANOS = TimeUnit.MILLISECONDS.toNanos(64);

    private SaveBackoff() {
    }

    /**
     * Waits before attempt {@code failedAttempts + 1}; {@code deadline} is a {@link System#nanoTime()} value.
     *
     * @throws SessionException if the thread is interrupted while waiting (its flag is set again)
     */
    static void pause(int failedAttempts, long deadline) {
        if (failedAttempts <= 1) {
            return;
        }
        long bound = Math.min(MAX_BOUND_NANOS,
                TimeUnit.MILLISECONDS.toNanos(1) << Math.min(failedAttempts - 1, 20));
        long nanos = Math.min(ThreadLocalRandom.current().nextLong(bound + 1), deadline - System.nanoTime());
        if (nanos <= 0) {
            return;
        }
        try {
            TimeUnit.NANOSECONDS.sleep(nanos);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SessionException("Interrupted while retrying a session save", e);
        }
    }
}
