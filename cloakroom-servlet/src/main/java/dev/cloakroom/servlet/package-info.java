/**
 * A Jakarta Servlet filter that gives every request a Cloakroom {@link dev.cloakroom.Session} with Django's
 * {@code SessionMiddleware} rules, and backs {@code HttpServletRequest.getSession()} with it.
 */
@NullMarked
package dev.cloakroom.servlet;

import org.jspecify.annotations.NullMarked;
