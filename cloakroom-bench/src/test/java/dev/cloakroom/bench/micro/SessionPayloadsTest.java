package dev.cloakroom.bench.micro;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cloakroom.signing.PythonJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SessionPayloadsTest {

    @ParameterizedTest
    @ValueSource(ints = {100, 1000, 10000, 4321})
    void sessionJsonIsTheRequestedSizeOrAFewBytesMore(int size) {
        int actual = SessionPayloads.size(SessionPayloads.of(size));

        assertThat(actual).isBetween(size, size + 8);
    }

    @Test
    void sameSizeGivesTheSameSessionEveryTime() {
        assertThat(PythonJson.dumps(SessionPayloads.of(1000)))
                .isEqualTo(PythonJson.dumps(SessionPayloads.of(1000)));
    }

    @Test
    void sessionsAreLoggedInAndSurviveAJsonRoundTrip() {
        var data = SessionPayloads.of(1000);

        assertThat(data).containsEntry("_auth_user_id", "42");
        assertThat(PythonJson.loads(PythonJson.dumps(data))).isEqualTo(data);
    }

    @Test
    void sizesBelowOneHundredBytesAreRefused() {
        assertThatThrownBy(() -> SessionPayloads.of(99)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 100");
    }
}
