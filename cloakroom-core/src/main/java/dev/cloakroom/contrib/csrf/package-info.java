/** Django's CSRF protection with the secret kept in the session ({@code CSRF_USE_SESSIONS = True}). */
@NullMarked
package dev.cloakroom.contrib.csrf;

import org.jspecify.annotations.NullMarked;
