package dev.cloakroom;

import java.util.Map;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * How a {@link Session} loads, saves and deletes its data: on the server ({@link ServerSideStorage}) or in
 * the cookie ({@link CookieStorage}). Chosen once, when the session opens, from the kind of its engine; the
 * session itself never asks which kind it has. Each method reads and updates the session's
 * {@link SessionState}.
 */
sealed interface SessionStorage permits ServerSideStorage, CookieStorage {

    /** The storage strategy for {@code engine}'s kind. */
    static SessionStorage of(SessionEngine engine, SessionSettings settings) {
        if (engine instanceof ClientSideEngine cookies) {
            return new CookieStorage(cookies, settings);
        }
        return new ServerSideStorage((ServerSideEngine) engine, settings);
    }

    /** The engine. */
    SessionEngine engine();

    /** Whether sessions are stored on the server (true) or in the cookie (false). */
    boolean isStoredOnServer();

    /** Whether {@code candidate}, the key a client sent, may name a session; an unusable key is dropped. */
    boolean isUsableKey(@Nullable String candidate);

    /** Loads the data of {@code state.key} (not null); may drop the key or mark the session changed. */
    Map<String, Object> load(SessionState state, String key);

    /**
     * Saves the session's data under its key or a new one; {@code data} loads it (once) if the save needs
     * it, which a save that creates a new session does not.
     */
    void save(SessionState state, Supplier<Map<String, Object>> data);

    /** Keeps {@code data} under a new key and retires the old one as far as the kind allows. */
    void cycleKey(SessionState state, Map<String, Object> data);

    /**
     * Like {@link #cycleKey}, but a new record is written by the next save rather than now, where the kind
     * can tell the two apart; the old one is retired now.
     */
    default void cycleKeyAtSave(SessionState state, Map<String, Object> data) {
        cycleKey(state, data);
    }

    /** Deletes what is stored for the session's key, if anything can be deleted. */
    void delete(SessionState state);

    /** Deletes the session stored under another key, if this kind stores any; ignores unusable keys. */
    void deleteOther(String otherKey);

    /** Whether a stored session exists for {@code key}: always false for cookies. */
    boolean exists(String key);
}
