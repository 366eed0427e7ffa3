package dev.cloakroom;

import dev.cloakroom.internal.Journal;
import dev.cloakroom.internal.JsonValues;
import dev.cloakroom.internal.PythonDates;
import dev.cloakroom.internal.SecurityLog;
import dev.cloakroom.internal.SessionKeys;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
    /** The entry {@link #setTestCookie()} writes. */
    public static final String TEST_COOKIE_KEY = "testcookie";

    private static final Logger LOG = LoggerFactory.getLogger(Session.class);
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
    /** Whether the values are exactly the stored ones: saved in this request, not changed since. */
    private boolean saved;
    /** The storage failure that ended this session's load, rethrown by every later access. */
    private @Nullable SessionStorageException loadFailure;
    private @Nullable String verifiedUser;
    /** The last {@code _session_expiry} value read, and what it meant: so an unusable one is logged once. */
    private @Nullable Object expiryValue;
    private @Nullable StoredExpiry expiryRead;

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
        return new Session(Objects.requireNonNull(engine, "engine"),
                Objects.requireNonNull(settings, "settings"), key);
    }

    private boolean isUsableKey(@Nullable String candidate) {
        if (clientSide != null) {
            if (candidate != null && candidate.length() > MAX_CLIENT_SIDE_KEY) {
                SecurityLog.suspicious("Ignoring a session cookie of " + candidate.length()
                        + " characters, over the " + MAX_CLIENT_SIDE_KEY
                        + " a signed session cookie can have");
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
        changed();
        journal.overwrite();
    }

    /**
     * Whether this session was saved in this request ({@link #save()}, {@link #cycleKey()}, or a new session
     * given its key) and not changed since: its values are then exactly what is stored, and a middleware
     * need not save it again.
     */
    public boolean isSaved() {
        return saved;
    }

    private void changed() {
        modified = true;
        saved = false;
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
        changed();
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
        changed();
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
        changed();
        journal.record(d -> d.putIfAbsent(name, tree));
        return tree;
    }

    /** Stores every entry of {@code values}; marks the session modified even if it is empty. */
    public void update(Map<String, ?> values) {
        Map<String, Object> trees = new LinkedHashMap<>();
        values.forEach((name, value) -> trees.put(name, JsonValues.toTree(name, value)));
        data().putAll(trees);
        changed();
        journal.record(d -> d.putAll(trees));
    }

    /**
     * Replaces the value under {@code name} with {@code fn} of it ({@code null} when absent); a {@code null}
     * result removes it. If another request saves first, {@code fn} runs again on the fresh value before
     * this session is saved, so increments are never lost. Returns the new value.
     */
    public @Nullable Object compute(String name, UnaryOperator<@Nullable Object> fn) {
        Object next = applyCompute(data(), name, fn);
        changed();
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
        changed();
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
        return getExpiryAge(settings.clock().instant());
    }

    /** Seconds from {@code modification} until the session expires (Django's {@code modification=}). */
    public long getExpiryAge(Instant modification) {
        return expiry(data()).age(modification, settings.cookieAge());
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
        return expiry(data()).date(modification, settings.cookieAge());
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

    /**
     * The meaning of {@code data}'s {@code _session_expiry}, read once per stored value: an unusable one is
     * logged once on the security log and then reads as the default.
     */
    private StoredExpiry expiry(Map<String, Object> data) {
        Object value = data.get(EXPIRY_KEY);
        StoredExpiry read = expiryRead;
        if (read == null || value != expiryValue) {
            read = StoredExpiry.read(value, settings.clock().instant());
            String problem = read.problem();
            if (problem != null) {
                SecurityLog.suspicious(problem);
            }
            expiryValue = value;
            expiryRead = read;
        }
        return read;
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
        if (clientSide != null) {
            key = clientSide.write(data());
            modified = true;
            saved = true;
            return;
        }
        throwIfLoadFailed();
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
        long started = System.nanoTime();
        long deadline = started + settings.saveRetryTimeout().toNanos();
        for (int attempt = 1; ; attempt++) {
            StoredSession next = toStored(current, data);
            switch (engine.save(loaded, next)) {
                case SAVED:
                    loaded = next;
                    journal.clear();
                    saved = true;
                    if (attempt > 1) {
                        LOG.debug("Saved session …{} after {} attempts in {} ms", SessionKeys.suffix(current),
                                attempt, (System.nanoTime() - started) / 1_000_000);
                    }
                    return;
                case GONE:
                    throw new SessionInterruptedException();
                case CONFLICT:
                default:
                    if (attempt >= settings.maxSaveAttempts() || System.nanoTime() - deadline >= 0) {
                        throw new SessionException("Could not save session …" + SessionKeys.suffix(current)
                                + " in " + attempt + " attempts over "
                                + (System.nanoTime() - started) / 1_000_000
                                + " ms: other requests kept changing it at the same time");
                    }
                    SaveBackoff.pause(attempt, deadline);
                    StoredSession fresh = engine.load(current).orElseThrow(SessionInterruptedException::new);
                    loaded = fresh;
                    data = journal.replay(settings.codec().decode(fresh.data()), data);
                    cache = data;
            }
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

    /**
     * Says that the caller verified, in this request, that this session belongs to {@code userId} (a
     * password at login, or the session auth hash): from its next save the session is filed under that user
     * in engines that index sessions by user ({@link UserSessionIndex}), as long as its data names the same
     * user under {@code userIdKey}. {@link dev.cloakroom.contrib.auth.Auth} calls this; an id merely stored
     * in the data is never enough. {@code null} withdraws it. Does not load or modify the session.
     */
    public void setVerifiedUser(@Nullable String userId) {
        this.verifiedUser = userId;
    }

    /** Clears the data, deletes the stored session and drops the key: logout. */
    public void flush() {
        clear();
        delete();
        key = null;
        loaded = null;
        verifiedUser = null;
        journal.clear();
    }

    /** Deletes the stored session of this session's key, if any; the data in this object is kept. */
    public void delete() {
        if (clientSide != null) {
            key = null;
            cache = new LinkedHashMap<>();
            changed();
            return;
        }
        throwIfLoadFailed();
        if (key != null) {
            saved = false; // nothing stored any more
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
                saved = true;
                return;
            }
        }
        throw new SessionException("Could not find a free session key in " + MAX_CREATE_ATTEMPTS
                + " attempts; the engine keeps reporting keys as taken");
    }

    private StoredSession toStored(String storeKey, Map<String, Object> data) {
        Instant expiresAt = expiry(data).date(settings.clock().instant(), settings.cookieAge());
        return new StoredSession(storeKey, settings.codec().encode(data), expiresAt, indexedUser(data));
    }

    /**
     * The user this save files the session under ({@link StoredSession#userId()}): the id the data names
     * under {@code userIdKey}, but only if a login vouches for it, either in this request
     * ({@link #setVerifiedUser}) or in an earlier one (the stored record was already filed under it).
     * Data alone never files a session under a user, so nobody can plant a session in another user's list
     * by storing their id.
     */
    private @Nullable String indexedUser(Map<String, Object> data) {
        Object value = data.get(settings.userIdKey());
        String claimed = value instanceof String s && !s.isEmpty() ? s
                : value instanceof Integer || value instanceof Long || value instanceof BigInteger
                ? value.toString() : null;
        if (claimed == null) {
            return null;
        }
        if (claimed.equals(verifiedUser)) {
            return claimed;
        }
        StoredSession previous = loaded;
        return previous != null && claimed.equals(previous.userId()) ? claimed : null;
    }

    private Map<String, Object> data() {
        accessed = true;
        Map<String, Object> data = cache;
        if (data == null) {
            throwIfLoadFailed();
            try {
                data = load();
            } catch (SessionStorageException e) {
                loadFailure = e;
                throw e;
            }
            cache = data;
        }
        return data;
    }

    /** Throws the failure of this session's load again, if it failed, without asking the storage. */
    private void throwIfLoadFailed() {
        SessionStorageException failure = loadFailure;
        if (failure != null) {
            throw new SessionStorageException(String.valueOf(failure.getMessage()), failure);
        }
    }

    private Map<String, Object> load() {
        String current = key;
        if (current == null) {
            return new LinkedHashMap<>();
        }
        if (clientSide != null) {
            Optional<ClientSideEngine.CookieSession> cookie = clientSide.read(current);
            if (cookie.isPresent() && !expiredCookie(cookie.get())) {
                return cookie.get().data();
            }
            changed(); // Django re-issues a cookie for the empty session
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

    /** Whether the cookie's own per-session expiry, counted from when it was written, has passed. */
    private boolean expiredCookie(ClientSideEngine.CookieSession cookie) {
        StoredExpiry expiry = expiry(cookie.data());
        if (!expiry.isCustom()) {
            return false; // the signature's age already bounds the cookie to cookieAge
        }
        Instant expiresAt = expiry.date(cookie.writtenAt(), settings.cookieAge());
        if (expiresAt.isAfter(settings.clock().instant())) {
            return false;
        }
        SecurityLog.suspicious("Rejected a signed session cookie: its session expired at " + expiresAt);
        return true;
    }

    @Override
    public String toString() {
        return "Session[key=" + (key == null ? "none" : "…" + SessionKeys.suffix(key)) + ", loaded="
                + (cache != null) + ", accessed=" + accessed + ", modified=" + modified + "]";
    }
}
