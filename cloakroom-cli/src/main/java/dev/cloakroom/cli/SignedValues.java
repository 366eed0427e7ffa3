package dev.cloakroom.cli;

import dev.cloakroom.SessionSettings;
import dev.cloakroom.signing.BadSignatureException;
import dev.cloakroom.signing.ObjectSigner;
import dev.cloakroom.signing.Salts;
import dev.cloakroom.signing.UnreadablePayloadException;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Verifies and decodes Django-signed values with the configured secret key and its fallbacks:
 * {@code session_data} (salt {@value Salts#SESSION}) and {@code signed_cookies} cookies (salt
 * {@value Salts#SIGNED_COOKIES}).
 */
final class SignedValues {

    /** What a value held. {@code kind} is {@code session_data} or {@code signed_cookie}. */
    record Decoded(String kind, String salt, Instant signedAt, @Nullable Object value) {
    }

    private final ObjectSigner sessionData;
    private final ObjectSigner signedCookie;

    SignedValues(SessionSettings settings) {
        this.sessionData = new ObjectSigner(settings.secretKey(), Salts.SESSION, settings.clock(),
                settings.maxDecompressedBytes());
        this.signedCookie = new ObjectSigner(settings.secretKey(), Salts.SIGNED_COOKIES, settings.clock(),
                settings.maxDecompressedBytes());
    }

    /** Decodes stored {@code session_data}; empty if it does not verify or cannot be read. */
    Optional<Decoded> sessionData(String value) {
        return decode(sessionData, "session_data", Salts.SESSION, value);
    }

    /** Decodes a {@code signed_cookies} cookie value, whatever its age; empty if it does not verify. */
    Optional<Decoded> signedCookie(String value) {
        return decode(signedCookie, "signed_cookie", Salts.SIGNED_COOKIES, value);
    }

    /** Tries {@code session_data} first, then the signed cookie salt. */
    Optional<Decoded> either(String value) {
        Optional<Decoded> decoded = sessionData(value);
        return decoded.isPresent() ? decoded : signedCookie(value);
    }

    /** The user id ({@code userIdKey}) a decoded session holds, as text, or null. */
    static @Nullable String userId(Decoded decoded, String userIdKey) {
        if (decoded.value() instanceof Map<?, ?> map && map.get(userIdKey) != null) {
            return String.valueOf(map.get(userIdKey));
        }
        return null;
    }

    private static Optional<Decoded> decode(ObjectSigner signer, String kind, String salt, String value) {
        try {
            ObjectSigner.Loaded loaded = signer.loads(value.trim(), null);
            return Optional.of(new Decoded(kind, salt, loaded.timestamp(), loaded.value()));
        } catch (BadSignatureException | UnreadablePayloadException e) {
            return Optional.empty();
        }
    }
}
