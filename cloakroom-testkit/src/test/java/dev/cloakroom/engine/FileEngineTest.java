package dev.cloakroom.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cloakroom.ListingStats;
import dev.cloakroom.SaveResult;
import dev.cloakroom.Session;
import dev.cloakroom.ServerSideEngine;
import dev.cloakroom.SessionEngine;
import dev.cloakroom.SessionSettings;
import dev.cloakroom.StoredSession;
import dev.cloakroom.testkit.LogCapture;
import dev.cloakroom.testkit.ServerSideEngineContract;
import dev.cloakroom.internal.SecurityLog;
import dev.cloakroom.internal.SessionKeys;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileEngineTest extends ServerSideEngineContract {

    @TempDir
    Path directory;

    @Override
    protected ServerSideEngine newEngine(SessionSettings settings) {
        return FileEngine.builder(settings).directory(directory).build();
    }

    /** Django's file layout: {@code <cookie name><key>} holding exactly the encoded data. */
    @Test
    void fileIsNamedAfterCookieAndKeyAndHoldsDjangosEncoding() throws Exception {
        Session session = newSession();
        session.put("count", 1);
        String key = saved(session);
        Path file = directory.resolve("sessionid" + key);
        assertThat(Files.readString(file, StandardCharsets.US_ASCII))
                .isEqualTo(djangoEncode(Map.of("count", 1)));
        assertThat(Files.getLastModifiedTime(file).toInstant()).isEqualTo(clock.instant());
    }

    /** A file Django wrote (mtime = save time) loads, and expires cookieAge after its mtime. */
    @Test
    void fileWrittenByDjangoLoadsAndExpiresByModificationTime() throws Exception {
        String key = "djangowrotethis0000000000000000a";
        Path file = directory.resolve("sessionid" + key);
        Files.writeString(file, djangoEncode(Map.of("from", "django")), StandardCharsets.US_ASCII);
        Files.setLastModifiedTime(file, java.nio.file.attribute.FileTime.from(clock.instant()));
        assertThat(open(key).get("from")).isEqualTo("django");
        clock.advance(settings.cookieAge());
        assertThat(open(key).get("from")).isNull();
    }

    /** test_invalid_key_backslash / _forwardslash: keys that could leave the directory are refused. */
    @Test
    void keysThatCouldLeaveTheDirectoryAreRefused() {
        for (String bad : new String[] {"a\\b\\c\\defgh", "a/b/c/defgh", "../../../../etc/passwd"}) {
            assertThat(engine.load(bad)).isEmpty();
            assertThat(engine.exists(bad)).isFalse();
            assertThatThrownBy(() -> engine.create(new StoredSession(bad, "x", clock.instant(), null)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Invalid");
        }
    }

    /** test_configuration_check. */
    @Test
    void missingDirectoryIsAConfigurationError() {
        assertThatThrownBy(() -> FileEngine.builder(settings).directory(directory.resolve("nope")).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("doesn't exist");
    }

    /** test_clearsessions_command (file): expired files go; live files and foreign files stay. */
    @Test
    void clearExpiredDeletesOnlyExpiredSessionFiles() throws Exception {
        Session live = withValue("a", 1);
        live.setExpiry(3600);
        saved(live);
        Session dead = withValue("b", 2);
        dead.setExpiry(-3600);
        saved(dead);
        saved(withValue("c", 3));
        Files.writeString(directory.resolve("unrelated.txt"), "keep me");
        Files.writeString(directory.resolve("sessionidNOT_A_KEY_out_123"), "temp");
        clock.advance(Duration.ofSeconds(1));
        assertThat(engine.clearExpired()).isEqualTo(1);
        try (Stream<Path> files = Files.list(directory)) {
            assertThat(files.filter(f -> f.getFileName().toString().startsWith("sessionid"))).hasSize(3);
        }
        assertThat(directory.resolve("unrelated.txt")).exists();
    }

    /** No temporary file is left behind by saves. */
    @Test
    void savesLeaveNoTemporaryFiles() throws Exception {
        Session session = withValue("a", 1);
        String key = saved(session);
        for (int i = 0; i < 5; i++) {
            Session again = open(key);
            again.put("a", i);
            again.save();
        }
        try (Stream<Path> files = Files.list(directory)) {
            assertThat(files).containsExactly(directory.resolve("sessionid" + key));
        }
    }

    /** A corrupt session file with non-ASCII bytes is an empty session and a WARN, not a storage error. */
    @Test
    void nonAsciiBytesInSessionFileGiveEmptySessionAndWarning() throws Exception {
        String key = "nonascii000000000000000000000000";
        Path file = directory.resolve("sessionid" + key);
        Files.write(file, new byte[] {'e', 'y', (byte) 0xC3, (byte) 0xA9, ':', 'x', ':', 'y'});
        Files.setLastModifiedTime(file, FileTime.from(clock.instant()));
        try (LogCapture log = LogCapture.of(SecurityLog.NAME)) {
            Session session = open(key);
            assertThat(session.entries()).isEmpty();
            assertThat(log.lines()).singleElement().asString().startsWith("WARN ");
        }
        Session writer = open(key);
        writer.put("fresh", true);
        writer.save();
        assertThat(open(key).get("fresh")).isEqualTo(true);
    }

    /**
     * The listing reads the files as the engine loads them: expired files too, the expiry from the
     * modification time, any byte (Latin-1) rather than a storage error; temporary and foreign files skipped.
     */
    @Test
    void listingReadsTheDirectoryAsTheEngineDoes() throws Exception {
        FileEngine files = (FileEngine) engine;
        String live = "livefile000000000000000000000000";
        String expired = "expiredfile000000000000000000000";
        Files.write(directory.resolve("sessionid" + live), new byte[] {'a', (byte) 0xE9, 'b'});
        Files.setLastModifiedTime(directory.resolve("sessionid" + live), FileTime.from(clock.instant()));
        Files.writeString(directory.resolve("sessionid" + expired), "xy", StandardCharsets.US_ASCII);
        Files.setLastModifiedTime(directory.resolve("sessionid" + expired),
                FileTime.from(clock.instant().minus(settings.cookieAge())));
        Files.writeString(directory.resolve("sessionidNOT_A_KEY_out_123"), "temp");
        Files.writeString(directory.resolve("unrelated.txt"), "keep me");

        assertThat(files.find(live)).get().extracting(StoredSession::data).isEqualTo("a\u00e9b");
        assertThat(files.find(expired)).get().extracting(StoredSession::expiresAt).isEqualTo(clock.instant());
        assertThat(files.find("../../etc/passwd")).isEmpty();
        assertThat(files.live(clock.instant(), 0)).extracting(StoredSession::key).containsExactly(live);
        assertThat(files.stats(clock.instant())).isEqualTo(new ListingStats(1, 1, 5, 3));
        assertThat(files.description()).contains(directory.toString());
    }

    /** A save racing a delete (a logout elsewhere) must never bring the deleted file back. */
    @Test
    void saveRacingDeleteNeverResurrectsTheSession() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int i = 0; i < 1000; i++) {
                String key = SessionKeys.generate();
                Instant expiresAt = clock.instant().plusSeconds(60);
                StoredSession first = new StoredSession(key, "first" + i, expiresAt, null);
                StoredSession next = new StoredSession(key, "next" + i, expiresAt, null);
                assertThat(engine.create(first)).isTrue();
                CyclicBarrier start = new CyclicBarrier(2);
                Future<SaveResult> save = pool.submit(() -> {
                    start.await();
                    return engine.save(first, next);
                });
                Future<?> delete = pool.submit(() -> {
                    start.await();
                    engine.delete(key);
                    return null;
                });
                save.get(1, TimeUnit.MINUTES);
                delete.get(1, TimeUnit.MINUTES);
                assertThat(engine.exists(key)).as("attempt %d: a deleted session came back", i).isFalse();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
