package dev.cloakroom.bench.micro;

import dev.cloakroom.Session;
import dev.cloakroom.SessionSettings;
import dev.cloakroom.StoredSession;
import dev.cloakroom.internal.SessionCodec;
import dev.cloakroom.internal.SessionKeys;
import dev.cloakroom.middleware.Outcome;
import dev.cloakroom.middleware.SessionMiddleware;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The middleware's cost per request with storage taken away ({@link NoOpEngine}) and a fake
 * {@link dev.cloakroom.middleware.Exchange}: {@code untouched} is the price every request pays (open, finish,
 * nothing read); {@code read} adds a load and decode of a 100-byte session and {@code Vary: Cookie};
 * {@code write} adds an encode, a save and the {@code Set-Cookie} header.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class MiddlewareBenchmark {

    private SessionMiddleware middleware;
    private String cookie;
    private int counter;

    /** Builds the middleware over an engine that always holds the same 100-byte session. */
    @Setup
    public void setUp() {
        SessionSettings settings = BenchKeys.settings();
        String data = SessionCodec.of(settings).encode(SessionPayloads.of(100));
        cookie = SessionKeys.generate();
        StoredSession stored = new StoredSession(cookie, data, Instant.now().plus(Duration.ofDays(365)),
                "42");
        middleware = new SessionMiddleware(new NoOpEngine(stored), settings);
    }

    /** A request that never touches its session. */
    @Benchmark
    public Outcome untouched() {
        FakeExchange exchange = new FakeExchange("sessionid", cookie);
        Session session = middleware.open(exchange);
        return middleware.finish(exchange, session);
    }

    /** A request that reads one value. */
    @Benchmark
    public Outcome read() {
        FakeExchange exchange = new FakeExchange("sessionid", cookie);
        Session session = middleware.open(exchange);
        session.get("_auth_user_id");
        return middleware.finish(exchange, session);
    }

    /** A request that changes one value. */
    @Benchmark
    public Outcome write() {
        FakeExchange exchange = new FakeExchange("sessionid", cookie);
        Session session = middleware.open(exchange);
        session.put("count", counter++);
        return middleware.finish(exchange, session);
    }
}
