package dev.cloakroom.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cloakroom.Session;
import dev.cloakroom.SessionEngine;
import dev.cloakroom.SessionSettings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Keeps the README's encrypted_cookies example compiling and true: the same lines run here. */
class EncryptedCookieReadmeTest {

    @Test
    void readmeExampleRuns() throws IOException {
        SessionSettings settings = SessionSettings.builder().secretKey("readme-secret").build();
        SecureRandom random = new SecureRandom();
        byte[] currentKey = new byte[32];
        byte[] previousKey = new byte[32];
        random.nextBytes(currentKey);
        random.nextBytes(previousKey);

        // --- the README example, line for line ---
        // Keys derived from the secret key and its fallbacks:
        SessionEngine engine = EncryptedCookieEngine.create(settings);

        // Or keys kept elsewhere (a KMS, a vault): 32 random bytes each, with an id of your choosing.
        EncryptionKeyRing keys = EncryptionKeyRing.of(
                EncryptionKeyRing.Key.of("2025-06", currentKey),
                EncryptionKeyRing.Key.of("2024-12", previousKey));
        SessionEngine withOwnKeys = EncryptedCookieEngine.create(settings, keys);
        // --- end of the README example ---

        for (SessionEngine each : new SessionEngine[] {engine, withOwnKeys}) {
            Session session = Session.open(each, settings, null);
            session.put("user", "alice");
            session.save();
            assertThat(Session.open(each, settings, session.key()).get("user")).isEqualTo("alice");
        }
        assertThat(normalized(thisSource())).contains(normalized(readmeExample()));
    }

    private static String readmeExample() throws IOException {
        String readme = Files.readString(Path.of("..", "README.md"), StandardCharsets.UTF_8);
        Matcher m = Pattern.compile("<!-- example:encrypted-cookies -->\\s*```java\\n(.*?)```",
                Pattern.DOTALL).matcher(readme);
        assertThat(m.find()).as("README has the encrypted_cookies example").isTrue();
        return m.group(1);
    }

    private static String thisSource() throws IOException {
        return Files.readString(Path.of("src/test/java/dev/cloakroom/engine/EncryptedCookieReadmeTest.java"),
                StandardCharsets.UTF_8);
    }

    private static String normalized(String code) {
        return code.replaceAll("\\s+", " ").trim();
    }
}
