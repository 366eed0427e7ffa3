/** The engine contracts and a test clock, for anyone who writes a session engine. */
module dev.cloakroom.testkit {
    exports dev.cloakroom.testkit;

    requires transitive dev.cloakroom;
    requires transitive org.junit.jupiter.api;
    requires transitive org.assertj.core;
    requires ch.qos.logback.classic;
    requires ch.qos.logback.core;
    requires org.slf4j;
    requires static transitive org.jspecify;
}
