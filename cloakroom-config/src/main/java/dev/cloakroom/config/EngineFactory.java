package dev.cloakroom.config;

import java.util.Set;

/**
 * Opens the engines it serves from {@link Settings}: the service {@link Engines} finds with
 * {@link java.util.ServiceLoader}. A module providing an engine registers its factory in
 * {@code META-INF/services/dev.cloakroom.config.EngineFactory}: this module serves {@code memory},
 * {@code file}, {@code signed_cookies} and {@code cached_db}, {@code cloakroom-jdbc} serves {@code db},
 * {@code cloakroom-redis} serves {@code cache}. Implementations need a public no-argument constructor.
 */
public interface EngineFactory {

    /** The engine names served, as the {@code engine} setting spells them. */
    Set<String> engines();

    /**
     * Opens the engine {@code name} with {@code settings}' session settings and engine settings.
     *
     * @param schema what to do about a database table, for engines that have one
     * @throws ConfigurationException if a setting cannot be used (naming it, as
     *     {@link Settings#cannotUse} does)
     * @throws dev.cloakroom.SessionStorageException if the storage had to be asked and could not be reached
     */
    OpenedEngine open(String name, Settings settings, Schema schema);
}
