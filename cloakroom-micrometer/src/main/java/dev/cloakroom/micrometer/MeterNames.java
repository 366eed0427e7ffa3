package dev.cloakroom.micrometer;

/** The names of Cloakroom's meters, in Micrometer's dotted lower case (README: "Metrics and events"). */
final class MeterNames {

    static final String LOADS = "cloakroom.session.loads";
    static final String SAVES = "cloakroom.session.saves";
    static final String CREATES = "cloakroom.session.creates";
    static final String DELETES = "cloakroom.session.deletes";
    static final String OPERATION = "cloakroom.store.operation";
    static final String SIZE = "cloakroom.session.size";
    static final String EVENTS = "cloakroom.session.events";
    static final String REVOKED = "cloakroom.session.revoked";
    static final String REJECTED = "cloakroom.session.rejected";
    static final String RETRIES = "cloakroom.session.save.retries";
    static final String INTERRUPTED = "cloakroom.session.save.interrupted";
    static final String CACHE_FALLBACKS = "cloakroom.cache.fallbacks";

    private MeterNames() {
    }
}
