package dev.cloakroom.bench.load;

/** The PostgreSQL database of this module's tests: its own, so it never meets the bench's or other tests'. */
final class TestDatabases {

    static final String URL = "jdbc:postgresql://127.0.0.1:5432/cloakroom_bench_it?user=postgres";

    private TestDatabases() {
    }
}
