package dev.cloakroom.servlet;

import java.nio.file.Path;

/** The session-header scenarios on embedded Jetty 12 (ee10). */
class JettySessionHeaderIT extends AbstractSessionHeaderIT {

    @Override
    protected TestContainer start(TestContainer.Deployment deployment, Path tempDir) throws Exception {
        return JettyContainer.start(deployment);
    }
}
