package dev.cloakroom.contrib.messages;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One request's messages, with the semantics of Django's {@code BaseStorage}: {@link #add} queues a
 * message for a later request (or this one); iterating reads every stored and queued message and marks
 * them read; {@link #update()}, which the HTTP adapter calls once when the response is about to be
 * sent, then stores only what was added after reading. Messages read in this request are gone for the
 * next; unread ones stay.
 *
 * <p>Kinds: {@link SessionMessageStorage} (the session's {@code _messages}), {@link CookieMessageStorage}
 * (the signed {@code messages} cookie) and {@link FallbackMessageStorage} (cookie first, session for what
 * does not fit: Django's default).
 *
 * <p>Not thread-safe: one instance belongs to one request.
 */
public abstract sealed class MessageStorage implements Iterable<Message>
        permits SessionMessageStorage, CookieMessageStorage, FallbackMessageStorage {

    /** Django's default {@code MESSAGE_LEVEL}: {@link Level#INFO}, so debug messages are dropped. */
    public static final int DEFAULT_LEVEL = Level.INFO.value();

    private final List<Message> queued = new ArrayList<>();
    private @Nullable List<Message> loaded;
    private boolean used;
    private boolean addedNew;
    private int level = DEFAULT_LEVEL;

    MessageStorage() {
    }

    /** What a storage read: {@code messages} is {@code null} when the storage was never used. */
    record Loaded(@Nullable List<Message> messages, boolean allRetrieved) {
    }

    /** Reads the stored messages (Django's {@code _get}); never throws for bad stored data. */
    abstract Loaded load();

    /**
     * Stores {@code messages}, replacing what was stored (Django's {@code _store}), and returns those it
     * could not store, in order.
     */
    abstract List<Message> store(List<Message> messages, boolean removeOldest);

    // ---------------------------------------------------------------- adding

    /**
     * Adds a message unless its text is empty or its level is below {@link #level()} (then it is
     * silently dropped, as in Django).
     */
    public void add(int level, String text, @Nullable String extraTags) {
        add(new Message(level, Objects.requireNonNull(text, "text"), extraTags, false));
    }

    /** Adds a message with no extra tags; see {@link #add(int, String, String)}. */
    public void add(Level level, String text) {
        add(level.value(), text, null);
    }

    /** Adds {@code message} (which may be marked safe) unless its text is empty or its level too low. */
    public void add(Message message) {
        if (message.text().isEmpty() || message.level() < level) {
            return;
        }
        addedNew = true;
        queued.add(message);
    }

    /** Adds a {@link Level#DEBUG} message (dropped at the default minimum level). */
    public void debug(String text) {
        add(Level.DEBUG, text);
    }

    /** Adds a {@link Level#INFO} message. */
    public void info(String text) {
        add(Level.INFO, text);
    }

    /** Adds a {@link Level#SUCCESS} message. */
    public void success(String text) {
        add(Level.SUCCESS, text);
    }

    /** Adds a {@link Level#WARNING} message. */
    public void warning(String text) {
        add(Level.WARNING, text);
    }

    /** Adds an {@link Level#ERROR} message. */
    public void error(String text) {
        add(Level.ERROR, text);
    }

    // ---------------------------------------------------------------- reading

    /**
     * Returns every stored message, then every message added in this request, and marks them all read:
     * they will not be stored again. Messages added after this call are kept for a later request.
     */
    @Override
    public Iterator<Message> iterator() {
        used = true;
        List<Message> all = loadedMessages();
        all.addAll(queued);
        queued.clear();
        return List.copyOf(all).iterator();
    }

    /** The number of stored and queued messages; reads the storage but does not mark anything read. */
    public int size() {
        return loadedMessages().size() + queued.size();
    }

    /** Whether the messages were iterated in this request (Django's {@code used}). */
    public boolean isUsed() {
        return used;
    }

    /** The lowest level {@link #add} keeps; by default {@link #DEFAULT_LEVEL} (20, info). */
    public int level() {
        return level;
    }

    /** Sets the lowest level {@link #add} keeps, for this request (Django's {@code set_level}). */
    public void setLevel(int level) {
        this.level = level;
    }

    // ---------------------------------------------------------------- storing

    /**
     * Stores the messages still due (Django's {@code update(response)}): if they were read, only those
     * added after reading; else, if some were added, the unread stored ones plus the new ones; else
     * nothing is touched. Call once per request, before the response is committed (the cookie kinds
     * change a response cookie). Returns the messages that could not be stored anywhere (never any for
     * the session and fallback kinds).
     *
     * @throws dev.cloakroom.SessionStorageException if the session kinds cannot load the session
     */
    public List<Message> update() {
        if (used) {
            return store(new ArrayList<>(queued), true);
        }
        if (addedNew) {
            List<Message> all = new ArrayList<>(loadedMessages());
            all.addAll(queued);
            return store(all, true);
        }
        return List.of();
    }

    /** Marks the storage used, so {@link #update()} rewrites it (Django, for unreadable stored data). */
    final void markUsed() {
        used = true;
    }

    private List<Message> loadedMessages() {
        List<Message> messages = loaded;
        if (messages == null) {
            List<Message> read = load().messages();
            messages = read == null ? new ArrayList<>() : new ArrayList<>(read);
            loaded = messages;
        }
        return messages;
    }
}
