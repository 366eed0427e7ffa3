package dev.cloakroom;

import dev.cloakroom.internal.JsonValues;
import dev.cloakroom.internal.PythonDates;
import dev.cloakroom.internal.SessionKeys;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * One request's view of one session, with the semantics of Django's {@code SessionBase}: a map of
 * JSON values that loads lazily, tracks whether it was accessed or modified, and is saved through a
 * {@link SessionEngine}.
 *
 * <ul>
 *   <li><b>Lazy.</b> Opening a session touches no storage; the first read or write loads it once.</li>
 *   <li><b>Keys.</b> A key the client sent that is malformed, or names no live session, is dropped and a
 *       fresh one is generated at save, so a client can never choose its own key.</li>
 *   <li><b>Values</b> are a JSON tree: {@code null}, strings, booleans, numbers, lists and maps. Records and
 *       POJOs are converted with Jackson at {@link #put}; read them back with {@link #get(String, Class)}.
 *       Changing a value in place (a list you got) is not seen: put it again, or call
 *       {@link #markModified()}.</li>
 *   <li><b>No lost updates.</b> The session remembers what it loaded and records this request's changes.
 *       {@link #save()} is a compare-and-set; when another request saved first, it reloads, applies this
 *       request's changes again (re-running {@link #compute} functions on the fresh values) and retries.
 *       A session deleted meanwhile is not resurrected: {@link SessionInterruptedException}.</li>
 *   <li><b>Storage failures are final.</b> If loading fails ({@link SessionStorageException}: the database or
 *       Redis is down), the session remembers it: every later read or write in this request throws a
 *       {@code SessionStorageException} with the same message at once, without asking the storage again, so
 *       a request waits for a storage timeout at most once.</li>
 *   <li><b>What was stored.</b> A value read before {@link #save()} is what this request computed on the data
 *       it loaded; if another request saved first, the save applies this request's changes to the fresher
 *       data and the stored value can differ (a counter at 9 instead of 3). After {@code save()} the values
 *       are exactly the stored ones; {@link #isSaved()} says whether they still are.</li>
 * </ul>
 *
 * <p>Not thread-safe: one instance belongs to one request. Open one with {@link #open}.
 */
public final class Session {

    /** The entry holding a per-session expiry, as Django stores it. */
    public static final String EXPIRY_KEY = "_session_expiry";
    /**
     * The entry holding the session's creation time in epoch seconds, kept only when an idle timeout or an
     * absolute lifetime is set ({@link SessionSettings#idleTimeout()}); Django ignores it.
     */
    public static final String CREATED_KEY = "_cloakroom_created";
    /** The entry {@link #setTestCookie()} writes. */
    public static final String TEST_COOKIE_KEY = "testcookie";

    private final SessionStorage storage;
    private final SessionSettings settings;
    private final SessionState state = new SessionState();

    private Session(SessionEngine engine, SessionSettings settings, @Nullable String key) {
        this.storage = SessionStorage.of(engine, settings);
        this.settings = settings;
        this.state.key = storage.isUsableKey(key) ? key : null;
    }

    /**
     * Opens the session named by {@code key} (the cookie's value) without touching storage. The engine's
     * kind decides, once, how the session is loaded and saved: on the server under a random key
     * ({@link ServerSideEngine}), or in the cookie itself ({@link ClientSideEngine}).
     *
     * @param key the key the client sent, or {@code null}; an unusable key is dropped
     */
    public static Session open(SessionEngine engine, SessionSettings settings, @Nullable String key) {
        return new Session(Objects.requireNonNull(engine, "engine"),
                Objects.requireNonNull(settings, "settings"), key);
    }

    // ---------------------------------------------------------------- state

    /** The session key (Django's {@code session_key}), or {@code null} if it has none yet. */
    public @Nullable String key() {
        return state.key;
    }

    /** The engine this session is stored with. */
    public SessionEngine engine() {
        return storage.engine();
    }

    /**
     * Whether this session is stored on the server under its key ({@link ServerSideEngine}), so that it can
     * be revoked there; false when the cookie carries the session itself ({@link ClientSideEngine}).
     */
    public boolean isStoredOnServer() {
        return storage.isStoredOnServer();
    }

    /** The settings this session follows. */
    public SessionSettings settings() {
        return settings;
    }

    /** Whether the data was read or written in this request (it sets {@code Vary: Cookie}). */
    public boolean isAccessed() {
        return state.accessed;
    }

    /** Whether the data was changed in this request, so the middleware saves it. Never reset. */
    public boolean isModified() {
        return state.modified;
    }

    /**
     * Marks the session modified, after changing a value in place. If another request saves this session
     * meanwhile, this request's whole copy is written over it (last writer wins), as in Django.
     */
    public void markModified() {
        state.changed();
        state.journal.overwrite();
    }

    /**
     * Whether this session was saved in this request ({@link #save()}, {@link #cycleKey()}, or a new session
     * given its key) and not changed since: its values are then exactly what is stored, and a middleware
     * need not save it again.
     */
    public boolean isSaved() {
        return state.saved;
    }

    /**
     * Django's {@code is_empty()}: true if there is no key and no data. Never loads: a session with a key
     * is not empty even if its data is.
     */
    public boolean isEmpty() {
        return state.key == null && (state.cache == null || state.cache.isEmpty());
    }

    // ---------------------------------------------------------------- reading

    /** Returns the value stored under {@code name}, or {@code null}. Loads the session. */
    public @Nullable Object get(String name) {
        return data().get(name);
    }

    /** Returns the value stored under {@code name}, or {@code defaultValue} if there is none. */
    public @Nullable Object getOrDefault(String name, @Nullable Object defaultValue) {
        Map<String, Object> data = data();
        return data.containsKey(name) ? data.get(name) : defaultValue;
    }

    /**
     * Returns the value stored under {@code name} converted to {@code type} (a record, a POJO, a
     * {@code Long}...), or {@code null} if there is none.
     *
     * @throws IllegalArgumentException if the stored value cannot be read as {@code type}
     */
    public <T> @Nullable T get(String name, Class<T> type) {
        return JsonValues.fromTree(name, data().get(name), type);
    }

    /** Returns whether a value is stored under {@code name} (Django's {@code in}). */
    public boolean contains(String name) {
        return data().containsKey(name);
    }

    /** The names of the stored values: a live, read-only view. */
    public Set<String> keys() {
        return Collections.unmodifiableSet(data().keySet());
    }

    /** The stored values: a live, read-only view. */
    public Collection<Object> values() {
        return Collections.unmodifiableCollection(data().values());
    }

    /** The stored entries: a live, read-only view. */
    public Set<Map.Entry<String, Object>> entries() {
        return Collections.unmodifiableMap(data()).entrySet();
    }

    // ---------------------------------------------------------------- writing

    /**
     * Stores {@code value} under {@code name}.
     *
     * @throws IllegalArgumentException if {@code value} cannot be JSON; the message names the key and type
     */
    public void put(String name, @Nullable Object value) {
        Objects.requireNonNull(name, "name");
        Object tree = JsonValues.toTree(name, value);
        data().put(name, tree);
        state.changed();
        state.journal.record(d -> d.put(name, tree));
    }

    /**
     * Removes the value stored under {@code name} and returns it, or returns {@code null} if there was
     * none. Marks the session modified only if something was removed.
     */
    public @Nullable Object remove(String name) {
        Map<String, Object> data = data();
        if (!data.containsKey(name)) {
            return null;
        }
        state.changed();
        state.journal.record(d -> d.remove(name));
        return data.remove(name);
    }

    /**
     * Removes and returns the value stored under {@code name} (Django's {@code pop(k)}).
     *
     * @throws NoSuchElementException if there is none
     */
    public @Nullable Object pop(String name) {
        if (!data().containsKey(name)) {
            throw new NoSuchElementException("No session value named '" + name + "'");
        }
        return remove(name);
    }

    /** Removes and returns the value stored under {@code name}, or returns {@code defaultValue}. */
    public @Nullable Object pop(String name, @Nullable Object defaultValue) {
        return data().containsKey(name) ? remove(name) : defaultValue;
    }

    /**
     * Returns the value stored under {@code name}; if there is none, stores {@code value} and returns it
     * (Django's {@code setdefault}).
     */
    public @Nullable Object setDefault(String name, @Nullable Object value) {
        Map<String, Object> data = data();
        if (data.containsKey(name)) {
            return data.get(name);
        }
        Object tree = JsonValues.toTree(name, value);
        data.put(name, tree);
        state.changed();
        state.journal.record(d -> d.putIfAbsent(name, tree));
        return tree;
    }

    /** Stores every entry of {@code values}; marks the session modified even if it is empty. */
    public void update(Map<String, ?> values) {
        Map<String, Object> trees = new LinkedHashMap<>();
        values.forEach((name, value) -> trees.put(name, JsonValues.toTree(name, value)));
        data().putAll(trees);
        state.changed();
        state.journal.record(d -> d.putAll(trees));
    }

    /**
     * Replaces the value under {@code name} with {@code fn} of it ({@code null} when absent); a {@code null}
     * result removes it. If another request saves first, {@code fn} runs again on the fresh value before
     * this session is saved, so increments are never lost. Returns the new value.
     */
    public @Nullable Object compute(String name, UnaryOperator<@Nullable Object> fn) {
        Object next = applyCompute(data(), name, fn);
        state.changed();
        state.journal.record(d -> applyCompute(d, name, fn));
        return next;
    }

    /**
     * Typed {@link #compute(String, UnaryOperator)}: {@code session.compute("count", Integer.class,
     * n -> n == null ? 1 : n + 1)}.
     */
    public <T> @Nullable T compute(String name, Class<T> type, UnaryOperator<@Nullable T> fn) {
        Object next = compute(name, current -> fn.apply(JsonValues.fromTree(name, current, type)));
        return JsonValues.fromTree(name, next, type);
    }

    private static @Nullable Object applyCompute(Map<String, Object> data, String name,
            UnaryOperator<@Nullable Object> fn) {
        Object next = JsonValues.toTree(name, fn.apply(data.get(name)));
        if (next == null) {
            data.remove(name);
        } else {
            data.put(name, next);
        }
        return next;
    }

    /** Removes every value without loading the session first; keeps the key. */
    public void clear() {
        state.cache = new LinkedHashMap<>();
        state.accessed = true;
        state.changed();
        state.journal.record(Map::clear);
    }

    // ---------------------------------------------------------------- test cookie

    /** Stores Django's test value, to check on the next request that the browser keeps cookies. */
    public void setTestCookie() {
        put(TEST_COOKIE_KEY, "worked");
    }

    /** Returns whether the test value set by {@link #setTestCookie()} came back. */
    public boolean testCookieWorked() {
        return "worked".equals(get(TEST_COOKIE_KEY));
    }

    /**
     * Removes the test value.
     *
     * @throws NoSuchElementException if it is not there
     */
    public void deleteTestCookie() {
        pop(TEST_COOKIE_KEY);
    }

    // ---------------------------------------------------------------- expiry

    /**
     * Sets the session to expire after {@code seconds} of inactivity, counted from each save; {@code 0}
     * makes the cookie end with the browser (the stored session then lives {@code cookieAge}).
     */
    public void setExpiry(long seconds) {
        put(EXPIRY_KEY, seconds);
    }

    /**
     * Sets the session to expire {@code duration} from now (Django's {@code timedelta}); {@code null} goes
     * back to the settings' default.
     */
    public void setExpiry(@Nullable Duration duration) {
        if (duration == null) {
            remove(EXPIRY_KEY);
        } else {
            put(EXPIRY_KEY, PythonDates.format(settings.clock().instant().plus(duration)));
        }
    }

    /** Sets the session to expire at {@code instant}; {@code null} goes back to the settings' default. */
    public void setExpiry(@Nullable Instant instant) {
        if (instant == null) {
            remove(EXPIRY_KEY);
        } else {
            put(EXPIRY_KEY, PythonDates.format(instant));
        }
    }

    /** Seconds from now until the session expires (Django's {@code get_expiry_age()}); may be negative. */
    public long getExpiryAge() {
        return getExpiryAge(settings.clock().instant());
    }

    /** Seconds from {@code modification} until the session expires (Django's {@code modification=}). */
    public long getExpiryAge(Instant modification) {
        Map<String, Object> data = data();
        if (!settings.hasExpiryPolicy()) {
            return expiry(data).age(modification, settings.cookieAge());
        }
        return Duration.between(modification, getExpiryDate(modification)).getSeconds();
    }

    /**
     * Seconds from {@code modification} until a session with an expiry of {@code seconds} expires
     * (Django's {@code get_expiry_age(modification=..., expiry=seconds)}): {@code seconds} itself, or the
     * default ({@code cookieAge}) for 0. Does not load the session.
     */
    public long getExpiryAge(Instant modification, long seconds) {
        return StoredExpiry.ofSeconds(seconds).age(modification, settings.cookieAge());
    }

    /**
     * Seconds from {@code modification} until {@code expiry}, floored as Django does ({@code
     * get_expiry_age(modification=..., expiry=date)}); the default ({@code cookieAge}) for {@code null},
     * Django's {@code expiry=None}. Does not load the session.
     */
    public long getExpiryAge(Instant modification, @Nullable Instant expiry) {
        return StoredExpiry.ofDate(expiry).age(modification, settings.cookieAge());
    }

    /** When the session expires if saved now (Django's {@code get_expiry_date()}). */
    public Instant getExpiryDate() {
        return getExpiryDate(settings.clock().instant());
    }

    /** When the session expires if saved at {@code modification}. */
    public Instant getExpiryDate(Instant modification) {
        Map<String, Object> data = data();
        Instant django = expiry(data).date(modification, settings.cookieAge());
        return ExpiryPolicy.expiresAt(settings, data, modification, django);
    }

    /**
     * Whether this request should save the session only to move its expiry: an idle timeout is set, the
     * session was loaded but not changed, and saving now would move its expiry by at least
     * {@link SessionSettings#touchAfter()}. The middleware saves such a session. Does not load the session.
     */
    public boolean isTouchDue() {
        Instant stored = state.storedExpiresAt;
        if (settings.idleTimeout() == null || state.cache == null || state.key == null || state.modified
                || state.saved || stored == null) {
            return false;
        }
        Instant next = getExpiryDate(settings.clock().instant());
        return Duration.between(stored, next).compareTo(settings.touchAfter()) >= 0;
    }

    /**
     * When a session saved at {@code modification} with an expiry of {@code seconds} expires (0: the
     * default, {@code cookieAge}). Does not load the session.
     *
     * @throws java.time.DateTimeException if the date is beyond the range of {@link Instant}
     */
    public Instant getExpiryDate(Instant modification, long seconds) {
        return StoredExpiry.ofSeconds(seconds).date(modification, settings.cookieAge());
    }

    /**
     * When a session saved at {@code modification} with the absolute {@code expiry} expires: {@code expiry}
     * itself, or {@code modification + cookieAge} for {@code null}. Does not load the session.
     */
    public Instant getExpiryDate(Instant modification, @Nullable Instant expiry) {
        return StoredExpiry.ofDate(expiry).date(modification, settings.cookieAge());
    }

    /**
     * Whether the cookie should end with the browser: a per-session expiry of 0 says yes, any other
     * per-session expiry says no, and without one the {@code expireAtBrowserClose} setting decides.
     */
    public boolean getExpireAtBrowserClose() {
        return expiry(data()).expireAtBrowserClose(settings.expireAtBrowserClose());
    }

    /** The meaning of {@code data}'s per-session expiry; an unusable one is logged once. */
    private StoredExpiry expiry(Map<String, Object> data) {
        return state.expiry(data, settings.clock().instant());
    }

    // ---------------------------------------------------------------- lifecycle

    /**
     * Saves the session: creates it under a new key if it has none, otherwise replaces the stored copy,
     * compare-and-set (see the class comment).
     *
     * @throws SessionInterruptedException if the stored session was deleted meanwhile
     * @throws SessionTooLargeException if a signed cookie would be too large
     * @throws SessionStorageException if the storage fails, or failed earlier while loading this session
     */
    public void save() {
        storage.save(state, this::data);
    }

    /**
     * Keeps the data under a new key and deletes the old record: protection against session fixation,
     * run at login. Loads the session first if needed. For signed cookies it re-signs the cookie; the old
     * cookie stays valid until it expires.
     */
    public void cycleKey() {
        storage.cycleKey(state, data());
    }

    /**
     * Session fixation protection in one write, for a request that saves its session anyway (a login):
     * the old record is deleted now and the session gets a fresh key now, as with {@link #cycleKey()},
     * but the record under the new key is created by the next {@link #save()} (which the middleware runs,
     * since this marks the session modified), holding whatever the request stored meanwhile. That save
     * never writes over an existing record: should the key be taken by then, another one is generated.
     * Until it runs, {@link #exists(String) exists(key())} is false. Loads the session first if needed.
     * For cookie-based engines it is {@link #cycleKey()}.
     */
    public void cycleKeyAtSave() {
        storage.cycleKeyAtSave(state, data());
    }

    /**
     * Says that the caller verified, in this request, that this session belongs to {@code userId} (a
     * password at login, or the session auth hash): from its next save the session is filed under that user
     * in engines that index sessions by user ({@link UserSessionIndex}), as long as its data names the same
     * user under {@code userIdKey}. {@link dev.cloakroom.contrib.auth.Auth} calls this; an id merely stored
     * in the data is never enough. {@code null} withdraws it. Does not load or modify the session.
     */
    public void setVerifiedUser(@Nullable String userId) {
        state.verifiedUser = userId;
    }

    /** Clears the data, deletes the stored session and drops the key: logout. */
    public void flush() {
        // The key whose record this removes: after cycleKeyAtSave(), the one it retired.
        String ended = state.unstored ? state.cycledFrom : state.key;
        clear();
        delete();
        if (ended != null) {
            settings.events().flushed(ended);
        }
        state.key = null;
        state.unstored = false;
        state.loaded = null;
        state.verifiedUser = null;
        state.journal.clear();
    }

    /** Deletes the stored session of this session's key, if any; the data in this object is kept. */
    public void delete() {
        storage.delete(state);
    }

    /** Deletes the stored session for another {@code key}; does nothing for an unusable key. */
    public void delete(String otherKey) {
        if (Objects.equals(otherKey, state.key)) {
            delete();
        } else {
            storage.deleteOther(otherKey);
        }
    }

    /** Returns whether a stored session exists for {@code someKey}; always false for signed cookies. */
    public boolean exists(String someKey) {
        return storage.exists(someKey);
    }

    private Map<String, Object> data() {
        state.accessed = true;
        Map<String, Object> data = state.cache;
        if (data == null) {
            state.throwIfLoadFailed();
            String current = state.key;
            try {
                data = current == null ? new LinkedHashMap<>() : storage.load(state, current);
            } catch (SessionStorageException e) {
                state.loadFailure = e;
                throw e;
            }
            state.cache = data;
        }
        return data;
    }

    @Override
    public String toString() {
        String current = state.key;
        return "Session[key=" + (current == null ? "none" : "…" + SessionKeys.suffix(current)) + ", loaded="
                + (state.cache != null) + ", accessed=" + state.accessed + ", modified=" + state.modified
                + "]";
    }
}
