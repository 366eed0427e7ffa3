package dev.cloakroom.bench.micro;

import dev.cloakroom.internal.SessionCodec;
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
 * Django's {@code SessionBase.encode} and {@code decode}: JSON, zlib when shorter, base64 and an HMAC-SHA256
 * signature under the salt {@code django.contrib.sessions.SessionStore}. The same sessions are timed in
 * Django by {@code DjangoCodecTimer}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class CodecBenchmark {

    /** Size of the session's JSON in bytes. */
    @Param({"100", "1000", "10000"})
    public int size;

    private SessionCodec codec;
    private Map<String, Object> data;
    private String encoded;

    /** Builds the session and its encoded form. */
    @Setup
    public void setUp() {
        codec = SessionCodec.of(BenchKeys.settings());
        data = SessionPayloads.of(size);
        encoded = codec.encode(data);
    }

    /** Encodes the session as Django stores it in {@code session_data}. */
    @Benchmark
    public String encode() {
        return codec.encode(data);
    }

    /** Verifies and decodes {@code session_data}. */
    @Benchmark
    public Map<String, Object> decode() {
        return codec.decode(encoded);
    }
}
