/** Benchmarks of Cloakroom against Spring Session, raw storage round trips and Django: not a library. */
@NullMarked
package dev.cloakroom.bench;

import org.jspecify.annotations.NullMarked;
