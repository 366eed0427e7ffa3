/** The load harness: one Jetty app, its variants (Cloakroom, Spring Session, raw, none) and wrk. */
@NullMarked
package dev.cloakroom.bench.load;

import org.jspecify.annotations.NullMarked;
