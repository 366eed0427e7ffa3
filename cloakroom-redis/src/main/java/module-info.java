/** The {@code cache} engine on Redis: standalone, Sentinel or Cluster. */
module dev.cloakroom.redis {
    exports dev.cloakroom.redis;

    requires transitive dev.cloakroom;
    requires transitive dev.cloakroom.config;
    requires transitive lettuce.core;
    requires io.netty.common;
    requires static transitive org.jspecify;

    provides dev.cloakroom.config.EngineFactory with dev.cloakroom.redis.RedisEngineFactory;
}
