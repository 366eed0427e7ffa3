package dev.cloakroom.testkit;

import dev.cloakroom.ServerSideEngine;
import dev.cloakroom.SessionEngine;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An engine to open sessions on, with counters of its storage calls: a {@link CountingEngine} around a
 * server-side engine; a client-side engine as it is, whose counters stay 0 since reading or writing a
 * cookie is no storage access.
 *
 * @param engine the engine to open sessions on
 * @param reads calls to load and exists
 * @param writes calls to create, save and delete
 */
public record CountedEngine(SessionEngine engine, AtomicInteger reads, AtomicInteger writes) {

    /** Wraps {@code engine} to count its storage calls. */
    public static CountedEngine of(SessionEngine engine) {
        if (engine instanceof ServerSideEngine server) {
            CountingEngine counting = CountingEngine.wrap(server);
            return new CountedEngine(counting, counting.reads, counting.writes);
        }
        return new CountedEngine(engine, new AtomicInteger(), new AtomicInteger());
    }
}
