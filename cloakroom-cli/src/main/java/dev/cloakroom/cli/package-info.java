/**
 * The {@code cloakroom} command: the demo and Django's session management commands, configured by {@code
 * CLOAKROOM_*}.
 */
@NullMarked
package dev.cloakroom.cli;

import org.jspecify.annotations.NullMarked;
