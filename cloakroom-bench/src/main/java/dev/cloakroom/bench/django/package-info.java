/** Times Django's own session codec with {@code python3 -m timeit}, on the same sessions as JMH. */
@NullMarked
package dev.cloakroom.bench.django;

import org.jspecify.annotations.NullMarked;
