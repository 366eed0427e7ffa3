package dev.cloakroom.cli;

import dev.cloakroom.SessionListing;
import dev.cloakroom.StoredSession;
import dev.cloakroom.config.Settings;
import dev.cloakroom.config.OpenedEngine;
import dev.cloakroom.internal.SessionKeys;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code cloakroom inspect KEY}: one stored session, decoded, with its expiry. */
@Command(name = "inspect", mixinStandardHelpOptions = true,
        description = {"Print one session as JSON, decoded with the configured secret key, with its expiry.",
            "db, cached_db and file show expired sessions too (\"expired\": true); cache only live ones.",
            "With signed_cookies, KEY is the cookie's value. Exit 1 if there is no such session.",
            "With CLOAKROOM_HASH_KEYS on, KEY is still the session key: it is hashed to find the session."})
final class InspectCommand extends EngineCommand {

    @Parameters(paramLabel = "KEY", description = "The session key: the value of the session cookie.")
    String key = "";

    @Override
    public Integer call() {
        Settings config = config();
        if (config.engineName().equals("signed_cookies")) {
            return cookie(config);
        }
        requireStoredOnServer(config, "inspect");
        if (!SessionKeys.isValid(key)) {
            throw CommandFailure.notFound("'" + Output.suffix(key)
                    + "' is not a session key (8 to 40 characters from a-z0-9), so no session has it");
        }
        Instant now = config.sessionSettings().clock().instant();
        try (OpenedEngine engine = open(config)) {
            Optional<SessionListing> listing = Storage.listing(engine);
            String storedKey = Storage.serverSide(engine).storedKey(key);
            Optional<StoredSession> row = listing.isPresent() ? listing.get().find(storedKey)
                    : Storage.serverSide(engine).load(key);
            StoredSession found = row.orElseThrow(() -> CommandFailure.notFound("No session "
                    + Output.suffix(key) + " in the " + engine.name() + " engine (" + engine.description()
                    + ")"));
            SignedValues.Decoded decoded = new SignedValues(config.sessionSettings())
                    .sessionData(found.data())
                    .orElseThrow(() -> CommandFailure.notFound("Session " + Output.suffix(key)
                            + " exists but its data does not verify with the configured secret key; set "
                            + "CLOAKROOM_SECRET_KEY (and CLOAKROOM_SECRET_KEY_FALLBACKS) "
                            + "to the key that wrote it"));
            print(key, storedKey.equals(key) ? null : storedKey, found.expiresAt(), found.isExpiredAt(now),
                    found.userId(), decoded);
        }
        return Cli.OK;
    }

    private int cookie(Settings config) {
        SignedValues.Decoded decoded = new SignedValues(config.sessionSettings()).signedCookie(key)
                .orElseThrow(() ->
                CommandFailure.notFound("The value is not a signed_cookies session signed with the "
                        + "configured secret key; set CLOAKROOM_SECRET_KEY to the key that signed it"));
        Instant expires = decoded.signedAt().plus(config.sessionSettings().cookieAge());
        print(null, null, expires, !expires.isAfter(config.sessionSettings().clock().instant()), null,
                decoded);
        return Cli.OK;
    }

    private void print(@Nullable String sessionKey, @Nullable String storedKey, Instant expiresAt,
            boolean expired, @Nullable String userColumn, SignedValues.Decoded decoded) {
        Map<String, Object> json = new LinkedHashMap<>();
        if (sessionKey != null) {
            json.put("session_key", sessionKey);
        }
        if (storedKey != null) {
            json.put("stored_key", storedKey);
        }
        json.put("expire_date", Output.iso(expiresAt));
        json.put("expired", expired);
        json.put("signed_at", Output.iso(decoded.signedAt()));
        if (userColumn != null) {
            json.put("user_id", userColumn);
        }
        json.put("data", decoded.value());
        Output.json(out(), json);
    }
}
