/**
 * Session and storage meters for Micrometer: {@link dev.cloakroom.micrometer.CloakroomMetrics}. Optional; no
 * other Cloakroom module depends on it.
 */
module dev.cloakroom.micrometer {
    exports dev.cloakroom.micrometer;

    requires transitive dev.cloakroom;
    requires transitive micrometer.core;
    requires static transitive org.jspecify;
}
