/** Session and storage meters for Micrometer. */
@NullMarked
package dev.cloakroom.micrometer;

import org.jspecify.annotations.NullMarked;
