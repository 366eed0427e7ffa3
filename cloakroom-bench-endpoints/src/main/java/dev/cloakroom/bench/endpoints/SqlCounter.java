package dev.cloakroom.bench.endpoints;

import java.util.concurrent.atomic.LongAdder;

/**
 * What one variant sent to the database: statements (each {@code execute*} call, a batch counting once),
 * {@code COMMIT}s and {@code ROLLBACK}s, and transactions (a statement in autocommit, or a commit). Every
 * statement and every commit or rollback is a round trip on PostgreSQL; a {@code BEGIN} is not, the driver
 * sends it with the first statement. Thread-safe.
 */
public final class SqlCounter {

    private final LongAdder statements = new LongAdder();
    private final LongAdder commits = new LongAdder();
    private final LongAdder rollbacks = new LongAdder();
    private final LongAdder transactions = new LongAdder();

    void statement(boolean autoCommit) {
        statements.increment();
        if (autoCommit) {
            transactions.increment();
        }
    }

    void commit() {
        commits.increment();
        transactions.increment();
    }

    void rollback() {
        rollbacks.increment();
        transactions.increment();
    }

    /** The counts so far. */
    public Snapshot snapshot() {
        return new Snapshot(statements.sum(), commits.sum(), rollbacks.sum(), transactions.sum());
    }

    /** Counts at one moment; subtract two to get what happened in between. */
    public record Snapshot(long statements, long commits, long rollbacks, long transactions) {

        /** What happened since {@code before}. */
        public Snapshot minus(Snapshot before) {
            return new Snapshot(statements - before.statements, commits - before.commits,
                    rollbacks - before.rollbacks, transactions - before.transactions);
        }

        /** Parses {@link #toString()}'s text: four numbers separated by spaces. */
        public static Snapshot parse(String text) {
            String[] n = text.trim().split(" ");
            if (n.length != 4) {
                throw new IllegalArgumentException("Expected four counts, got '" + text + "'");
            }
            return new Snapshot(Long.parseLong(n[0]), Long.parseLong(n[1]), Long.parseLong(n[2]),
                    Long.parseLong(n[3]));
        }

        /** {@code statements commits rollbacks transactions}, as the Spring Boot apps answer it. */
        @Override
        public String toString() {
            return statements + " " + commits + " " + rollbacks + " " + transactions;
        }

        /** Round trips: statements plus commits and rollbacks. */
        public long roundTrips() {
            return statements + commits + rollbacks;
        }
    }
}
