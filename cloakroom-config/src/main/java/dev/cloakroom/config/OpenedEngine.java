package dev.cloakroom.config;

import dev.cloakroom.SessionEngine;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An engine opened from {@link Settings}, with its name, a description of where it keeps sessions (without
 * passwords) and what {@link #close()} closes (connection pools, clients). Thread-safe.
 */
public final class OpenedEngine implements AutoCloseable {

    private final SessionEngine engine;
    private final String name;
    private final String description;
    private final List<AutoCloseable> resources;

    /**
     * Creates it; {@code resources} are closed in reverse order by {@link #close()}.
     *
     * @param description where the sessions are, for example {@code jdbc:sqlite:/srv/cloakroom.sqlite3}
     */
    public OpenedEngine(SessionEngine engine, String name, String description,
            List<AutoCloseable> resources) {
        this.engine = Objects.requireNonNull(engine, "engine");
        this.name = Objects.requireNonNull(name, "name");
        this.description = Objects.requireNonNull(description, "description");
        this.resources = new ArrayList<>(resources);
    }

    /** The engine. */
    public SessionEngine engine() {
        return engine;
    }

    /** The engine's name as the {@code engine} setting spells it: {@code db}, {@code cache}... */
    public String name() {
        return name;
    }

    /** Where it keeps sessions, without passwords: {@code jdbc:sqlite:/srv/cloakroom.sqlite3}. */
    public String description() {
        return description;
    }

    /** Closes the pools and clients the engine opened; never throws. */
    @Override
    public void close() {
        closeAll(resources, null);
    }

    /** Closes {@code resources} in reverse order, adding what they throw to {@code failure} if any. */
    static void closeAll(List<AutoCloseable> resources, @Nullable Throwable failure) {
        for (int i = resources.size() - 1; i >= 0; i--) {
            try {
                resources.get(i).close();
            } catch (Exception e) {
                if (failure != null) {
                    failure.addSuppressed(e);
                }
            }
        }
    }

    @Override
    public String toString() {
        return "OpenedEngine[" + name + ", " + description + "]";
    }
}
