package dev.cloakroom.cli;

import dev.cloakroom.ServerSideEngine;
import dev.cloakroom.SessionListing;
import dev.cloakroom.config.OpenedEngine;
import java.util.Optional;

/** What an opened engine lets the commands do with its storage, said by the capabilities it implements. */
final class Storage {

    private Storage() {
    }

    /** The engine's listing, if it can be scanned ({@code db}, {@code cached_db} over db, {@code file}). */
    static Optional<SessionListing> listing(OpenedEngine engine) {
        return engine.engine() instanceof SessionListing listing ? Optional.of(listing) : Optional.empty();
    }

    /** The engine as a server-side store; fails with status 2 for an engine that keeps nothing there. */
    static ServerSideEngine serverSide(OpenedEngine engine) {
        if (engine.engine() instanceof ServerSideEngine server) {
            return server;
        }
        throw CommandFailure.usage("The " + engine.name() + " engine stores nothing on the server");
    }
}
