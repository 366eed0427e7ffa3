package dev.cloakroom.demo;

import dev.cloakroom.SessionListener;
import dev.cloakroom.internal.SessionKeys;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * The last {@value #KEPT} session events of the demo, newest first, for the home page's "Events" panel. Keys
 * show as their last characters only, as everywhere else in the demo. Thread-safe; bounded.
 */
final class RecentEvents implements SessionListener {

    static final int KEPT = 8;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss")
            .withZone(ZoneOffset.UTC);

    private final Clock clock;
    private final Deque<String> events = new ArrayDeque<>(KEPT);

    RecentEvents(Clock clock) {
        this.clock = clock;
    }

    /** The kept events, newest first, as {@code 12:03:04 created …a1b2}. */
    synchronized List<String> latest() {
        return new ArrayList<>(events);
    }

    private synchronized void add(String event) {
        if (events.size() == KEPT) {
            events.removeLast();
        }
        events.addFirst(TIME.format(clock.instant()) + " " + event);
    }

    private static String key(String key) {
        // Cookie engines name sessions by their whole cookie; its end is as good a label.
        return "…" + SessionKeys.suffix(key);
    }

    @Override
    public void created(String key) {
        add("created " + key(key));
    }

    @Override
    public void keyCycled(String oldKey, String newKey) {
        add("new key " + key(oldKey) + " → " + key(newKey));
    }

    @Override
    public void flushed(String key) {
        add("flushed " + key(key));
    }

    @Override
    public void revoked(String userId, int count) {
        add("revoked " + count + " of user " + userId);
    }

    @Override
    public void expired(String key) {
        add("expired or unknown " + key(key));
    }

    @Override
    public void rejected(Rejection reason) {
        add("rejected: " + reason.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '));
    }

    @Override
    public void saveConflicted(String key, int attempt) {
        add("save conflict " + key(key) + ", retried");
    }

    @Override
    public void saveInterrupted(String key) {
        add("save interrupted " + key(key));
    }

    @Override
    public void cacheFailed(String operation) {
        add("cache failed while " + operation);
    }
}
