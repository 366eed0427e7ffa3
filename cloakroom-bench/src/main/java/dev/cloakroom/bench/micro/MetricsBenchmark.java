package dev.cloakroom.bench.micro;

import dev.cloakroom.ServerSideEngine;
import dev.cloakroom.Session;
import dev.cloakroom.SessionSettings;
import dev.cloakroom.engine.MemoryEngine;
import dev.cloakroom.micrometer.CloakroomMetrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.Objects;
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
 * What {@code CloakroomMetrics} adds to one writing request on the {@code memory} engine, with a 100-byte
 * logged-in session: open, read, put, save (a load, an encode and a compare-and-set), without meters
 * ({@code metrics=false}) and with the engine instrumented and the metrics listening, bound to a
 * {@link SimpleMeterRegistry} ({@code metrics=true}).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class MetricsBenchmark {

    /** {@code true}: the engine instrumented and the metrics listening; {@code false}: neither. */
    @Param({"false", "true"})
    public boolean metrics;

    private ServerSideEngine engine;
    private SessionSettings settings;
    private String key;
    private int counter;

    /** Builds the engine and settings of the variant and stores one session. */
    @Setup
    public void setUp() {
        ServerSideEngine memory = MemoryEngine.create();
        if (metrics) {
            CloakroomMetrics meters = new CloakroomMetrics();
            meters.bindTo(new SimpleMeterRegistry());
            engine = meters.instrument(memory, "memory");
            settings = BenchKeys.settings().toBuilder().listener(meters).build();
        } else {
            engine = memory;
            settings = BenchKeys.settings();
        }
        Session session = Session.open(engine, settings, null);
        session.update(SessionPayloads.of(100));
        session.save();
        key = Objects.requireNonNull(session.key(), "a saved session has a key");
    }

    /** One writing request: open, read, put, save. */
    @Benchmark
    public Object loadAndSave() {
        Session session = Session.open(engine, settings, key);
        Object user = session.get("_auth_user_id");
        session.put("count", counter++);
        session.save();
        return Objects.requireNonNull(user, "the session is logged in");
    }
}
