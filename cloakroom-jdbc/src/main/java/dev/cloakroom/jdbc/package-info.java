/** The {@code db} engine: Django's {@code django_session} table on SQLite, PostgreSQL or MariaDB/MySQL. */
@NullMarked
package dev.cloakroom.jdbc;

import org.jspecify.annotations.NullMarked;
