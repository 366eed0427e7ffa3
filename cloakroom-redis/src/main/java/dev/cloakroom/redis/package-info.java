/** The {@code cache} engine: sessions in Redis (standalone, Sentinel or Cluster), through Lettuce. */
@NullMarked
package dev.cloakroom.redis;

import org.jspecify.annotations.NullMarked;
