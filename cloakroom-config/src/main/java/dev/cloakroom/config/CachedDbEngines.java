package dev.cloakroom.config;

import dev.cloakroom.ServerSideEngine;
import dev.cloakroom.engine.CachedDbEngine;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The {@code cached_db} engine: the {@code cache} engine in front of the {@code db} engine, each opened by
 * its own factory (so it needs {@code cloakroom-redis} and {@code cloakroom-jdbc}).
 */
public final class CachedDbEngines implements EngineFactory {

    /** Creates the factory; {@link java.util.ServiceLoader} calls it. */
    public CachedDbEngines() {
    }

    @Override
    public Set<String> engines() {
        return Set.of("cached_db");
    }

    @Override
    public OpenedEngine open(String name, Settings settings, Schema schema) {
        EngineFactory cacheFactory = factory("cache");
        EngineFactory dbFactory = factory("db");
        List<AutoCloseable> opened = new ArrayList<>();
        try {
            OpenedEngine front = cacheFactory.open("cache", settings, schema);
            opened.add(front);
            OpenedEngine back = dbFactory.open("db", settings, schema);
            opened.add(back);
            CachedDbEngine engine = CachedDbEngine.builder(serverSide(front), serverSide(back))
                    .clock(settings.sessionSettings().clock()).build();
            return new OpenedEngine(engine, name, front.description() + " in front of " + back.description(),
                    opened);
        } catch (RuntimeException e) {
            OpenedEngine.closeAll(opened, e);
            throw e;
        }
    }

    private static ServerSideEngine serverSide(OpenedEngine part) {
        if (part.engine() instanceof ServerSideEngine server) {
            return server;
        }
        throw new ConfigurationException("engine 'cached_db' needs server-side engines, but '" + part.name()
                + "' keeps sessions in the cookie");
    }

    private static EngineFactory factory(String part) {
        try {
            return Engines.factory(part);
        } catch (ConfigurationException e) {
            throw new ConfigurationException("engine 'cached_db' needs cloakroom-jdbc and cloakroom-redis on "
                    + "the class path", e);
        }
    }
}
