package dev.cloakroom.cli;

import dev.cloakroom.ListingStats;
import dev.cloakroom.SessionListing;
import dev.cloakroom.config.Settings;
import dev.cloakroom.config.OpenedEngine;
import picocli.CommandLine.Command;

/** {@code cloakroom stats}: how many sessions, how big. */
@Command(name = "stats", mixinStandardHelpOptions = true,
        description = {"Count live and expired sessions; total and largest size of their data.",
            "Supported by db and cached_db (one SQL query each) and file (a directory scan);",
            "cache, signed_cookies and memory cannot be counted from here (exit 2)."})
final class StatsCommand extends EngineCommand {

    @Override
    public Integer call() {
        Settings config = config();
        requireStoredOnServer(config, "count");
        try (OpenedEngine engine = open(config)) {
            SessionListing sessions = Storage.listing(engine).orElseThrow(() -> CommandFailure.usage(
                    "stats supports the db, cached_db and file engines; the " + engine.name()
                    + " engine cannot be counted from here"));
            ListingStats stats = sessions.stats(config.sessionSettings().clock().instant());
            out().printf("engine        %s (%s)%n", engine.name(), sessions.description());
            out().printf("live          %d%n", stats.live());
            out().printf("expired       %d%s%n", stats.expired(),
                    stats.expired() > 0 ? " (run 'cloakroom clearsessions' to delete them)" : "");
            out().printf("total size    %s%n", Output.bytes(stats.totalBytes()));
            out().printf("largest       %s%n", Output.bytes(stats.largestBytes()));
        }
        return Cli.OK;
    }
}
