package dev.cloakroom.bench.micro;

import dev.cloakroom.SessionSettings;

/** The fixed secret key of every benchmark; Java and Django sign with the same one. */
public final class BenchKeys {

    /** A benchmark-only secret key; it signs nothing that leaves this machine. */
    public static final String SECRET_KEY = "cloakroom-bench-secret-key-not-for-production";

    private BenchKeys() {
    }

    /** Django's defaults with {@link #SECRET_KEY}. */
    public static SessionSettings settings() {
        return SessionSettings.builder().secretKey(SECRET_KEY).build();
    }
}
