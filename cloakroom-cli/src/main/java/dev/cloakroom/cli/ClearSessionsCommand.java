package dev.cloakroom.cli;

import dev.cloakroom.config.Settings;
import dev.cloakroom.config.OpenedEngine;
import picocli.CommandLine.Command;

/** {@code cloakroom clearsessions}: Django's command, deleting expired sessions. */
@Command(name = "clearsessions", mixinStandardHelpOptions = true,
        description = {"Delete expired sessions, as Django's clearsessions (run it from cron).",
            "db deletes in batches (progress is logged for long runs); file deletes expired files;",
            "cache, signed_cookies expire by themselves and have nothing to clear."})
final class ClearSessionsCommand extends EngineCommand {

    @Override
    public Integer call() {
        Settings config = config();
        String kind = config.engineName();
        if (kind.equals("signed_cookies") || kind.equals("cache") || kind.equals("memory")) {
            out().println("Removed 0 expired sessions: " + why(kind));
            return Cli.OK;
        }
        try (OpenedEngine engine = open(config)) {
            err().println("Clearing expired sessions (" + engine.name() + ", " + engine.description() + ")…");
            long started = System.nanoTime();
            int removed = Storage.serverSide(engine).clearExpired();
            out().println("Removed " + Output.plural(removed, "expired session") + " in "
                    + (System.nanoTime() - started) / 1_000_000 + " ms.");
        }
        return Cli.OK;
    }

    private static String why(String kind) {
        switch (kind) {
            case "signed_cookies":
                return "signed_cookies sessions live in browsers and expire by their signature's age.";
            case "cache":
                return "Redis expires cache sessions by itself.";
            default:
                return "the memory engine lives inside the process that made its sessions.";
        }
    }
}
