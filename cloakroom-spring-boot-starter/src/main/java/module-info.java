/**
 * Spring Boot auto-configuration of Cloakroom (Boot 3.5 and 4.0). Spring, the servlet API, Lettuce, the
 * actuator and the engine modules are the application's: required statically.
 */
module dev.cloakroom.spring.boot {
    exports dev.cloakroom.spring.boot;
    opens dev.cloakroom.spring.boot to spring.core, spring.beans, spring.context;

    requires transitive dev.cloakroom.config;
    requires dev.cloakroom.servlet;
    requires static dev.cloakroom.jdbc;
    requires static dev.cloakroom.redis;
    requires static lettuce.core;
    requires java.sql;
    requires org.slf4j;
    requires static jakarta.servlet;
    requires static spring.core;
    requires static spring.beans;
    requires static spring.context;
    requires static spring.web;
    requires static spring.webmvc;
    requires static spring.boot;
    requires static spring.boot.autoconfigure;
    requires static spring.boot.actuator;
    requires static spring.boot.health;
    requires static transitive org.jspecify;
}
