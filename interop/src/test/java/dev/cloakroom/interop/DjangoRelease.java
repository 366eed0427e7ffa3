package dev.cloakroom.interop;

import dev.cloakroom.DjangoVersion;
import java.nio.file.Path;

/** The two Djangos the interop tests run against, and the Python that runs each. */
enum DjangoRelease {
    /**
     * Debian 12's {@code python3-django}, run by Debian's interpreter (another may come first on the
     * PATH).
     */
    DJANGO_3_2(DjangoVersion.DJANGO_3_2),
    /**
     * Django 5.2 in the virtualenv {@code scripts/test-services} makes: its {@code bin/python} is the system
     * property {@code cloakroom.django52.python} (set by {@code interop/pom.xml}).
     */
    DJANGO_5_2(DjangoVersion.DJANGO_5_2);

    private final DjangoVersion version;

    DjangoRelease(DjangoVersion version) {
        this.version = version;
    }

    /** {@code "3.2"} or {@code "5.2"}. */
    static DjangoRelease of(String text) {
        DjangoVersion version = DjangoVersion.parse(text);
        for (DjangoRelease release : values()) {
            if (release.version == version) {
                return release;
            }
        }
        throw new IllegalArgumentException("No interop Django " + text + "; use 3.2 or 5.2");
    }

    /** The {@link DjangoVersion} Cloakroom is configured with to share a store with this Django. */
    DjangoVersion version() {
        return version;
    }

    /** Whether this Django has {@code SECRET_KEY_FALLBACKS} (4.1+). */
    boolean hasSecretKeyFallbacks() {
        return version.atLeast(4, 1);
    }

    /** The interpreter that runs this Django's {@code manage.py}. */
    Path python() {
        if (this == DJANGO_3_2) {
            return Path.of("/usr/bin/python3");
        }
        String python = System.getProperty("cloakroom.django52.python");
        if (python == null || python.isBlank()) {
            python = System.getProperty("user.home") + "/.cache/cloakroom/django-5.2/bin/python";
        }
        return Path.of(python);
    }

    @Override
    public String toString() {
        return version.toString();
    }
}
