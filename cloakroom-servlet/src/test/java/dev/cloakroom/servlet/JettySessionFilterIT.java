package dev.cloakroom.servlet;

import java.nio.file.Path;

/** The scenarios on embedded Jetty 12 (ee10). */
class JettySessionFilterIT extends AbstractSessionFilterIT {

    @Override
    protected TestContainer start(TestContainer.Deployment deployment, Path tempDir) throws Exception {
        return JettyContainer.start(deployment);
    }
}
