/**
 * A small Spring Boot application with form login on Django's session keys (Cloakroom's
 * {@code SessionFilter}, {@code cloakroom-spring-security}), and its tests over HTTP.
 */
@NullMarked
package dev.cloakroom.springsecurity.app;

import org.jspecify.annotations.NullMarked;
