package dev.cloakroom.bench.django;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cloakroom.bench.micro.BenchKeys;
import dev.cloakroom.bench.micro.SessionPayloads;
import dev.cloakroom.internal.SessionCodec;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Times Debian's Django for real (scripts/test-services installs python3-django). */
class DjangoCodecTimerIT {

    private final DjangoCodecTimer timer = new DjangoCodecTimer("/usr/bin/python3", BenchKeys.SECRET_KEY);

    @Test
    void timesEncodeAndDecodeOfTheSessionsCloakroomEncodesIdentically() throws Exception {
        Map<String, Object> session = SessionPayloads.of(100);
        String encoded = SessionCodec.of(BenchKeys.settings()).encode(session);

        List<DjangoCodecTimer.Timing> timings = timer.time(Map.of(100, session), Map.of(100, encoded));

        assertThat(timings).extracting(DjangoCodecTimer.Timing::operation).containsExactly("encode",
                "decode");
        assertThat(timings).allSatisfy(t -> assertThat(t.micros()).isBetween(0.1, 10_000.0));
        assertThat(timer.djangoVersion()).startsWith("3.2");
    }

    @Test
    void aSessionDjangoReadsDifferentlyStopsTheComparison() {
        Map<String, Object> session = SessionPayloads.of(100);
        String other = SessionCodec.of(BenchKeys.settings()).encode(Map.of("_auth_user_id", "7"));

        assertThatThrownBy(() -> timer.time(Map.of(100, session), Map.of(100, other)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("different for sizes [100]");
    }
}
