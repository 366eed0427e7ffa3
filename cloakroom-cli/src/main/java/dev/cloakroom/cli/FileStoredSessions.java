package dev.cloakroom.cli;

import dev.cloakroom.SessionStorageException;
import dev.cloakroom.internal.SessionKeys;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The {@code file} engine's directory, in Django's layout: a file {@code <cookieName><key>} per session
 * holding {@code session_data}, expiring at its modification time plus the cookie age.
 */
final class FileStoredSessions implements StoredSessions {

    private final Path directory;
    private final String prefix;
    private final Duration cookieAge;

    FileStoredSessions(Path directory, String prefix, Duration cookieAge) {
        this.directory = directory;
        this.prefix = prefix;
        this.cookieAge = cookieAge;
    }

    @Override
    public String description() {
        return "session files in " + directory;
    }

    @Override
    public Optional<Row> find(String key) {
        if (!SessionKeys.isValid(key)) {
            return Optional.empty();
        }
        return read(directory.resolve(prefix + key), key);
    }

    private Optional<Row> read(Path file, String key) {
        try {
            Instant expiresAt = Files.getLastModifiedTime(file).toInstant().plus(cookieAge);
            return Optional.of(new Row(key, Files.readString(file, StandardCharsets.US_ASCII), expiresAt,
                    null));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new SessionStorageException("Could not read session file " + file.getFileName()
                    + " in " + directory
                    + ": " + e.getMessage(), e);
        }
    }

    private List<Row> all() {
        List<Row> rows = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, prefix + "*")) {
            for (Path file : files) {
                String key = file.getFileName().toString().substring(prefix.length());
                if (SessionKeys.isValid(key)) {
                    read(file, key).ifPresent(rows::add);
                }
            }
        } catch (IOException e) {
            throw new SessionStorageException("Could not list session files in " + directory
                    + ": " + e.getMessage(), e);
        }
        rows.sort(Comparator.comparing(Row::expiresAt));
        return rows;
    }

    @Override
    public List<Row> live(Instant now, int limit) {
        return all().stream().filter(r -> r.isLiveAt(now)).limit(limit > 0 ? limit : Long.MAX_VALUE).toList();
    }

    @Override
    public Optional<List<Row>> liveOfUser(String userId, Instant now, int limit) {
        return Optional.empty();
    }

    @Override
    public Stats stats(Instant now) {
        long live = 0;
        long expired = 0;
        long total = 0;
        long largest = 0;
        for (Row row : all()) {
            if (row.isLiveAt(now)) {
                live++;
            } else {
                expired++;
            }
            total += row.data().length();
            largest = Math.max(largest, row.data().length());
        }
        return new Stats(live, expired, total, largest);
    }

    @Override
    public void close() {
    }
}
