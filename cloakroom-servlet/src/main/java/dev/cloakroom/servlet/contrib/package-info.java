/** Servlet adapters for Cloakroom's Django contrib parts: CSRF checks, flash messages, the current user. */
@NullMarked
package dev.cloakroom.servlet.contrib;

import org.jspecify.annotations.NullMarked;
