/**
 * A Django application's users for a Java service sharing its database: {@link
 * dev.cloakroom.djangoauth.DjangoPasswordHasher} checks and makes Django's password hashes, {@link
 * dev.cloakroom.djangoauth.DjangoUsers} reads and updates Django's {@code auth_user} table and is the
 * {@link dev.cloakroom.contrib.auth.UserLookup} for {@link dev.cloakroom.contrib.auth.Auth}.
 */
@NullMarked
package dev.cloakroom.djangoauth;

import org.jspecify.annotations.NullMarked;
