package dev.cloakroom;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cloakroom.engine.MemoryEngine;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Keeps the README's code example compiling and true: the same lines run here. */
class ReadmeExamplesTest {

    @Test
    void quickstartRunsAndMatchesTheReadme() throws IOException {
        // --- the README example, line for line ---
        SessionSettings settings = SessionSettings.builder().secretKey("change-me").build();
        SessionEngine engine = MemoryEngine.create();            // or JdbcEngine, RedisEngine, FileEngine...

        Session session = Session.open(engine, settings, null);   // a request without a cookie
        session.put("cart", List.of("book", "pen"));
        session.compute("visits", Integer.class, n -> n == null ? 1 : n + 1);
        session.save();                                           // the key goes into the cookie

        Session next = Session.open(engine, settings, session.key());   // the next request
        List<?> cart = next.get("cart", List.class);                    // [book, pen]
        // --- end of the README example ---

        assertThat(cart).isEqualTo(List.of("book", "pen"));
        assertThat(next.get("visits")).isEqualTo(1);
        assertThat(normalized(thisSource())).contains(normalized(readmeExample()));
    }

    private static String readmeExample() throws IOException {
        String readme = Files.readString(Path.of("..", "README.md"), StandardCharsets.UTF_8);
        Matcher m = Pattern.compile("<!-- example:quickstart[^>]*-->\\s*```java\\n(.*?)```", Pattern.DOTALL)
                .matcher(readme);
        assertThat(m.find()).as("README has the quickstart example").isTrue();
        return m.group(1);
    }

    private static String thisSource() throws IOException {
        return Files.readString(Path.of("src/test/java/dev/cloakroom/ReadmeExamplesTest.java"),
                StandardCharsets.UTF_8);
    }

    private static String normalized(String code) {
        return code.replaceAll("\\s+", " ").trim();
    }
}
