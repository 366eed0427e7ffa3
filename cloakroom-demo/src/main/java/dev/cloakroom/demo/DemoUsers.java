package dev.cloakroom.demo;

import dev.cloakroom.contrib.auth.UserLookup;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * The two demo users, {@code alice}/{@code alice} and {@code bob}/{@code bob}, with Django password
 * hashes, checked as Django's {@code PBKDF2PasswordHasher} does. Immutable and thread-safe.
 */
final class DemoUsers implements UserLookup<DemoUser> {

    private static final List<DemoUser> USERS = List.of(
            new DemoUser("1", "alice",
                    "pbkdf2_sha256$260000$cloakroomdemoalice$gz/1j3Y5MpN7Y7G4BdbSA8J4vYiwvPX1DeWKG2x7rWs="),
            new DemoUser("2", "bob",
                    "pbkdf2_sha256$260000$cloakroomdemobob$+QT8gV4ySGBhVCK0eZzKLVC1LA4s+ys0M9+xdLpyFqo="));

    @Override
    public Optional<DemoUser> findById(String id) {
        return USERS.stream().filter(u -> u.id().equals(id)).findFirst();
    }

    /** Returns the user if the password is right; checks a hash even for unknown names, to take as long. */
    Optional<DemoUser> authenticate(String username, String password) {
        Optional<DemoUser> user = USERS.stream().filter(u -> u.username().equals(username)).findFirst();
        boolean ok = checkPassword(password, user.map(DemoUser::passwordHash).orElse(USERS.get(0)
                .passwordHash()));
        return ok ? user : Optional.empty();
    }

    /** Django's {@code check_password} for {@code pbkdf2_sha256$iterations$salt$base64hash}. */
    static boolean checkPassword(String password, String encoded) {
        String[] parts = encoded.split("\\$", 4);
        if (parts.length != 4 || !parts[0].equals("pbkdf2_sha256")) {
            return false;
        }
        try {
            PBEKeySpec spec = new PBEKeySpec(password.toCharArray(),
                    parts[2].getBytes(StandardCharsets.UTF_8),
                    Integer.parseInt(parts[1]), 256);
            byte[] derived = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec)
                    .getEncoded();
            return MessageDigest.isEqual(derived, Base64.getDecoder().decode(parts[3]));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }
}
