package dev.cloakroom.demo;

import dev.cloakroom.ServerSideEngine;
import dev.cloakroom.SessionEngine;
import dev.cloakroom.engine.EncryptedCookieEngine;
import dev.cloakroom.engine.SignedCookieEngine;

/**
 * One line for the session panel saying what the engine keeps where: for the server-side engines whether
 * session keys are hashed at rest (the {@code hash-keys} setting), for the cookie engines what the cookie
 * holds.
 */
final class StorageNote {

    static final String HASHED = "Keys hashed at rest (SHA-256): a copy of the store holds no usable key";
    static final String PLAIN = "Keys stored as they are";
    static final String CAN_HASH = " (CLOAKROOM_HASH_KEYS=true hashes them)";
    static final String ENCRYPTED = "The cookie holds the whole session, encrypted (AES-256-GCM): the "
            + "browser cannot read it";
    static final String SIGNED = "The cookie holds the whole session, signed: the browser can read it but "
            + "not change it";

    private StorageNote() {
    }

    /** The note for {@code engine} (as the demo uses it, metered or not), named {@code engineName}. */
    static String of(SessionEngine engine, String engineName) {
        if (engine instanceof EncryptedCookieEngine) {
            return ENCRYPTED;
        }
        if (engine instanceof SignedCookieEngine) {
            return SIGNED;
        }
        if (engine instanceof ServerSideEngine server) {
            String probe = "storagenoteprobe0123456789abcdef";
            if (!server.storedKey(probe).equals(probe)) {
                return HASHED;
            }
            boolean canHash = engineName.equals("db") || engineName.equals("cache")
                    || engineName.equals("cached_db");
            return canHash ? PLAIN + CAN_HASH : PLAIN;
        }
        return "";
    }
}
