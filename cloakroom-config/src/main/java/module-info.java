/**
 * Cloakroom's configuration: one table of settings read from environment variables, init-parameters or
 * command-line flags into {@link dev.cloakroom.SessionSettings} and an opened engine. Engines are found
 * through {@link dev.cloakroom.config.EngineFactory}, which the engine modules provide.
 */
module dev.cloakroom.config {
    exports dev.cloakroom.config;

    requires transitive dev.cloakroom;
    requires org.slf4j;
    requires static transitive org.jspecify;

    uses dev.cloakroom.config.EngineFactory;
    provides dev.cloakroom.config.EngineFactory with
            dev.cloakroom.config.BuiltInEngines, dev.cloakroom.config.CachedDbEngines;
}
