package dev.cloakroom.springsecurity;

import dev.cloakroom.DjangoVersion;
import dev.cloakroom.djangoauth.DjangoPasswordHasher;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Django's password hashes for Spring Security ({@link DjangoPasswordHasher}): {@link #encode} makes
 * {@code pbkdf2_sha256$<iterations>$<salt>$<hash>} with Django 5.2's 1,000,000 iterations by default;
 * {@link #matches} verifies, in constant time, every hash Django's hashers make ({@code pbkdf2_sha256},
 * {@code pbkdf2_sha1}, {@code argon2}, {@code bcrypt_sha256}, {@code scrypt}, and the older {@code bcrypt},
 * {@code md5}, {@code sha1}, unsalted MD5 and SHA-1); {@link #upgradeEncoding} is Django's
 * {@code must_update}: true for another algorithm, another iteration count (fewer than the current default,
 * typically) or a salt under 128 bits, so Spring Security's {@code DaoAuthenticationProvider} re-hashes the
 * password at the next login through a {@code UserDetailsPasswordService}. Hashes made here are accepted by
 * Django, and the other way round. Unusable ({@code !...}), empty and unknown hashes never match. Immutable
 * and thread-safe.
 */
public final class DjangoPasswordEncoder implements PasswordEncoder {

    private final DjangoPasswordHasher hasher;

    /** An encoder with Django 5.2's defaults. */
    public DjangoPasswordEncoder() {
        this(DjangoPasswordHasher.of(DjangoVersion.DJANGO_5_2));
    }

    /** An encoder making and judging hashes as {@code hasher} does (another Django's iteration count). */
    public DjangoPasswordEncoder(DjangoPasswordHasher hasher) {
        this.hasher = Objects.requireNonNull(hasher, "hasher");
    }

    /** Returns Django's {@code make_password(rawPassword)}; {@code null} for {@code null}. */
    @Override
    public @Nullable String encode(@Nullable CharSequence rawPassword) {
        return rawPassword == null ? null : hasher.hash(rawPassword.toString());
    }

    /** Returns Django's {@code check_password(rawPassword, encodedPassword)}; false if either is null. */
    @Override
    public boolean matches(@Nullable CharSequence rawPassword, @Nullable String encodedPassword) {
        return rawPassword != null && hasher.verify(rawPassword.toString(), encodedPassword);
    }

    /** Returns Django's {@code must_update(encodedPassword)}; false for {@code null}. */
    @Override
    public boolean upgradeEncoding(@Nullable String encodedPassword) {
        return hasher.mustUpdate(encodedPassword);
    }

    @Override
    public String toString() {
        return "DjangoPasswordEncoder[" + hasher + "]";
    }
}
