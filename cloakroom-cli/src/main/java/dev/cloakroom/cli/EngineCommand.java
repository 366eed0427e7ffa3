package dev.cloakroom.cli;

import dev.cloakroom.demo.config.EngineKind;
import dev.cloakroom.demo.config.EnvironmentConfig;
import dev.cloakroom.demo.config.OpenEngine;
import dev.cloakroom.demo.config.Variable;
import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/** A command that reads the configuration and opens the engine it names. */
abstract class EngineCommand implements Callable<Integer> {

    @ParentCommand
    CloakroomCommand root;

    @Mixin
    ConfigOptions options;

    /** Flags of this command beyond {@link ConfigOptions}, by the variable they override. */
    Map<Variable, String> extraFlags() {
        return Map.of();
    }

    EnvironmentConfig config() {
        Map<Variable, String> flags = options.flags();
        flags.putAll(extraFlags());
        return EnvironmentConfig.load(root.context.environment(), flags, root.context.workingDirectory());
    }

    PrintWriter out() {
        return root.context.out();
    }

    PrintWriter err() {
        return root.context.err();
    }

    /** Fails with status 2 for engines that keep nothing this process can see. */
    static void requireStoredOnServer(EnvironmentConfig config, String what) {
        if (config.engine() == EngineKind.SIGNED_COOKIES) {
            throw CommandFailure.usage("The signed_cookies engine stores sessions in the browser's cookie, "
                    + "not on the server, so there is nothing to " + what
                    + "; 'cloakroom decode VALUE' reads a cookie");
        }
        if (config.engine() == EngineKind.MEMORY) {
            throw CommandFailure.usage("The memory engine keeps sessions inside the process that made them, "
                    + "so this command cannot " + what + " them; use db, cache, cached_db or file");
        }
    }

    static OpenEngine open(EnvironmentConfig config) {
        return OpenEngine.open(config, OpenEngine.Schema.USE_EXISTING);
    }
}
