package dev.cloakroom.micrometer;

import dev.cloakroom.ServerSideEngine;
import dev.cloakroom.SessionListener;
import dev.cloakroom.SessionListing;
import dev.cloakroom.UserSessionIndex;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import java.util.Locale;
import java.util.Objects;

/**
 * Cloakroom's meters for Micrometer. It plays two parts, each optional:
 * <ul>
 *   <li>a {@link SessionListener}: register it with
 *       {@code SessionSettings.builder().listener(metrics)} to count session events (created, key cycled,
 *       flushed, expired, revoked, rejected input, save retries and interruptions), and with
 *       {@code CachedDbEngine.builder(...).listener(metrics)} to count {@code cached_db}'s cache
 *       fallbacks;</li>
 *   <li>an engine decorator: {@link #instrument(ServerSideEngine, String)} returns an engine that times every
 *       storage call and counts loads, saves, creates and deletes by outcome, and the size of the data
 *       written.</li>
 * </ul>
 * Then {@link #bindTo(MeterRegistry)} it to one or more registries. Every meter is registered when it is
 * created, so recording costs a counter increment or a timer record, never a registry lookup. The README
 * section "Metrics and events" lists every meter.
 *
 * <pre>{@code
 * CloakroomMetrics metrics = new CloakroomMetrics();
 * ServerSideEngine engine = metrics.instrument(JdbcEngine.builder(url).build(), "db");
 * SessionSettings settings = SessionSettings.builder().secretKey(secret).listener(metrics).build();
 * metrics.bindTo(registry);
 * }</pre>
 *
 * <p>Thread-safe.
 */
public final class CloakroomMetrics implements MeterBinder, SessionListener {

    private final CompositeMeterRegistry meters = new CompositeMeterRegistry();
    private final Counter created;
    private final Counter keyCycled;
    private final Counter flushed;
    private final Counter expired;
    private final Counter revoked;
    private final Counter[] rejected = new Counter[Rejection.values().length];
    private final Counter retries;
    private final Counter interrupted;
    private final Counter cacheFallbacks;

    /** Creates the meters; they record nothing anywhere until bound to a registry. */
    public CloakroomMetrics() {
        created = event("created");
        keyCycled = event("key_cycled");
        flushed = event("flushed");
        expired = event("expired");
        revoked = Counter.builder(MeterNames.REVOKED)
                .description("Sessions revoked by signing a user out everywhere").register(meters);
        for (Rejection reason : Rejection.values()) {
            rejected[reason.ordinal()] = Counter.builder(MeterNames.REJECTED)
                    .description("Tampered or corrupt cookies and stored sessions replaced by empty ones")
                    .tag("reason", reason.name().toLowerCase(Locale.ROOT)).register(meters);
        }
        retries = Counter.builder(MeterNames.RETRIES)
                .description("Saves retried after a concurrent change of the same session").register(meters);
        interrupted = Counter.builder(MeterNames.INTERRUPTED)
                .description("Saves abandoned because another request deleted the session").register(meters);
        cacheFallbacks = Counter.builder(MeterNames.CACHE_FALLBACKS)
                .description("Calls to the cache of cached_db that failed, the database answering instead")
                .register(meters);
    }

    private Counter event(String event) {
        return Counter.builder(MeterNames.EVENTS).description("Session lifecycle events")
                .tag("event", event).register(meters);
    }

    /** Adds {@code registry} to those the meters are published to; binding one registry twice is harmless. */
    @Override
    public void bindTo(MeterRegistry registry) {
        Objects.requireNonNull(registry, "registry");
        if (!meters.getRegistries().contains(registry)) {
            meters.add(registry);
        }
    }

    /**
     * Returns {@code engine} wrapped so that every call to it is timed ({@code cloakroom.store.operation})
     * and loads, saves, creates and deletes are counted by outcome, all tagged {@code engine=engineName}.
     * The result answers exactly as {@code engine} does, implements {@link UserSessionIndex} and
     * {@link SessionListing} exactly when {@code engine} does, and closes {@code engine} when closed if it
     * is {@link AutoCloseable}. Use it in place of {@code engine}; it is not a
     * {@link dev.cloakroom.engine.CachedDbEngine} even if {@code engine} is one, so instrument the cache and
     * the database engines given to {@code CachedDbEngine.builder} instead to keep that type and time both.
     *
     * @param engineName the {@code engine} tag: {@code db}, {@code cache}, {@code memory}...
     */
    public ServerSideEngine instrument(ServerSideEngine engine, String engineName) {
        Objects.requireNonNull(engine, "engine");
        Objects.requireNonNull(engineName, "engineName");
        return InstrumentedEngine.wrap(engine, new EngineMeters(meters, engineName));
    }

    @Override
    public void created(String key) {
        created.increment();
    }

    @Override
    public void keyCycled(String oldKey, String newKey) {
        keyCycled.increment();
    }

    @Override
    public void flushed(String key) {
        flushed.increment();
    }

    @Override
    public void revoked(String userId, int count) {
        revoked.increment(count);
    }

    @Override
    public void expired(String key) {
        expired.increment();
    }

    @Override
    public void rejected(Rejection reason) {
        rejected[reason.ordinal()].increment();
    }

    @Override
    public void saveConflicted(String key, int attempt) {
        retries.increment();
    }

    @Override
    public void saveInterrupted(String key) {
        interrupted.increment();
    }

    @Override
    public void cacheFailed(String operation) {
        cacheFallbacks.increment();
    }

    @Override
    public String toString() {
        return "CloakroomMetrics[" + meters.getRegistries().size() + " registries]";
    }
}
