/** The {@code cache} engine on Redis: standalone, Sentinel or Cluster. */
module dev.cloakroom.redis {
    exports dev.cloakroom.redis;

    requires transitive dev.cloakroom;
    requires lettuce.core;
    requires io.netty.common;
    requires static transitive org.jspecify;
}
