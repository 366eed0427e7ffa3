package dev.cloakroom.demo;

import dev.cloakroom.contrib.auth.UserLookup;
import dev.cloakroom.djangoauth.DjangoUser;
import dev.cloakroom.djangoauth.DjangoUsers;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import org.jspecify.annotations.Nullable;

/**
 * The two demo users, {@code alice}/{@code alice} and {@code bob}/{@code bob}, with Django password
 * hashes, checked as Django's {@code PBKDF2PasswordHasher} does; or, with {@code CLOAKROOM_DJANGO_USERS=1},
 * the users of a Django database ({@link #django}). Immutable and thread-safe.
 */
final class DemoUsers implements UserLookup<DemoUser> {

    private static final List<DemoUser> USERS = List.of(
            new DemoUser("1", "alice",
                    "pbkdf2_sha256$260000$cloakroomdemoalice$gz/1j3Y5MpN7Y7G4BdbSA8J4vYiwvPX1DeWKG2x7rWs="),
            new DemoUser("2", "bob",
                    "pbkdf2_sha256$260000$cloakroomdemobob$+QT8gV4ySGBhVCK0eZzKLVC1LA4s+ys0M9+xdLpyFqo="));

    private final @Nullable DjangoUsers django;

    /** The two built-in users. */
    DemoUsers() {
        this(null);
    }

    private DemoUsers(@Nullable DjangoUsers django) {
        this.django = django;
    }

    /** The users of Django's {@code auth_user} table, through {@code users}. */
    static DemoUsers django(DjangoUsers users) {
        return new DemoUsers(users);
    }

    @Override
    public Optional<DemoUser> findById(String id) {
        if (django != null) {
            return django.findById(id).map(DemoUsers::demoUser);
        }
        return USERS.stream().filter(u -> u.id().equals(id)).findFirst();
    }

    @Override
    public boolean trustsBackend(String backend) {
        return django == null || django.trustsBackend(backend);
    }

    /**
     * Changes the password of {@code user} if {@code oldPassword} is right, and returns the user with the
     * new hash; empty if the old password is wrong.
     *
     * @throws UnsupportedOperationException for the built-in users, whose passwords are fixed
     */
    Optional<DemoUser> changePassword(DemoUser user, String oldPassword, String newPassword) {
        if (django == null) {
            throw new UnsupportedOperationException("The built-in demo users keep their passwords");
        }
        return django.authenticate(user.username(), oldPassword)
                .filter(found -> found.id().equals(user.id()))
                .map(found -> demoUser(django.setPassword(found, newPassword)));
    }

    /**
     * Returns the user if the password is right; checks a hash even for unknown names, to take as long.
     * A Django user's {@code last_login} is set, and an outdated hash upgraded, as Django's login does.
     */
    Optional<DemoUser> authenticate(String username, String password) {
        if (django != null) {
            Optional<DjangoUser> user = django.authenticate(username, password);
            user.ifPresent(django::updateLastLogin);
            return user.map(DemoUsers::demoUser);
        }
        Optional<DemoUser> user = USERS.stream().filter(u -> u.username().equals(username)).findFirst();
        boolean ok = checkPassword(password, user.map(DemoUser::passwordHash).orElse(USERS.get(0)
                .passwordHash()));
        return ok ? user : Optional.empty();
    }

    private static DemoUser demoUser(DjangoUser user) {
        return new DemoUser(user.id(), user.username(), user.passwordHash());
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
