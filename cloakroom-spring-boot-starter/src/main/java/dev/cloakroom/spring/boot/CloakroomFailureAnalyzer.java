package dev.cloakroom.spring.boot;

import dev.cloakroom.config.ConfigurationException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns a bad {@code cloakroom.*} property into Boot's "APPLICATION FAILED TO START" report: the
 * configuration module's one-line message as the description, what to do as the action.
 */
final class CloakroomFailureAnalyzer extends AbstractFailureAnalyzer<ConfigurationException> {

    static final String ACTION = "Fix the cloakroom.* property (or CLOAKROOM_* environment variable) named "
            + "above; the README's Configuration table lists every setting, its values and its default.";

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, ConfigurationException cause) {
        return new FailureAnalysis("Cloakroom's settings: " + cause.getMessage(), ACTION, cause);
    }
}
