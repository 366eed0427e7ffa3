package dev.cloakroom.cli;

import dev.cloakroom.demo.config.EnvironmentConfig;
import dev.cloakroom.demo.config.OpenEngine;
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
        EnvironmentConfig config = config();
        if (!config.engine().usesDatabase()) {
            out().println("Nothing to migrate: the " + config.engine() + " engine has no database table.");
            return Cli.OK;
        }
        try (OpenEngine engine = OpenEngine.open(config, OpenEngine.Schema.MIGRATE_LATER)) {
            JdbcEngine jdbc = engine.jdbc();
            if (jdbc == null) {
                throw new IllegalStateException("The " + config.engine()
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
