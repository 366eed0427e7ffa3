package dev.cloakroom.micrometer;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.BaseUnits;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The meters of one instrumented engine, all registered up front so that recording is a field read and an
 * add: a timer per storage operation, the outcome counters of loads, saves, creates and deletes, and the
 * size of the data written.
 */
final class EngineMeters {

    /** A storage operation, as the {@code operation} tag names it. */
    enum Operation {
        LOAD("load"), SAVE("save"), CREATE("create"), DELETE("delete"), EXISTS("exists"),
        CLEAR_EXPIRED("clear_expired"), SESSIONS_OF("sessions_of"), REVOKE_ALL("revoke_all"),
        FIND("find"), LIVE("live"), STATS("stats");

        final String tag;

        Operation(String tag) {
            this.tag = tag;
        }
    }

    private final Timer[] timers = new Timer[Operation.values().length];
    final Counter loadHit;
    final Counter loadMiss;
    final Counter loadError;
    final Counter saveSuccess;
    final Counter saveConflict;
    final Counter saveGone;
    final Counter saveError;
    final Counter createSuccess;
    final Counter createTaken;
    final Counter createError;
    final Counter deleteSuccess;
    final Counter deleteError;
    final DistributionSummary size;

    EngineMeters(MeterRegistry registry, String engine) {
        for (Operation operation : Operation.values()) {
            timers[operation.ordinal()] = Timer.builder(MeterNames.OPERATION)
                    .description("Time taken by one call to the session storage")
                    .tag("engine", engine).tag("operation", operation.tag).register(registry);
        }
        loadHit = outcome(registry, MeterNames.LOADS, engine, "hit");
        loadMiss = outcome(registry, MeterNames.LOADS, engine, "miss");
        loadError = outcome(registry, MeterNames.LOADS, engine, "error");
        saveSuccess = outcome(registry, MeterNames.SAVES, engine, "success");
        saveConflict = outcome(registry, MeterNames.SAVES, engine, "conflict");
        saveGone = outcome(registry, MeterNames.SAVES, engine, "gone");
        saveError = outcome(registry, MeterNames.SAVES, engine, "error");
        createSuccess = outcome(registry, MeterNames.CREATES, engine, "success");
        createTaken = outcome(registry, MeterNames.CREATES, engine, "taken");
        createError = outcome(registry, MeterNames.CREATES, engine, "error");
        deleteSuccess = outcome(registry, MeterNames.DELETES, engine, "success");
        deleteError = outcome(registry, MeterNames.DELETES, engine, "error");
        size = DistributionSummary.builder(MeterNames.SIZE)
                .description("Size of the encoded session data written to storage")
                .baseUnit(BaseUnits.BYTES).tag("engine", engine).register(registry);
    }

    private static Counter outcome(MeterRegistry registry, String name, String engine, String outcome) {
        return Counter.builder(name).tag("engine", engine).tag("outcome", outcome).register(registry);
    }

    /** Runs {@code call} and records its time under {@code operation}, whether it returns or throws. */
    <T> T time(Operation operation, Supplier<T> call) {
        long started = System.nanoTime();
        try {
            return call.get();
        } finally {
            timers[operation.ordinal()].record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
        }
    }

    /** Like {@link #time(Operation, Supplier)} for a call that returns nothing. */
    void run(Operation operation, Runnable call) {
        long started = System.nanoTime();
        try {
            call.run();
        } finally {
            timers[operation.ordinal()].record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
        }
    }
}
