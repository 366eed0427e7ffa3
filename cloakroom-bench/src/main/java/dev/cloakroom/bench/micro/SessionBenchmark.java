package dev.cloakroom.bench.micro;

import org.jspecify.annotations.Nullable;
import dev.cloakroom.Session;
import dev.cloakroom.SessionSettings;
import dev.cloakroom.engine.MemoryEngine;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * {@link Session} on the {@code memory} engine, with a 100-byte logged-in session: what one request's
 * session work costs when storage is free. {@code get} opens the session and reads one value (a load and a
 * decode); {@code getLoaded} reads from a session already loaded; {@code put} stores one value in a loaded
 * session (opened before each call, untimed); {@code save} is a whole writing request: open, read, put, save
 * (encode and compare-and-set).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class SessionBenchmark {

    private MemoryEngine engine;
    private SessionSettings settings;
    private String key;
    private Session loaded;
    private int counter;

    /** Stores one session in the engine. */
    @Setup
    public void setUp() {
        settings = BenchKeys.settings();
        engine = MemoryEngine.create();
        Session session = Session.open(engine, settings, null);
        session.update(SessionPayloads.of(100));
        session.save();
        key = java.util.Objects.requireNonNull(session.key(), "a saved session has a key");
        loaded = Session.open(engine, settings, key);
        loaded.get("_auth_user_id");
    }

    /** Opens the session and reads one value: load and decode. */
    @Benchmark
    public @Nullable Object get() {
        return Session.open(engine, settings, key).get("_auth_user_id");
    }

    /** Reads one value from a loaded session. */
    @Benchmark
    public @Nullable Object getLoaded() {
        return loaded.get("_auth_user_id");
    }

    /**
     * Stores one value in a loaded session, a fresh one per call: a session remembers every change until it
     * is saved (to re-apply them after a conflict), so millions of puts into one session would only measure
     * a growing list.
     */
    @Benchmark
    public void put(Fresh fresh) {
        fresh.session.put("count", counter++);
    }

    /** A session opened and loaded before each call, outside the measured time. */
    @State(Scope.Thread)
    public static class Fresh {
        Session session;

        /** Opens and loads the benchmark's session. */
        @Setup(Level.Invocation)
        public void open(SessionBenchmark benchmark) {
            session = Session.open(benchmark.engine, benchmark.settings, benchmark.key);
            session.get("_auth_user_id");
        }
    }

    /** A writing request: open, read, put, save. */
    @Benchmark
    public void save() {
        Session session = Session.open(engine, settings, key);
        session.compute("count", Integer.class, n -> n == null ? 1 : n + 1);
        session.save();
    }
}
