/**
 * Spring Boot auto-configuration of Cloakroom: the session filter, the engine and the {@code cloakroom.*}
 * properties.
 */
@NullMarked
package dev.cloakroom.spring.boot;

import org.jspecify.annotations.NullMarked;
