package dev.cloakroom.jdbc;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The JDBC driver versions this build was tested with, as the build wrote them into drivers.properties. */
final class DriverVersions {

    private static final Properties VERSIONS = load();

    private DriverVersions() {
    }

    /** The version of {@code driver} ({@code postgresql}, {@code mariadb} or {@code sqlite}). */
    static String of(String driver) {
        String version = VERSIONS.getProperty(driver);
        if (version == null) {
            throw new IllegalArgumentException("No driver version for " + driver);
        }
        return version;
    }

    private static Properties load() {
        Properties properties = new Properties();
        try (InputStream in = DriverVersions.class.getResourceAsStream("drivers.properties")) {
            if (in == null) {
                throw new IllegalStateException("drivers.properties is missing from cloakroom-jdbc");
            }
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }
}
