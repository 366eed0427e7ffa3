/**
 * The demo's and the CLI's configuration: {@code CLOAKROOM_*} variables and flags, and the engine they name.
 */
@NullMarked
package dev.cloakroom.demo.config;

import org.jspecify.annotations.NullMarked;
