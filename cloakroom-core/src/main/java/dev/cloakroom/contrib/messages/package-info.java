/** Django's {@code django.contrib.messages}: one-time notices kept in the session or a signed cookie. */
@NullMarked
package dev.cloakroom.contrib.messages;

import org.jspecify.annotations.NullMarked;
