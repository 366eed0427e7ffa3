package dev.cloakroom;

/**
 * The Django release whose bytes Cloakroom writes where Django releases differ (set with
 * {@link SessionSettingsBuilder#djangoVersion}; by default {@link #DJANGO_5_2}). Cloakroom reads what any
 * of them writes; it writes what the configured one expects, so that a Django of that release sharing the
 * store reads it:
 *
 * <ul>
 *   <li>the CSRF value kept in the session ({@code CSRF_USE_SESSIONS}): 3.2 keeps a 64-character masked
 *       token and cannot read anything else; 4.0+ keeps the 32-character secret (and reads both);</li>
 *   <li>flash messages ({@code _messages} in the session and the {@code messages} cookie): 3.2 leaves an
 *       empty {@code extra_tags} out of a message; 4.1+ writes it as {@code ""};</li>
 *   <li>new password hashes ({@code cloakroom-django-auth}): {@code pbkdf2_sha256} with 260,000 (3.2),
 *       600,000 (4.2) or 1,000,000 (5.2) iterations.</li>
 * </ul>
 */
public enum DjangoVersion {
    /** Django 3.2 LTS (Debian 12's {@code python3-django}). */
    DJANGO_3_2(3, 2),
    /** Django 4.2 LTS. */
    DJANGO_4_2(4, 2),
    /** Django 5.2 LTS, the default. */
    DJANGO_5_2(5, 2);

    private final int major;
    private final int minor;

    DjangoVersion(int major, int minor) {
        this.major = major;
        this.minor = minor;
    }

    /**
     * Returns the release for {@code "3.2"}, {@code "4.2"} or {@code "5.2"} (a patch number, as in
     * {@code "5.2.7"}, is allowed).
     *
     * @throws IllegalArgumentException for any other text
     */
    public static DjangoVersion parse(String text) {
        String[] parts = text.strip().split("\\.");
        if (parts.length >= 2) {
            for (DjangoVersion version : values()) {
                if (parts[0].equals(Integer.toString(version.major))
                        && parts[1].equals(Integer.toString(version.minor))) {
                    return version;
                }
            }
        }
        throw new IllegalArgumentException("Unsupported Django version '" + text + "'; use 3.2, 4.2 or 5.2");
    }

    /** Whether this release is {@code major.minor} or later. */
    public boolean atLeast(int major, int minor) {
        return this.major > major || (this.major == major && this.minor >= minor);
    }

    /** {@code "3.2"}, {@code "4.2"} or {@code "5.2"}. */
    @Override
    public String toString() {
        return major + "." + minor;
    }
}
