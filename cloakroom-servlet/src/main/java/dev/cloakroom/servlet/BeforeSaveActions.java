package dev.cloakroom.servlet;

import java.util.ArrayList;
import java.util.List;

/**
 * The actions {@link Sessions#beforeSave} registered for one request. They run once, in registration order;
 * an action may register another, which runs after the ones already there. Once they have run, registering
 * fails. The lock is not held while an action runs, so an action may do I/O or register more.
 */
final class BeforeSaveActions {

    private final List<Runnable> actions = new ArrayList<>();
    private boolean done; // guarded by this

    /**
     * Adds {@code action} to run before the save.
     *
     * @throws IllegalStateException if the actions already ran
     */
    void add(Runnable action) {
        synchronized (this) {
            if (!done) {
                actions.add(action);
                return;
            }
        }
        throw new IllegalStateException("The session of this request was already saved (the response was "
                + "committed or the request ended), so a before-save action can no longer run: register it "
                + "before writing the response");
    }

    /** Runs every action, and those they register, once; an exception stops the run and is thrown. */
    void runAll() {
        try {
            for (int i = 0; ; i++) {
                Runnable next;
                synchronized (this) {
                    if (i >= actions.size()) {
                        seal(); // in the same lock as the check: nothing can slip in unrun
                        return;
                    }
                    next = actions.get(i);
                }
                next.run();
            }
        } finally {
            synchronized (this) {
                seal();
            }
        }
    }

    private void seal() {
        done = true;
        actions.clear();
    }
}
