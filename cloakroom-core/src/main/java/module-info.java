/**
 * Cloakroom's core: {@link dev.cloakroom.Session}, the engine SPI, settings, Django's signing and JSON, the
 * middleware logic, auth, messages, CSRF and the engines that need no server. {@code dev.cloakroom.internal}
 * holds helpers the project's own engine modules share; it is no API.
 */
module dev.cloakroom {
    exports dev.cloakroom;
    exports dev.cloakroom.contrib.auth;
    exports dev.cloakroom.contrib.csrf;
    exports dev.cloakroom.contrib.messages;
    exports dev.cloakroom.engine;
    exports dev.cloakroom.middleware;
    exports dev.cloakroom.signing;
    exports dev.cloakroom.internal to dev.cloakroom.jdbc, dev.cloakroom.redis, dev.cloakroom.testkit;

    requires transitive com.fasterxml.jackson.databind;
    requires com.fasterxml.jackson.datatype.jsr310;
    requires com.fasterxml.jackson.datatype.jdk8;
    requires org.slf4j;
    requires static transitive org.jspecify;
}
