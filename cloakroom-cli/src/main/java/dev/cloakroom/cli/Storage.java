package dev.cloakroom.cli;

import dev.cloakroom.demo.config.EngineKind;
import dev.cloakroom.demo.config.EnvironmentConfig;
import dev.cloakroom.demo.config.OpenEngine;
import dev.cloakroom.jdbc.JdbcEngine;
import dev.cloakroom.jdbc.JdbcEngineBuilder;
import java.util.Optional;

/** Opens the {@link StoredSessions} of an engine, for the engines that have one. */
final class Storage {

    private Storage() {
    }

    /** The db table (for {@code db} and {@code cached_db}) or the file directory; empty for other engines. */
    static Optional<StoredSessions> of(EnvironmentConfig config, OpenEngine engine) {
        JdbcEngine jdbc = engine.jdbc();
        if (jdbc != null) {
            return Optional.of(JdbcStoredSessions.open(config.databaseUrl(), jdbc.table(),
                    jdbc.hasUserColumn() ? JdbcEngineBuilder.DEFAULT_USER_COLUMN : null));
        }
        if (engine.kind() == EngineKind.FILE) {
            return Optional.of(new FileStoredSessions(config.filePath(), config.settings().cookieName(),
                    config.settings().cookieAge()));
        }
        return Optional.empty();
    }
}
