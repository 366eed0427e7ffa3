package dev.cloakroom.bench.micro;

import org.jspecify.annotations.Nullable;
import dev.cloakroom.signing.ObjectSigner;
import dev.cloakroom.signing.Salts;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The {@code signed_cookies} engine's work: {@code signing.dumps(..., compress=True)} with a timestamp under
 * the salt {@code django.contrib.sessions.backends.signed_cookies}, and {@code loads} with a two-week max
 * age. Timed on {@link ObjectSigner} directly: the engine adds only a size check, and refuses the 10 KB
 * session (over the 4096 bytes a browser keeps), which is measured anyway for comparison.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class SignedCookieBenchmark {

    private static final Duration MAX_AGE = Duration.ofDays(14);

    /** Size of the session's JSON in bytes. */
    @Param({"100", "1000", "10000"})
    public int size;

    private ObjectSigner signer;
    private Map<String, Object> data;
    private String cookie;

    /** Builds the session and its cookie value. */
    @Setup
    public void setUp() {
        signer = new ObjectSigner(BenchKeys.settings().secretKey(), Salts.SIGNED_COOKIES, Clock.systemUTC());
        data = SessionPayloads.of(size);
        cookie = signer.dumps(data, true);
    }

    /** Makes the cookie value. */
    @Benchmark
    public String sign() {
        return signer.dumps(data, true);
    }

    /** Checks signature and age, then decodes the cookie value. */
    @Benchmark
    public @Nullable Object verify() throws Exception {
        return signer.loads(cookie, MAX_AGE).value();
    }
}
