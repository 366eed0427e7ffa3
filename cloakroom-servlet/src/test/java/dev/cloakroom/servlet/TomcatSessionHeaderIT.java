package dev.cloakroom.servlet;

import java.nio.file.Files;
import java.nio.file.Path;

/** The session-header scenarios on embedded Tomcat 10.1. */
class TomcatSessionHeaderIT extends AbstractSessionHeaderIT {

    @Override
    protected TestContainer start(TestContainer.Deployment deployment, Path tempDir) throws Exception {
        return TomcatContainer.start(deployment, Files.createDirectories(tempDir.resolve("tomcat")));
    }
}
