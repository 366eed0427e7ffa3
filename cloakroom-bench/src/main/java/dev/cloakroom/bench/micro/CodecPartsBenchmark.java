package dev.cloakroom.bench.micro;

import org.jspecify.annotations.Nullable;
import dev.cloakroom.signing.PythonJson;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.Deflater;
import java.util.zip.Inflater;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Where {@link CodecBenchmark}'s time goes: each step of Django's encoding on its own, done as the codec
 * does it (a new {@link Deflater} at zlib's default level per call, a new {@link Mac} per signature). zlib is
 * the same C library under Python's {@code zlib.compress}, which bounds how much faster than Django an
 * encode can be.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class CodecPartsBenchmark {

    /** Size of the session's JSON in bytes. */
    @Param({"100", "1000", "10000"})
    public int size;

    private Map<String, Object> data;
    private String json;
    private byte[] bytes;
    private byte[] deflated;
    private byte[] key;

    /** Prepares each step's input. */
    @Setup
    public void setUp() {
        data = SessionPayloads.of(size);
        json = PythonJson.dumps(data);
        bytes = json.getBytes(StandardCharsets.ISO_8859_1);
        deflated = deflate();
        key = new byte[32];
    }

    /** Python-compatible compact JSON of the session. */
    @Benchmark
    public String json() {
        return PythonJson.dumps(data);
    }

    /** Parsing that JSON back. */
    @Benchmark
    public @Nullable Object jsonParse() {
        return PythonJson.loads(json);
    }

    /** zlib at the default level 6, as Python's {@code zlib.compress}. */
    @Benchmark
    public byte[] deflate() {
        Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION);
        try {
            deflater.setInput(bytes);
            deflater.finish();
            byte[] out = new byte[bytes.length + 64];
            int n = deflater.deflate(out);
            return java.util.Arrays.copyOf(out, n);
        } finally {
            deflater.end();
        }
    }

    /** Inflating it back. */
    @Benchmark
    public int inflate() throws Exception {
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(deflated);
            return inflater.inflate(new byte[bytes.length + 16]);
        } finally {
            inflater.end();
        }
    }

    /** HMAC-SHA256 of the payload with a fresh {@link Mac}, as {@code Signer} signs. */
    @Benchmark
    public byte[] hmac() throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return mac.doFinal(bytes);
    }
}
