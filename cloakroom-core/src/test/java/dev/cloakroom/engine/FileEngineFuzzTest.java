package dev.cloakroom.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.cloakroom.SaveResult;
import dev.cloakroom.SessionSettings;
import dev.cloakroom.StoredSession;
import dev.cloakroom.internal.SessionKeys;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

/**
 * Fuzzes the {@code file} engine's handling of the session key, which comes from the client's cookie.
 *
 * <p>Documented behaviour: a key that is not 8 to 40 characters of {@code a-z0-9} is never turned into a
 * path. {@code load} gives empty, {@code exists} false, {@code delete} does nothing, and {@code create} and
 * {@code save} throw {@link IllegalArgumentException} with the message
 * {@value #INVALID_KEY}; nothing else. A valid key names exactly one file, {@code sessionid<key>}, directly
 * in the engine's directory. After every input, the directory's parent holds only the directory, and the
 * directory only the files of valid keys.
 */
class FileEngineFuzzTest {

    private static final String INVALID_KEY = "Invalid characters or length in session key";
    private static final SessionSettings SETTINGS = SessionSettings.builder().secretKey("fuzz").build();
    private static final Path ROOT = temporaryDirectory();
    private static final Path DIRECTORY = ROOT.resolve("sessions");
    private static final FileEngine ENGINE = FileEngine.builder(SETTINGS).directory(DIRECTORY).build();

    @DictionaryEntries({"../", "..", "/", "\\", "%2e%2e%2f", "sessionid", "abcdefgh", "0123456789", "\u0000",
            "~", "\u0131", "\u017f", "\u212a"})
    @FuzzTest
    void keysNeverLeaveTheDirectory(byte[] input) {
        String key = new String(input, StandardCharsets.UTF_8);
        Instant expires = Instant.now().plus(Duration.ofHours(1));
        StoredSession session = new StoredSession(key, "e30:1vMb2m:sig", expires, null);
        if (SessionKeys.isValid(key)) {
            assertThat(ENGINE.create(session)).isTrue();
            assertThat(listing(DIRECTORY)).containsExactly("sessionid" + key);
            StoredSession loaded = ENGINE.load(key).orElseThrow();
            assertThat(ENGINE.save(loaded, session)).isEqualTo(SaveResult.SAVED);
            ENGINE.delete(key);
            assertThat(ENGINE.exists(key)).isFalse();
        } else {
            assertThat(ENGINE.load(key)).isEmpty();
            assertThat(ENGINE.exists(key)).isFalse();
            ENGINE.delete(key);
            assertThatThrownBy(() -> ENGINE.create(session))
                    .isExactlyInstanceOf(IllegalArgumentException.class)
                    .hasMessage(INVALID_KEY);
            assertThatThrownBy(() -> ENGINE.save(null, session))
                    .isExactlyInstanceOf(IllegalArgumentException.class)
                    .hasMessage(INVALID_KEY);
        }
        assertThat(listing(ROOT)).containsExactly("sessions");
        assertThat(listing(DIRECTORY)).isEmpty();
    }

    private static List<String> listing(Path directory) {
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(f -> f.getFileName().toString()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path temporaryDirectory() {
        try {
            Path root = Files.createTempDirectory("cloakroom-file-engine-fuzz");
            Files.createDirectory(root.resolve("sessions"));
            root.toFile().deleteOnExit();
            root.resolve("sessions").toFile().deleteOnExit();
            return root;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
