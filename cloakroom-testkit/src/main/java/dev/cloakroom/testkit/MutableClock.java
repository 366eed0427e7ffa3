package dev.cloakroom.testkit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock tests move by hand, so expiry is tested without sleeping. Thread-safe. */
public final class MutableClock extends Clock {

    private volatile Instant now;

    private MutableClock(Instant now) {
        this.now = now;
    }

    /** Returns a clock standing at {@code now}. */
    public static MutableClock at(Instant now) {
        return new MutableClock(now);
    }

    /** Moves the clock forward (or back, with a negative duration). */
    public void advance(Duration duration) {
        now = now.plus(duration);
    }

    /** Puts the clock at {@code instant}. */
    public void set(Instant instant) {
        now = instant;
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
