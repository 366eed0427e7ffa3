package dev.cloakroom.cli;

import dev.cloakroom.config.Settings;
import dev.cloakroom.config.CloakroomSettings;
import dev.cloakroom.config.OpenedEngine;
import dev.cloakroom.jdbc.JdbcEngine;
import java.util.Optional;

/** Opens the {@link StoredSessions} of an engine, for the engines that have one. */
final class Storage {

    private Storage() {
    }

    /** The db table (for {@code db} and {@code cached_db}) or the file directory; empty for other engines. */
    static Optional<StoredSessions> of(Settings config, OpenedEngine engine) {
        JdbcEngine jdbc = EngineCommand.jdbc(engine);
        if (jdbc != null) {
            return Optional.of(JdbcStoredSessions.open(config.get(CloakroomSettings.JDBC_URL), jdbc.table(),
                    jdbc.hasUserColumn() ? config.get(CloakroomSettings.JDBC_USER_COLUMN) : null));
        }
        if (engine.name().equals("file")) {
            return Optional.of(new FileStoredSessions(config.get(CloakroomSettings.FILE_PATH),
                    config.sessionSettings().cookieName(),
                    config.sessionSettings().cookieAge()));
        }
        return Optional.empty();
    }
}
