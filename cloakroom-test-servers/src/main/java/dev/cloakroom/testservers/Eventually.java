package dev.cloakroom.testservers;

import java.time.Duration;
import java.util.function.Supplier;

/** Retries an action until it succeeds: to wait for a reconnection; never for expiry. */
public final class Eventually {

    private Eventually() {
    }

    /** Runs {@code action} until it returns without throwing, for at most {@code limit}. */
    public static <T> T succeeds(Duration limit, Supplier<T> action) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (true) {
            try {
                return action.get();
            } catch (RuntimeException | AssertionError e) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("Still failing after " + limit.toMillis() + " ms", e);
                }
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
