/**
 * Django's {@code SessionMiddleware} over a framework-neutral {@link dev.cloakroom.middleware.Exchange}, so
 * an HTTP stack needs only a thin adapter to open sessions and to save them with Django's cookie rules.
 */
@NullMarked
package dev.cloakroom.middleware;

import org.jspecify.annotations.NullMarked;
