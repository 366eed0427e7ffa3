package dev.cloakroom.bench.profile;

import java.util.Locale;

/**
 * What a JVM thread does, from its name: serves requests or talks to the store (Jetty's {@code qtp} pool,
 * Lettuce/Netty, HikariCP), collects garbage, compiles, records JFR, or something else (the bench's own
 * threads, the main thread). Names may be cut to 15 characters, as Linux keeps them.
 */
public enum ThreadKind {
    /** Jetty's request threads, the Redis client's event loops, the connection pool's threads. */
    SERVING("request threads"),
    /** Garbage collection and the VM thread that runs its pauses. */
    GC("GC and VM thread"),
    /** The JIT compilers. */
    JIT("JIT compilers"),
    /** JFR's own threads: the sampler, the recorder. */
    JFR("JFR"),
    /** Anything else. */
    OTHER("other threads");

    private final String label;

    ThreadKind(String label) {
        this.label = label;
    }

    /** How tables name it. */
    public String label() {
        return label;
    }

    /** The kind of the thread named {@code name}. */
    public static ThreadKind of(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        if (n.startsWith("qtp") || n.startsWith("lettuce") || n.contains("eventloop")
                || n.startsWith("hikaripool")) {
            return SERVING;
        }
        if (n.startsWith("gc ") || n.startsWith("g1 ") || n.equals("vm thread")
                || n.startsWith("vm periodic")) {
            return GC;
        }
        if (n.contains("compilerthre")) {
            return JIT;
        }
        if (n.startsWith("jfr")) {
            return JFR;
        }
        return OTHER;
    }
}
