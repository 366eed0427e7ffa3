package dev.cloakroom.cli;

import dev.cloakroom.SessionListing;
import dev.cloakroom.SessionSummary;
import dev.cloakroom.StoredSession;
import dev.cloakroom.UserSessionIndex;
import dev.cloakroom.config.CloakroomSettings;
import dev.cloakroom.config.Settings;
import dev.cloakroom.config.OpenedEngine;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code cloakroom list}: live sessions, soonest expiry first. */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = {"List live sessions, soonest expiry first: key, expiry (UTC), size, user.",
            "db, cached_db and file list everything; cache and memory only a user's sessions (--user).",
            "--user on db without a user_id column decodes each session with the configured secret key.",
            "With CLOAKROOM_HASH_KEYS on, the store holds hashes of the keys, not the keys, so KEY is the",
            "stored hash: revoke one with 'cloakroom revoke --stored KEY'."})
final class ListCommand extends EngineCommand {

    @Option(names = "--user", paramLabel = "ID",
            description = "Only the sessions of this user id (_auth_user_id).")
    @Nullable String user;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "100",
            description = "Show at most N sessions (default ${DEFAULT-VALUE}).")
    int limit;

    @Override
    public Integer call() {
        if (limit < 1) {
            throw CommandFailure.usage("Invalid --limit " + limit + ": expected at least 1");
        }
        Settings config = config();
        requireStoredOnServer(config, "list");
        Instant now = config.sessionSettings().clock().instant();
        try (OpenedEngine engine = open(config)) {
            Optional<SessionListing> listing = Storage.listing(engine);
            boolean hashed = config.get(CloakroomSettings.HASH_KEYS);
            print(listing.isPresent() ? fromListing(listing.get(), engine, config, now) : fromIndex(engine),
                    hashed);
        }
        return Cli.OK;
    }

    private record Line(String key, Instant expiresAt, @Nullable Integer size, @Nullable String user) {
    }

    private List<Line> fromListing(SessionListing listing, OpenedEngine engine, Settings config,
            Instant now) {
        SignedValues decoder = new SignedValues(config.sessionSettings());
        String userIdKey = config.sessionSettings().userIdKey();
        List<Line> lines = new ArrayList<>();
        if (user != null && engine.engine() instanceof UserSessionIndex index) {
            for (SessionSummary summary : index.sessionsOf(user)) {
                if (lines.size() >= limit) {
                    break;
                }
                Integer size = listing.find(summary.key()).map(s -> s.data().length()).orElse(null);
                lines.add(new Line(summary.key(), summary.expiresAt(), size, user));
            }
            return lines;
        }
        for (StoredSession row : listing.live(now, user == null ? limit : 0)) {
            String owner = row.userId() != null ? row.userId()
                    : decoder.sessionData(row.data()).map(d -> SignedValues.userId(d, userIdKey))
                    .orElse(null);
            if (user == null || user.equals(owner)) {
                lines.add(new Line(row.key(), row.expiresAt(), row.data().length(), owner));
                if (lines.size() >= limit) {
                    break;
                }
            }
        }
        return lines;
    }

    private List<Line> fromIndex(OpenedEngine engine) {
        if (user == null || !(engine.engine() instanceof UserSessionIndex index)) {
            throw CommandFailure.usage("The " + engine.name()
                    + " engine cannot list all sessions; list one user's with --user ID, or use db, "
                    + "cached_db or file");
        }
        List<Line> lines = new ArrayList<>();
        for (SessionSummary summary : index.sessionsOf(user)) {
            if (lines.size() < limit) {
                lines.add(new Line(summary.key(), summary.expiresAt(), null, user));
            }
        }
        return lines;
    }

    private void print(List<Line> lines, boolean hashed) {
        if (hashed) {
            out().println("Keys are stored hashes (CLOAKROOM_HASH_KEYS), not session keys; "
                    + "revoke one with 'cloakroom revoke --stored KEY'.");
        }
        out().printf("%-40s  %-19s  %8s  %s%n", hashed ? "STORED KEY (SHA-256)" : "KEY", "EXPIRES (UTC)",
                "SIZE", "USER");
        for (Line line : lines) {
            out().printf("%-40s  %-19s  %8s  %s%n", line.key(), Output.date(line.expiresAt()),
                    line.size() == null ? "-" : line.size().toString(), line.user() == null
                            ? "-" : line.user());
        }
        out().println(Output.plural(lines.size(), "session") + (lines.size() >= limit
                ? " (limit reached; raise --limit to see more)" : "") + (user == null
                ? "" : " of user " + user) + ".");
    }
}
