/**
 * Spring Security on Django's session keys: the login stored as Django stores it, sessions listed and expired
 * through the store's user index, logout as flush, Django's password hashes.
 */
module dev.cloakroom.springsecurity {
    exports dev.cloakroom.springsecurity;

    requires transitive dev.cloakroom;
    requires transitive dev.cloakroom.servlet;
    requires transitive dev.cloakroom.djangoauth;
    requires transitive spring.security.core;
    requires transitive spring.security.crypto;
    requires transitive spring.security.web;
    requires static transitive org.jspecify;
}
