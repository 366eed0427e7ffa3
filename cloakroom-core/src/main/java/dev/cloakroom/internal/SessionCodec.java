package dev.cloakroom.internal;

import dev.cloakroom.SessionSettings;
import dev.cloakroom.signing.BadSignatureException;
import dev.cloakroom.signing.ObjectSigner;
import dev.cloakroom.signing.Salts;
import dev.cloakroom.signing.SecretKey;
import dev.cloakroom.signing.UnreadablePayloadException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Django's {@code SessionBase.encode} and {@code decode}: session data as signed, compressed JSON under
 * the salt {@code django.contrib.sessions.SessionStore}, the same for db, cache and file. Thread-safe.
 */
public final class SessionCodec {

    private final ObjectSigner signer;

    /** Creates a codec signing with {@code keys} at the time {@code clock} gives. */
    public SessionCodec(SecretKey keys, Clock clock, int maxDecompressedBytes) {
        this.signer = new ObjectSigner(keys, Salts.SESSION, clock, maxDecompressedBytes);
    }

    /** Returns a codec for Django's {@code session_data} under {@code settings}' keys, clock and limit. */
    public static SessionCodec of(SessionSettings settings) {
        return new SessionCodec(settings.secretKey(), settings.clock(), settings.maxDecompressedBytes());
    }

    /** Encodes session data as Django stores it in {@code session_data}. */
    public String encode(Map<String, Object> data) {
        return signer.dumps(data, true);
    }

    /**
     * Decodes {@code session_data}; never throws. A bad signature or unreadable payload gives an empty
     * map and one WARN on {@link SecurityLog}, as Django's {@code decode} does.
     */
    public Map<String, Object> decode(String data) {
        Map<String, Object> decoded = decodeOrNull(data);
        return decoded != null ? decoded : new LinkedHashMap<>();
    }

    /**
     * Decodes {@code session_data}, or returns {@code null} after one WARN on {@link SecurityLog} if its
     * signature does not verify or its payload cannot be read; never throws.
     */
    @SuppressWarnings("unchecked")
    public @Nullable Map<String, Object> decodeOrNull(String data) {
        try {
            Object value = signer.loads(data, null).value();
            if (value instanceof Map<?, ?> map) {
                // PythonJson.loads already gives a mutable LinkedHashMap<String, Object> of the plain values
                // JsonValues keeps (Integer when it fits, ArrayList, ...): no second pass over the tree.
                return (Map<String, Object>) map;
            }
            SecurityLog.suspicious("Session data corrupted: the signed payload is not a JSON object");
        } catch (BadSignatureException e) {
            SecurityLog.suspicious("Session data corrupted: " + e.getMessage());
        } catch (UnreadablePayloadException e) {
            SecurityLog.suspicious("Session data unreadable: " + e.getMessage());
        }
        return null;
    }
}
