package dev.cloakroom.engine;

import dev.cloakroom.ListingStats;
import dev.cloakroom.SaveResult;
import dev.cloakroom.ServerSideEngine;
import dev.cloakroom.SessionListing;
import dev.cloakroom.SessionSettings;
import dev.cloakroom.SessionStorageException;
import dev.cloakroom.StoredSession;
import dev.cloakroom.internal.SessionKeys;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The {@code file} engine, in Django's layout: one file per session named {@code <cookieName><key>} in one
 * directory, holding Django's encoded {@code session_data} and nothing else.
 *
 * <p>Design notes:
 * <ul>
 *   <li><b>Expiry lives in the modification time</b>, set to {@code expiresAt - cookieAge}. Django's file
 *       backend computes a session's expiry as mtime + {@code SESSION_COOKIE_AGE}, so both read the same
 *       expiry from the same file without either decoding it.</li>
 *   <li><b>Writes are atomic.</b> Content is written to a temporary file in the same directory, which is
 *       then renamed over the session file (replace) or hard-linked to it (create, which fails if the name
 *       exists). A reader never sees a half-written session.</li>
 *   <li><b>Compare-and-set within this JVM.</b> Saves to one key are serialised by a striped lock, then the
 *       content is compared with what was loaded. Several processes sharing a directory get atomic writes
 *       but not compare-and-set between them (Django's file backend has neither); use {@code db} or
 *       {@code cache} for that.</li>
 *   <li>Keys are validated ({@code a-z0-9}, 8 to 40 characters) before any path is built, so no key can
 *       leave the directory.</li>
 *   <li>It implements {@link SessionListing} by scanning the directory, reading each file as
 *       {@link #load} does; it keeps no index of users, so it is not a {@code UserSessionIndex}.</li>
 * </ul>
 * Thread-safe.
 */
public final class FileEngine implements ServerSideEngine, SessionListing {

    private static final int LOCK_STRIPES = 64;

    private final Path directory;
    private final String prefix;
    private final Duration cookieAge;
    private final Clock clock;
    private final Object[] locks = new Object[LOCK_STRIPES];

    private FileEngine(Builder builder) {
        this.directory = builder.directory;
        this.prefix = builder.settings.cookieName();
        this.cookieAge = builder.settings.cookieAge();
        this.clock = builder.settings.clock();
        for (int i = 0; i < LOCK_STRIPES; i++) {
            locks[i] = new Object();
        }
    }

    /** Returns a builder taking the cookie name, cookie age and clock from {@code settings}. */
    public static Builder builder(SessionSettings settings) {
        return new Builder(settings);
    }

    /** The directory sessions are stored in. */
    public Path directory() {
        return directory;
    }

    @Override
    public Optional<StoredSession> load(String key) {
        if (!SessionKeys.isValid(key)) {
            return Optional.empty();
        }
        Path file = fileOf(key);
        try {
            Instant expiresAt = Files.getLastModifiedTime(file).toInstant().plus(cookieAge);
            String data = read(file);
            if (!expiresAt.isAfter(clock.instant())) {
                return Optional.empty();
            }
            return Optional.of(new StoredSession(key, data, expiresAt, null));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw failure("read", key, e);
        }
    }

    @Override
    public boolean create(StoredSession session) {
        Path file = fileOf(requireValid(session.key()));
        Path temp = writeTemp(session);
        try {
            Files.createLink(file, temp);
            return true;
        } catch (FileAlreadyExistsException e) {
            return false;
        } catch (UnsupportedOperationException | IOException e) {
            return createWithoutLinks(session.key(), file, temp);
        } finally {
            deleteQuietly(temp);
        }
    }

    /** For file systems without hard links: exclusive under this JVM's lock, not across processes. */
    private boolean createWithoutLinks(String key, Path file, Path temp) {
        synchronized (lockOf(key)) {
            if (Files.exists(file)) {
                return false;
            }
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
                return true;
            } catch (IOException e) {
                throw failure("create", key, e);
            }
        }
    }

    @Override
    public SaveResult save(@Nullable StoredSession loaded, StoredSession next) {
        String key = requireValid(next.key());
        Path file = fileOf(key);
        synchronized (lockOf(key)) {
            String current;
            try {
                current = read(file);
            } catch (NoSuchFileException e) {
                return SaveResult.GONE;
            } catch (IOException e) {
                throw failure("read", key, e);
            }
            if (loaded != null && !current.equals(loaded.data())) {
                return SaveResult.CONFLICT;
            }
            Path temp = writeTemp(next);
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
                deleteQuietly(temp);
                throw failure("write", key, e);
            }
            return SaveResult.SAVED;
        }
    }

    /** Deletes under the key's lock, so a save that already read the file cannot rename it back. */
    @Override
    public void delete(String key) {
        if (SessionKeys.isValid(key)) {
            synchronized (lockOf(key)) {
                try {
                    Files.deleteIfExists(fileOf(key));
                } catch (IOException e) {
                    throw failure("delete", key, e);
                }
            }
        }
    }

    @Override
    public boolean exists(String key) {
        return SessionKeys.isValid(key) && Files.exists(fileOf(key));
    }

    /** Deletes session files whose expiry has passed; skips temporary files and names that are not keys. */
    @Override
    public int clearExpired() {
        Instant now = clock.instant();
        int removed = 0;
        DirectoryStream.Filter<Path> named = f -> f.getFileName().toString().startsWith(prefix);
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, named)) {
            for (Path file : files) {
                String key = file.getFileName().toString().substring(prefix.length());
                if (SessionKeys.isValid(key) && deleteIfExpired(key, file, now)) {
                    removed++;
                }
            }
        } catch (IOException e) {
            throw new SessionStorageException("Could not list session files in " + directory, e);
        }
        return removed;
    }

    /** Checks and deletes under the key's lock, so a session saved meanwhile is not deleted. */
    private boolean deleteIfExpired(String key, Path file, Instant now) throws IOException {
        synchronized (lockOf(key)) {
            return isExpired(file, now) && Files.deleteIfExists(file);
        }
    }

    private boolean isExpired(Path file, Instant now) {
        try {
            return !Files.getLastModifiedTime(file).toInstant().plus(cookieAge).isAfter(now);
        } catch (IOException e) {
            return false; // deleted meanwhile, or unreadable: leave it
        }
    }

    @Override
    public String description() {
        return "session files in " + directory;
    }

    @Override
    public Optional<StoredSession> find(String key) {
        if (!SessionKeys.isValid(key)) {
            return Optional.empty();
        }
        return readStored(fileOf(key), key);
    }

    @Override
    public List<StoredSession> live(Instant now, int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit must not be negative, was " + limit);
        }
        return all().stream().filter(s -> !s.isExpiredAt(now)).limit(limit > 0 ? limit : Long.MAX_VALUE)
                .toList();
    }

    @Override
    public ListingStats stats(Instant now) {
        long live = 0;
        long total = 0;
        long largest = 0;
        List<StoredSession> all = all();
        for (StoredSession session : all) {
            live += session.isExpiredAt(now) ? 0 : 1;
            total += session.data().length();
            largest = Math.max(largest, session.data().length());
        }
        return new ListingStats(live, all.size() - live, total, largest);
    }

    /** Every session file, expired or not, soonest expiry first; temporary files are skipped. */
    private List<StoredSession> all() {
        List<StoredSession> sessions = new ArrayList<>();
        DirectoryStream.Filter<Path> named = f -> f.getFileName().toString().startsWith(prefix);
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, named)) {
            for (Path file : files) {
                String key = file.getFileName().toString().substring(prefix.length());
                if (SessionKeys.isValid(key)) {
                    readStored(file, key).ifPresent(sessions::add);
                }
            }
        } catch (IOException e) {
            throw new SessionStorageException("Could not list session files in " + directory + ": "
                    + e.getMessage(), e);
        }
        sessions.sort(Comparator.comparing(StoredSession::expiresAt));
        return sessions;
    }

    /** The session in {@code file}, expired or not; empty if it was deleted meanwhile. */
    private Optional<StoredSession> readStored(Path file, String key) {
        try {
            Instant expiresAt = Files.getLastModifiedTime(file).toInstant().plus(cookieAge);
            return Optional.of(new StoredSession(key, read(file), expiresAt, null));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw failure("read", key, e);
        }
    }

    private Path writeTemp(StoredSession session) {
        try {
            Path temp = Files.createTempFile(directory, prefix + session.key() + "_out_", "");
            Files.writeString(temp, session.data(), StandardCharsets.US_ASCII);
            Files.setLastModifiedTime(temp, FileTime.from(session.expiresAt().minus(cookieAge)));
            return temp;
        } catch (IOException e) {
            throw failure("write", session.key(), e);
        }
    }

    /**
     * Reads a session file. Latin-1 maps every byte to a character, so a corrupt file with non-ASCII bytes
     * reads as data whose signature fails (an empty session and a WARN), not as a storage error.
     */
    private static String read(Path file) throws IOException {
        return new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
    }

    private Path fileOf(String key) {
        return directory.resolve(prefix + key);
    }

    private Object lockOf(String key) {
        return locks[Math.floorMod(key.hashCode(), LOCK_STRIPES)];
    }

    private static String requireValid(String key) {
        if (!SessionKeys.isValid(key)) {
            throw new IllegalArgumentException("Invalid characters or length in session key");
        }
        return key;
    }

    private static void deleteQuietly(Path temp) {
        try {
            Files.deleteIfExists(temp);
        } catch (IOException e) {
            // A leftover temporary file is harmless: its name is not a session key.
        }
    }

    private SessionStorageException failure(String action, String key, IOException e) {
        return new SessionStorageException("Could not " + action + " session file …" + SessionKeys.suffix(key)
                + " in " + directory + ": " + e.getMessage(), e);
    }

    @Override
    public String toString() {
        return "FileEngine[" + directory + "]";
    }

    /** Builds a {@link FileEngine}. */
    public static final class Builder {
        private final SessionSettings settings;
        private Path directory = Path.of(System.getProperty("java.io.tmpdir"));

        private Builder(SessionSettings settings) {
            this.settings = Objects.requireNonNull(settings, "settings");
        }

        /** Sets the directory ({@code SESSION_FILE_PATH}); by default the system's temporary directory. */
        public Builder directory(Path directory) {
            this.directory = Objects.requireNonNull(directory, "directory");
            return this;
        }

        /**
         * Builds the engine.
         *
         * @throws IllegalArgumentException if the directory does not exist, as Django's
         *     {@code ImproperlyConfigured}
         */
        public FileEngine build() {
            if (!Files.isDirectory(directory)) {
                throw new IllegalArgumentException("The session storage path '" + directory
                        + "' doesn't exist. "
                        + "Set the file engine's directory (CLOAKROOM_FILE_PATH) to an existing directory.");
            }
            return new FileEngine(this);
        }
    }
}
