package dev.cloakroom;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The changes one request made to a session, in order, so they can be applied again to a fresher copy
 * when a compare-and-set save finds that another request saved first. A change is a function of the
 * data, so {@code compute} re-runs on the fresh value and counters never lose an increment.
 *
 * <p>{@link #overwrite()} records that the request changed values in place (it called
 * {@code markModified}), which cannot be replayed: such a save writes the request's whole copy, the last
 * writer winning as in Django. Not thread-safe; one per session per request.
 */
final class Journal {

    private final List<Consumer<Map<String, Object>>> changes = new ArrayList<>();
    private boolean overwrite;

    /** Records a change already applied to the request's copy. */
    void record(Consumer<Map<String, Object>> change) {
        changes.add(change);
    }

    /** Records that the request's copy must be written as it is. */
    void overwrite() {
        overwrite = true;
    }

    /**
     * Applies the recorded changes to {@code fresh} and returns what the save should write: {@code fresh}
     * with the changes, or {@code mine} when the journal holds an {@link #overwrite()}.
     */
    Map<String, Object> replay(Map<String, Object> fresh, Map<String, Object> mine) {
        if (overwrite) {
            return mine;
        }
        for (Consumer<Map<String, Object>> change : changes) {
            change.accept(fresh);
        }
        return fresh;
    }

    /** Forgets every change, after a successful save. */
    void clear() {
        changes.clear();
        overwrite = false;
    }
}
