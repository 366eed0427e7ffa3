package dev.cloakroom.interop;

import dev.cloakroom.contrib.auth.Auth;
import dev.cloakroom.contrib.auth.UserLookup;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Django's {@code ModelBackend} for a Java service: users come from Django's {@code auth_user} table over
 * JDBC, inactive users do not count (its {@code user_can_authenticate}), only sessions logged in through
 * {@code ModelBackend} are trusted, and passwords are checked against Django's {@code pbkdf2_sha256} hashes.
 */
final class DjangoUsers implements UserLookup<DjangoUser> {

    private final SharedDatabase database;

    DjangoUsers(SharedDatabase database) {
        this.database = database;
    }

    @Override
    public Optional<DjangoUser> findById(String id) {
        long pk;
        try {
            pk = Long.parseLong(id);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        return query("SELECT id, username, password, is_active FROM auth_user WHERE id = ?", pk);
    }

    @Override
    public boolean trustsBackend(String backend) {
        return Auth.DEFAULT_BACKEND.equals(backend);
    }

    /** Django's {@code authenticate(username=..., password=...)} with {@code ModelBackend}. */
    Optional<DjangoUser> authenticate(String username, String password) {
        return query("SELECT id, username, password, is_active FROM auth_user WHERE username = ?", username)
                .filter(user -> pbkdf2Matches(password, user.passwordHash()));
    }

    private Optional<DjangoUser> query(String sql, Object parameter) {
        try (Connection c = database.connect(); PreparedStatement statement = c.prepareStatement(sql)) {
            statement.setObject(1, parameter);
            try (ResultSet row = statement.executeQuery()) {
                if (!row.next() || !row.getBoolean(4)) {
                    return Optional.empty();
                }
                return Optional.of(new DjangoUser(Long.toString(row.getLong(1)), row.getString(2),
                        row.getString(3)));
            }
        } catch (SQLException e) {
            throw new AssertionError("Could not read auth_user on " + database + ": " + e.getMessage(), e);
        }
    }

    /** Django's {@code PBKDF2PasswordHasher.verify}: {@code pbkdf2_sha256$iterations$salt$base64(hash)}. */
    static boolean pbkdf2Matches(String password, String encoded) {
        String[] parts = encoded.split("\\$", 4);
        if (parts.length != 4 || !parts[0].equals("pbkdf2_sha256")) {
            return false;
        }
        byte[] expected = Base64.getDecoder().decode(parts[3]);
        PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), parts[2].getBytes(StandardCharsets.UTF_8),
                Integer.parseInt(parts[1]), expected.length * 8);
        try {
            byte[] actual = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec)
                    .getEncoded();
            return MessageDigest.isEqual(actual, expected);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Every Java runtime has PBKDF2WithHmacSHA256", e);
        } finally {
            spec.clearPassword();
        }
    }
}
