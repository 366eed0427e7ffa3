package dev.cloakroom;

import dev.cloakroom.internal.Journal;
import dev.cloakroom.internal.JsonValues;
import dev.cloakroom.internal.PythonDates;
import dev.cloakroom.internal.SecurityLog;
import dev.cloakroom.internal.SessionKeys;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
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
 * </ul>
 *
 * <p>Not thread-safe: one instance belongs to one request. Open one with {@link #open}.
 */
public final class Session {

    /** The entry holding a per-session expiry, as Django stores it. */
    public static final String EXPIRY_KEY = "_session_expiry";
    /** The entry {@link #setTestCookie()} writes. */
    public static final String TEST_COOKIE_KEY = "testcookie";

    private static final int MAX_CREATE_ATTEMPTS = 100;
    /**
     * The longest cookie value a client-side engine is asked to read: twice what a browser keeps (4096
     * bytes per cookie), so anything longer never came from this server and is not even verified.
     */
    private static final int MAX_CLIENT_SIDE_KEY = 8192;

    private final SessionEngine engine;
    private final @Nullable ClientSideEngine clientSide;
    private final SessionSettings settings;
    private final Journal journal = new Journal();
    private @Nullable String key;
    private @Nullable Map<String, Object> cache;
    private @Nullable StoredSession loaded;
    private boolean accessed;
    private boolean modified;

    private Session(SessionEngine engine, SessionSettings settings, @Nullable String key) {
        this.engine = engine;
        this.clientSide = engine instanceof ClientSideEngine c ? c : null;
        this.settings = settings;
        this.key = isUsableKey(key) ? key : null;
    }

    /**
     * Opens the session named by {@code key} (the cookie's value) without touching storage.
     *
     * @param key the key the client sent, or {@code null}; an unusable key is dropped
     */
    public static Session open(SessionEngine engine, SessionSettings settings, @Nullable String key) {
        return new Session(Objects.requireNonNull(engine, "engine"), Objects.requireNonNull(settings, "settings"),
                key);
    }

    private boolean isUsableKey(@Nullable String candidate) {
        if (clientSide != null) {
            if (candidate != null && candidate.length() > MAX_CLIENT_SIDE_KEY) {
                SecurityLog.suspicious("Ignoring a session cookie of " + candidate.length()
                        + " characters, over the " + MAX_CLIENT_SIDE_KEY + " a signed session cookie can have");
                return false;
            }
            // Django's rule for every engine: a key shorter than 8 characters is no key, silently.
            return candidate != null && candidate.length() >= SessionKeys.MIN_LENGTH;
        }
        return SessionKeys.isValid(candidate);
    }

    // ---------------------------------------------------------------- state

    /** The session key (Django's {@code session_key}), or {@code null} if it has none yet. */
    public @Nullable String key() {
        return key;
    }

    /** The engine this session is stored with. */
    public SessionEngine engine() {
        return engine;
    }

    /** The settings this session follows. */
    public SessionSettings settings() {
        return settings;
    }

    /** Whether the data was read or written in this request (it sets {@code Vary: Cookie}). */
    public boolean isAccessed() {
        return accessed;
    }

    /** Whether the data was changed in this request, so the middleware saves it. Never reset. */
    public boolean isModified() {
        return modified;
    }

    /**
     * Marks the session modified, after changing a value in place. If another request saves this session
     * meanwhile, this request's whole copy is written over it (last writer wins), as in Django.
     */
    public void markModified() {
        modified = true;
        journal.overwrite();
    }

    /**
     * Django's {@code is_empty()}: true if there is no key and no data. Never loads: a session with a key
     * is not empty even if its data is.
     */
    public boolean isEmpty() {
        return key == null && (cache == null || cache.isEmpty());
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
        modified = true;
        journal.record(d -> d.put(name, tree));
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
        modified = true;
        journal.record(d -> d.remove(name));
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
        modified = true;
        journal.record(d -> d.putIfAbsent(name, tree));
        return tree;
    }

    /** Stores every entry of {@code values}; marks the session modified even if it is empty. */
    public void update(Map<String, ?> values) {
        Map<String, Object> trees = new LinkedHashMap<>();
        values.forEach((name, value) -> trees.put(name, JsonValues.toTree(name, value)));
        data().putAll(trees);
        modified = true;
        journal.record(d -> d.putAll(trees));
    }

    /**
     * Replaces the value under {@code name} with {@code fn} of it ({@code null} when absent); a {@code null}
     * result removes it. If another request saves first, {@code fn} runs again on the fresh value before
     * this session is saved, so increments are never lost. Returns the new value.
     */
    public @Nullable Object compute(String name, UnaryOperator<@Nullable Object> fn) {
        Object next = applyCompute(data(), name, fn);
        modified = true;
        journal.record(d -> applyCompute(d, name, fn));
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
        cache = new LinkedHashMap<>();
        accessed = true;
        modified = true;
        journal.record(Map::clear);
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
        return getExpiryAge(settings.clock().instant(), get(EXPIRY_KEY));
    }

    /** Seconds from {@code modification} until the session expires. */
    public long getExpiryAge(Instant modification) {
        return getExpiryAge(modification, get(EXPIRY_KEY));
    }

    /**
     * Seconds from {@code modification} until {@code expiry} (a stored {@code _session_expiry}: seconds, an
     * ISO date, or {@code null}/0 for the default), floored as Django does. Does not load the session.
     */
    public long getExpiryAge(Instant modification, @Nullable Object expiry) {
        if (isDefaultExpiry(expiry)) {
            return settings.cookieAge().toSeconds();
        }
        if (expiry instanceof String iso) {
            Instant at = parseExpiry(iso);
            return at == null ? settings.cookieAge().toSeconds() : Duration.between(modification, at).getSeconds();
        }
        return expiry instanceof Number n ? n.longValue() : settings.cookieAge().toSeconds();
    }

    /** When the session expires if saved now (Django's {@code get_expiry_date()}). */
    public Instant getExpiryDate() {
        return getExpiryDate(settings.clock().instant(), get(EXPIRY_KEY));
    }

    /** When the session expires if saved at {@code modification}. */
    public Instant getExpiryDate(Instant modification) {
        return getExpiryDate(modification, get(EXPIRY_KEY));
    }

    /** When a session saved at {@code modification} with {@code expiry} expires. Does not load the session. */
    public Instant getExpiryDate(Instant modification, @Nullable Object expiry) {
        if (expiry instanceof String iso) {
            Instant at = parseExpiry(iso);
            if (at != null) {
                return at;
            }
        }
        return modification.plusSeconds(getExpiryAge(modification, expiry instanceof String ? null : expiry));
    }

    /**
     * Whether the cookie should end with the browser: a per-session expiry of 0 says yes, any other
     * per-session expiry says no, and without one the {@code expireAtBrowserClose} setting decides.
     */
    public boolean getExpireAtBrowserClose() {
        Object expiry = get(EXPIRY_KEY);
        if (expiry == null) {
            return settings.expireAtBrowserClose();
        }
        return expiry instanceof Number n && n.doubleValue() == 0;
    }

    private static boolean isDefaultExpiry(@Nullable Object expiry) {
        return expiry == null || (expiry instanceof Number n && n.doubleValue() == 0)
                || (expiry instanceof String s && s.isEmpty()) || expiry instanceof Boolean;
    }

    private static @Nullable Instant parseExpiry(String iso) {
        try {
            return PythonDates.parse(iso);
        } catch (DateTimeParseException e) {
            SecurityLog.suspicious("Ignoring an unreadable " + EXPIRY_KEY + " in a session: " + e.getMessage());
            return null;
        }
    }

    // ---------------------------------------------------------------- lifecycle

    /**
     * Saves the session: creates it under a new key if it has none, otherwise replaces the stored copy,
     * compare-and-set (see the class comment).
     *
     * @throws SessionInterruptedException if the stored session was deleted meanwhile
     * @throws SessionTooLargeException if a signed cookie would be too large
     * @throws SessionStorageException if the storage fails
     */
    public void save() {
        if (clientSide != null) {
            key = clientSide.write(data());
            modified = true;
            return;
        }
        if (key == null) {
            create();
            return;
        }
        Map<String, Object> data = data();
        String current = key;
        if (current == null) {
            // Loading found no record: Django's forced update fails here too.
            throw new SessionInterruptedException();
        }
        for (int attempt = 0; attempt < settings.maxSaveAttempts(); attempt++) {
            StoredSession next = toStored(current, data);
            switch (engine.save(loaded, next)) {
                case SAVED:
                    loaded = next;
                    journal.clear();
                    return;
                case GONE:
                    throw new SessionInterruptedException();
                case CONFLICT:
                default:
                    backOff(attempt);
                    StoredSession fresh = engine.load(current).orElseThrow(SessionInterruptedException::new);
                    loaded = fresh;
                    data = journal.replay(settings.codec().decode(fresh.data()), data);
                    cache = data;
            }
        }
        throw new SessionException("Could not save session …" + SessionKeys.suffix(current) + " in "
                + settings.maxSaveAttempts() + " attempts: other requests kept changing it at the same time");
    }

    /**
     * Waits a random moment before retrying a conflicting save, longer after each conflict (at most
     * 64 ms), so that requests racing on one session stop colliding in lockstep. The first retry is
     * immediate: most conflicts are single.
     */
    private static void backOff(int attempt) {
        if (attempt == 0) {
            return;
        }
        long boundMillis = 1L << Math.min(attempt, 6);
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(boundMillis + 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SessionException("Interrupted while retrying a session save", e);
        }
    }

    /**
     * Keeps the data under a new key and deletes the old record: protection against session fixation,
     * run at login. Loads the session first if needed. For signed cookies it re-signs the cookie; the old
     * cookie stays valid until it expires.
     */
    public void cycleKey() {
        Map<String, Object> data = data();
        if (clientSide != null) {
            save();
            return;
        }
        String oldKey = key;
        create();
        cache = data;
        if (oldKey != null) {
            engine.delete(oldKey);
        }
    }

    /** Clears the data, deletes the stored session and drops the key: logout. */
    public void flush() {
        clear();
        delete();
        key = null;
        loaded = null;
        journal.clear();
    }

    /** Deletes the stored session of this session's key, if any; the data in this object is kept. */
    public void delete() {
        if (clientSide != null) {
            key = null;
            cache = new LinkedHashMap<>();
            modified = true;
            return;
        }
        if (key != null) {
            engine.delete(key);
        }
    }

    /** Deletes the stored session for another {@code key}; does nothing for an unusable key. */
    public void delete(String otherKey) {
        if (Objects.equals(otherKey, key)) {
            delete();
        } else if (clientSide == null && SessionKeys.isValid(otherKey)) {
            engine.delete(otherKey);
        }
    }

    /** Returns whether a stored session exists for {@code someKey}; always false for signed cookies. */
    public boolean exists(String someKey) {
        return clientSide == null && SessionKeys.isValid(someKey) && engine.exists(someKey);
    }

    private void create() {
        Map<String, Object> data = cache != null ? cache : new LinkedHashMap<>();
        cache = data;
        accessed = true;
        for (int attempt = 0; attempt < MAX_CREATE_ATTEMPTS; attempt++) {
            StoredSession candidate = toStored(SessionKeys.generate(), data);
            if (engine.create(candidate)) {
                key = candidate.key();
                loaded = candidate;
                journal.clear();
                modified = true;
                return;
            }
        }
        throw new SessionException("Could not find a free session key in " + MAX_CREATE_ATTEMPTS
                + " attempts; the engine keeps reporting keys as taken");
    }

    private StoredSession toStored(String storeKey, Map<String, Object> data) {
        Instant expiresAt = getExpiryDate(settings.clock().instant(), data.get(EXPIRY_KEY));
        Object user = data.get(settings.userIdKey());
        return new StoredSession(storeKey, settings.codec().encode(data), expiresAt,
                user == null ? null : user.toString());
    }

    private Map<String, Object> data() {
        accessed = true;
        Map<String, Object> data = cache;
        if (data == null) {
            data = load();
            cache = data;
        }
        return data;
    }

    private Map<String, Object> load() {
        String current = key;
        if (current == null) {
            return new LinkedHashMap<>();
        }
        if (clientSide != null) {
            Optional<Map<String, Object>> data = clientSide.read(current);
            if (data.isPresent()) {
                return data.get();
            }
            modified = true; // Django re-issues a cookie for the empty session
            return new LinkedHashMap<>();
        }
        Optional<StoredSession> stored = engine.load(current);
        if (stored.isEmpty()) {
            key = null;
            return new LinkedHashMap<>();
        }
        loaded = stored.get();
        return settings.codec().decode(stored.get().data());
    }

    @Override
    public String toString() {
        return "Session[key=" + (key == null ? "none" : "…" + SessionKeys.suffix(key)) + ", loaded="
                + (cache != null) + ", accessed=" + accessed + ", modified=" + modified + "]";
    }
}
