package dev.cloakroom.cli;

import dev.cloakroom.ServerSideEngine;
import dev.cloakroom.SessionListing;
import dev.cloakroom.StoredSession;
import dev.cloakroom.UserSessionIndex;
import dev.cloakroom.config.Settings;
import dev.cloakroom.config.OpenedEngine;
import dev.cloakroom.contrib.auth.UserSessions;
import dev.cloakroom.internal.Listeners;
import dev.cloakroom.internal.SessionKeys;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code cloakroom revoke KEY...} and {@code cloakroom revoke --user ID}: deletes sessions, logging people
 * out.
 */
@Command(name = "revoke", mixinStandardHelpOptions = true,
        description = {"Delete sessions (logging their users out): the given keys, or all of a user's.",
            "Exit 1 if one of the keys names no session. Signed cookies cannot be revoked (exit 2):",
            "rotate CLOAKROOM_SECRET_KEY to invalidate all of them.",
            "With CLOAKROOM_HASH_KEYS on, KEY is the session key (it is hashed); to revoke a key as",
            "'cloakroom list' shows it (its stored hash), add --stored."})
final class RevokeCommand extends EngineCommand {

    @Parameters(paramLabel = "KEY", arity = "0..*", description = "Session keys to delete.")
    List<String> keys = new ArrayList<>();

    @Option(names = "--stored",
            description = "The KEYs are stored keys as 'cloakroom list' shows them (hashes when "
                    + "CLOAKROOM_HASH_KEYS is on), deleted as they are.")
    boolean stored;

    @Option(names = "--user", paramLabel = "ID",
            description = "Delete every session of this user id instead.")
    @Nullable String user;

    @Override
    public Integer call() {
        if (keys.isEmpty() == (user == null)) {
            throw CommandFailure.usage("Give either session keys or --user ID (see 'cloakroom revoke "
                    + "--help')");
        }
        Settings config = config();
        if (config.engineName().equals("signed_cookies")) {
            throw CommandFailure.usage("Signed cookies cannot be revoked: the session lives in the browser's "
                    + "cookie and the server stores nothing to delete. Rotate CLOAKROOM_SECRET_KEY (moving "
                    + "the old key to CLOAKROOM_SECRET_KEY_FALLBACKS only if old cookies should stay valid) "
                    + "to invalidate them all");
        }
        requireStoredOnServer(config, "revoke");
        try (OpenedEngine engine = open(config)) {
            return user != null ? revokeUser(config, engine, user) : revokeKeys(Storage.serverSide(engine));
        }
    }

    private int revokeKeys(ServerSideEngine engine) {
        int missing = 0;
        for (String key : keys) {
            boolean revoked = SessionKeys.isValid(key)
                    && (stored ? engine.deleteStored(key) : deleteIfExists(engine, key));
            if (revoked) {
                out().println("Revoked " + Output.suffix(key));
            } else {
                err().println("cloakroom: No session " + Output.suffix(key));
                missing++;
            }
        }
        out().println("Revoked " + Output.plural(keys.size() - missing, "session") + ".");
        return missing == 0 ? Cli.OK : Cli.NOT_FOUND;
    }

    private static boolean deleteIfExists(ServerSideEngine engine, String key) {
        if (!engine.exists(key)) {
            return false;
        }
        engine.delete(key);
        return true;
    }

    private int revokeUser(Settings config, OpenedEngine engine, String userId) {
        int revoked;
        if (engine.engine() instanceof UserSessionIndex) {
            revoked = UserSessions.revokeAll(engine.engine(), config.sessionSettings(), userId, null);
        } else {
            revoked = revokeByDecoding(config, engine, userId);
            Listeners.of(config.sessionSettings().listeners()).revoked(userId, revoked);
        }
        out().println("Revoked " + Output.plural(revoked, "session") + " of user " + userId + ".");
        return Cli.OK;
    }

    /** Without a user index: decode each live session to find the user's, then delete them. */
    private int revokeByDecoding(Settings config, OpenedEngine engine, String userId) {
        SessionListing sessions = Storage.listing(engine).orElseThrow(() -> CommandFailure.usage("The "
                + engine.name() + " engine cannot find a user's sessions"));
        ServerSideEngine server = Storage.serverSide(engine);
        SignedValues decoder = new SignedValues(config.sessionSettings());
        String userIdKey = config.sessionSettings().userIdKey();
        Instant now = config.sessionSettings().clock().instant();
        int revoked = 0;
        for (StoredSession row : sessions.live(now, 0)) {
            Optional<SignedValues.Decoded> decoded = decoder.sessionData(row.data());
            if (decoded.isPresent() && userId.equals(SignedValues.userId(decoded.get(), userIdKey))) {
                server.deleteStored(row.key()); // listed: a stored key
                revoked++;
            }
        }
        return revoked;
    }
}
