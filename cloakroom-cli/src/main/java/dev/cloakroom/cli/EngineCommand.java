package dev.cloakroom.cli;

import dev.cloakroom.SessionEngine;
import dev.cloakroom.config.Engines;
import dev.cloakroom.config.OpenedEngine;
import dev.cloakroom.config.Schema;
import dev.cloakroom.config.Settings;
import dev.cloakroom.engine.CachedDbEngine;
import dev.cloakroom.jdbc.JdbcEngine;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** A command that reads the settings (flags winning over variables) and opens the engine they name. */
abstract class EngineCommand implements Callable<Integer>, SettingOptions.ReadsSettings {

    @ParentCommand
    CloakroomCommand root;

    @Spec
    CommandSpec spec;

    Settings config() {
        return read(root.context, spec);
    }

    /** The settings: {@code spec}'s flags over the context's environment. */
    static Settings read(Cli.Context context, CommandSpec spec) {
        return Settings.reader().flags(SettingOptions.given(spec)).environment(context.environment())
                .workingDirectory(context.workingDirectory()).secretKeyFile(true).read();
    }

    PrintWriter out() {
        return root.context.out();
    }

    PrintWriter err() {
        return root.context.err();
    }

    /** Fails with status 2 for engines that keep nothing this process can see. */
    static void requireStoredOnServer(Settings config, String what) {
        if (config.engineName().endsWith("_cookies")) {
            throw CommandFailure.usage("The " + config.engineName() + " engine stores sessions in the "
                    + "browser's cookie, not on the server, so there is nothing to " + what
                    + "; 'cloakroom decode VALUE' reads a signed cookie");
        }
        if (config.engineName().equals("memory")) {
            throw CommandFailure.usage("The memory engine keeps sessions inside the process that made them, "
                    + "so this command cannot " + what + " them; use db, cache, cached_db or file");
        }
    }

    static OpenedEngine open(Settings config) {
        return Engines.open(config, Schema.USE_EXISTING);
    }

    /** The {@code db} engine inside {@code engine} ({@code db} itself, or {@code cached_db}'s), or null. */
    static @Nullable JdbcEngine jdbc(OpenedEngine engine) {
        SessionEngine e = engine.engine();
        if (e instanceof CachedDbEngine cachedDb) {
            return cachedDb.database() instanceof JdbcEngine db ? db : null;
        }
        return e instanceof JdbcEngine db ? db : null;
    }
}
