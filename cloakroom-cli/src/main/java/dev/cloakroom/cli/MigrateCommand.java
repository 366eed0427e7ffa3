package dev.cloakroom.cli;

import dev.cloakroom.config.Settings;
import dev.cloakroom.config.Engines;
import dev.cloakroom.config.OpenedEngine;
import dev.cloakroom.config.Schema;
import dev.cloakroom.jdbc.JdbcEngine;
import java.util.List;
import picocli.CommandLine.Command;

/** {@code cloakroom migrate}: creates the {@code django_session} table and its indexes if missing. */
@Command(name = "migrate", mixinStandardHelpOptions = true,
        description = {"Create the db engine's table django_session and its indexes if they are missing.",
            "As Django's migration does, plus an indexed user_id column for listing and revoking a user's",
            "sessions. Safe to run again; an existing table (one Django made, say) only gains that column."})
final class MigrateCommand extends EngineCommand {

    @Override
    public Integer call() {
        Settings config = config();
        if (!config.engineName().equals("db") && !config.engineName().equals("cached_db")) {
            out().println("Nothing to migrate: the " + config.engineName()
                    + " engine has no database table.");
            return Cli.OK;
        }
        try (OpenedEngine engine = Engines.open(config, Schema.MIGRATE_LATER)) {
            JdbcEngine jdbc = jdbc(engine);
            if (jdbc == null) {
                throw new IllegalStateException("The " + config.engineName()
                        + " engine opened without its db engine");
            }
            List<String> ran = jdbc.migrate();
            if (ran.isEmpty()) {
                out().println("Table " + jdbc.table() + " is up to date (" + engine.description() + ").");
            } else {
                ran.forEach(statement -> out().println("  " + statement));
                out().println("Migrated table " + jdbc.table() + " (" + engine.description() + "): "
                        + Output.plural(ran.size(), "statement") + ".");
            }
        }
        return Cli.OK;
    }
}
