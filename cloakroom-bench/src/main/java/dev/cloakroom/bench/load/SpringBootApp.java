package dev.cloakroom.bench.load;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The Spring Boot lines the load harness compares with: each is the same small app
 * ({@code cloakroom-bench-spring/app}) built as its own runnable jar against that line's
 * {@code spring-boot-dependencies}, and run as a separate process, one per {@link Variant}.
 */
public enum SpringBootApp {
    /** Spring Boot 3.5.7: Spring Session 3.5.3, Spring Framework 6.2, Jetty 12.0. */
    BOOT_3_5("3.5.7", "3.5.3", "Spring Framework 6.2.12, Spring Data Redis 3.5.5, Jetty 12.0.29", "boot35"),
    /** Spring Boot 4.0.7: Spring Session 4.0.4, Spring Framework 7.0, Jetty 12.1. */
    BOOT_4_0("4.0.7", "4.0.4", "Spring Framework 7.0.8, Spring Data Redis 4.0.6, Jetty 12.1.10", "boot40");

    private final String bootVersion;
    private final String sessionVersion;
    private final String managed;
    private final String schema;

    SpringBootApp(String bootVersion, String sessionVersion, String managed, String schema) {
        this.bootVersion = bootVersion;
        this.sessionVersion = sessionVersion;
        this.managed = managed;
        this.schema = schema;
    }

    /** What this Boot version runs, for the results' header. */
    public String describe() {
        return "Spring Boot " + bootVersion + " (Spring Session " + sessionVersion + ", " + managed + ")";
    }

    /** The Spring Boot version, e.g. {@code 4.0.7}. */
    public String bootVersion() {
        return bootVersion;
    }

    /** The Spring Session version that Boot version manages. */
    public String sessionVersion() {
        return sessionVersion;
    }

    /** The PostgreSQL schema its JDBC variant keeps {@code spring_session} in. */
    String schema() {
        return schema;
    }

    /** {@code 3.5} or {@code 4.0}: the module's suffix. */
    String line() {
        return bootVersion.substring(0, bootVersion.lastIndexOf('.'));
    }

    /**
     * The runnable jar {@code mvn package} builds, found from the repository's root (as {@code scripts/bench}
     * runs) or from a module directory (as the integration tests run).
     */
    public Path jar() {
        Path relative = Path.of("cloakroom-bench-spring", "boot-" + line(), "target",
                "cloakroom-bench-spring-boot-" + line() + ".jar");
        Path fromModule = Path.of("..").resolve(relative);
        return Files.exists(relative) || !Files.exists(fromModule) ? relative : fromModule;
    }
}
