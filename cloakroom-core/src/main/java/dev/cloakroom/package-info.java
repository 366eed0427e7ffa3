/** Cloakroom's public API: the per-request {@link dev.cloakroom.Session}, its settings and the engine SPI. */
@NullMarked
package dev.cloakroom;

import org.jspecify.annotations.NullMarked;
