package dev.cloakroom.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SecretKeyTest {

    @Test
    void allListsCurrentThenFallbacks() {
        SecretKey key = new SecretKey("now", List.of("before", "long-ago"));

        assertThat(key.all()).containsExactly("now", "before", "long-ago");
        assertThat(SecretKey.of("now").all()).containsExactly("now");
        assertThat(SecretKey.of("now").fallbacks()).isEmpty();
    }

    @Test
    void toStringMasksEverySecret() {
        SecretKey key = new SecretKey("top-secret", List.of("old-secret", "older-secret"));

        assertThat(key.toString()).isEqualTo("SecretKey[current=<masked>, fallbacks=2]");
    }

    @Test
    void constructorCopiesFallbacks() {
        List<String> fallbacks = new ArrayList<>(List.of("old"));
        SecretKey key = new SecretKey("now", fallbacks);
        fallbacks.add("added later");

        assertThat(key.fallbacks()).containsExactly("old");
    }

    @Test
    void constructorRejectsEmptyOrNullKeys() {
        assertThatThrownBy(() -> SecretKey.of("")).isExactlyInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SecretKey("now", List.of("")))
                .isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("#0");
        assertThatThrownBy(() -> new SecretKey("now", null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new SecretKey(null, List.of())).isInstanceOf(NullPointerException.class);
    }

    @Test
    void withPrefixPrefixesCurrentAndFallbacks() {
        SecretKey key = new SecretKey("now", List.of("old")).withPrefix("django.http.cookies");

        assertThat(key.all()).containsExactly("django.http.cookiesnow", "django.http.cookiesold");
    }
}
