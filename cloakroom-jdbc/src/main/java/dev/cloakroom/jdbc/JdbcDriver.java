package dev.cloakroom.jdbc;

/**
 * The JDBC driver a dialect needs, and the Maven dependency that provides it, for the missing-driver message.
 *
 * @param className the driver class
 * @param groupId the dependency's group
 * @param artifactId the dependency's artifact
 * @param versionKey the key of the driver's version in the build's {@code drivers.properties}
 */
record JdbcDriver(String className, String groupId, String artifactId, String versionKey) {

    /** The {@code <dependency>} element that adds the driver, with the version this build was tested with. */
    String dependency() {
        return "<dependency><groupId>" + groupId + "</groupId><artifactId>" + artifactId + "</artifactId>"
                + "<version>" + DriverVersions.of(versionKey) + "</version></dependency>";
    }
}
