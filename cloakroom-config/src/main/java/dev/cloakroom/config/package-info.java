/**
 * Cloakroom's settings from outside the code: one table of names, defaults and parsers, read from
 * environment variables, {@code web.xml} init-parameters or command-line flags, giving
 * {@link dev.cloakroom.SessionSettings} and an opened engine.
 */
@NullMarked
package dev.cloakroom.config;

import org.jspecify.annotations.NullMarked;
