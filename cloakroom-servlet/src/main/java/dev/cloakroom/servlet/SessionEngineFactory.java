package dev.cloakroom.servlet;

import dev.cloakroom.SessionEngine;
import dev.cloakroom.SessionSettings;
import jakarta.servlet.FilterConfig;

/**
 * Makes the engine of a {@link SessionFilter} configured in {@code web.xml}, for engines this module does not
 * know ({@code db}, {@code cache}, your own): name the implementing class in the filter's
 * {@code engine-factory} init-parameter. The class needs a public no-argument constructor.
 *
 * <pre>{@code
 * public final class DbSessions implements SessionEngineFactory {
 *     public SessionEngine create(SessionSettings settings, FilterConfig config) {
 *         return JdbcEngine.builder(config.getInitParameter("database-url")).settings(settings).build();
 *     }
 * }
 * }</pre>
 *
 * If the engine returned is {@link AutoCloseable}, the filter closes it when it is destroyed.
 */
@FunctionalInterface
public interface SessionEngineFactory {

    /**
     * Returns the engine; {@code settings} come from the filter's init-parameters (use its clock and cookie
     * settings), {@code config} gives access to any other init-parameter.
     *
     * @throws Exception if the engine cannot be made; the filter fails to start with it as the cause
     */
    SessionEngine create(SessionSettings settings, FilterConfig config) throws Exception;
}
