package dev.cloakroom.bench.micro;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cloakroom.middleware.Outcome;
import org.junit.jupiter.api.Test;

/** The benchmarks measure what they claim: each request ends as its name says. */
class MiddlewareBenchmarkTest {

    @Test
    void eachBenchmarkRequestEndsWithTheOutcomeItIsNamedFor() {
        MiddlewareBenchmark benchmark = new MiddlewareBenchmark();
        benchmark.setUp();

        assertThat(benchmark.untouched()).isEqualTo(Outcome.UNTOUCHED);
        assertThat(benchmark.read()).isEqualTo(Outcome.ACCESSED);
        assertThat(benchmark.write()).isEqualTo(Outcome.SAVED);
    }

    @Test
    void sessionBenchmarkSavesTheIncrementedCounter() {
        SessionBenchmark benchmark = new SessionBenchmark();
        benchmark.setUp();

        benchmark.save();
        benchmark.save();

        assertThat(benchmark.get()).isEqualTo("42");
    }

    @Test
    void codecBenchmarkDecodesWhatItEncodes() {
        CodecBenchmark benchmark = new CodecBenchmark();
        benchmark.size = 1000;
        benchmark.setUp();

        assertThat(benchmark.decode()).isEqualTo(SessionPayloads.of(1000));
    }

    @Test
    void signedCookieBenchmarkVerifiesWhatItSigns() throws Exception {
        SignedCookieBenchmark benchmark = new SignedCookieBenchmark();
        benchmark.size = 100;
        benchmark.setUp();

        assertThat(benchmark.verify()).isEqualTo(SessionPayloads.of(100));
    }

    @Test
    void codecPartsInflateWhatTheyDeflate() throws Exception {
        CodecPartsBenchmark benchmark = new CodecPartsBenchmark();
        benchmark.size = 1000;
        benchmark.setUp();

        assertThat(benchmark.inflate()).isEqualTo(SessionPayloads.size(SessionPayloads.of(1000)));
        assertThat(benchmark.hmac()).hasSize(32);
    }
}
