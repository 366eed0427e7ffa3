/** Spring Security on Django's session keys, for applications running {@code SessionFilter}. */
@NullMarked
package dev.cloakroom.springsecurity;

import org.jspecify.annotations.NullMarked;
