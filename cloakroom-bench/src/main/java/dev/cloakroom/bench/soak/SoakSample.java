package dev.cloakroom.bench.soak;

import java.time.Duration;
import java.util.Locale;

/**
 * What the soak saw at one moment.
 *
 * @param at time since the clients started
 * @param heapAfterGc the demo's heap in use right after a full collection, in bytes
 * @param resident the demo's resident memory, in bytes
 * @param openFiles the demo's open files, sockets and pipes
 * @param dbConnections connections the demo holds open to its database
 * @param requests requests answered since the start
 * @param failures failed requests since the start
 */
record SoakSample(Duration at, long heapAfterGc, long resident, int openFiles, int dbConnections,
        long requests, long failures) {

    static final String HEADER =
            "| time | heap after GC | RSS | open files | db connections | requests | failed |";

    String row() {
        return String.format(Locale.ROOT, "| %d:%02d | %.1f MiB | %.1f MiB | %d | %d | %,d | %d |",
                at.toMinutes(), at.toSecondsPart(), heapAfterGc / 1048576.0, resident / 1048576.0, openFiles,
                dbConnections, requests, failures);
    }
}
