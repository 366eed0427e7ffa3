/** Django's {@code django.contrib.auth} session rules: login, logout, the auth hash, a user's sessions. */
@NullMarked
package dev.cloakroom.contrib.auth;

import org.jspecify.annotations.NullMarked;
