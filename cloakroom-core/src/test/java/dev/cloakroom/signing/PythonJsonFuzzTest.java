package dev.cloakroom.signing;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;

/**
 * Fuzzes {@link PythonJson#loads}, the reader behind every session payload and signed cookie.
 *
 * <p>Documented behaviour: {@code loads} returns a JSON tree or throws {@link IllegalArgumentException}
 * (not JSON, trailing text, more than 1000 levels deep, or past Jackson's limits on numbers and strings);
 * nothing else, and no {@link StackOverflowError}. What it returns, {@link PythonJson#dumps} writes, in
 * both forms, and {@code loads} reads back equal.
 */
class PythonJsonFuzzTest {

    @FuzzTest
    void loadsReturnsATreeOrIllegalArgument(byte[] input) {
        // Payloads are decoded as Latin-1, but any text may reach loads through the public API.
        String text = new String(input,
                (input.length & 1) == 0 ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8);
        Object tree;
        try {
            tree = PythonJson.loads(text);
        } catch (IllegalArgumentException e) {
            assertThat(e.getMessage()).startsWith("Invalid JSON");
            return;
        }
        assertThat(PythonJson.loads(PythonJson.dumps(tree))).isEqualTo(tree);
        assertThat(PythonJson.loads(PythonJson.dumps(tree, true))).isEqualTo(tree);
    }
}
