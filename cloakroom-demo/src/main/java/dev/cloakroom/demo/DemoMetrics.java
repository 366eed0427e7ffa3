package dev.cloakroom.demo;

import dev.cloakroom.ServerSideEngine;
import dev.cloakroom.SessionEngine;
import dev.cloakroom.SessionSettings;
import dev.cloakroom.micrometer.CloakroomMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/**
 * The demo's meters and events: {@link CloakroomMetrics} bound to a Prometheus registry (served at
 * {@code /metrics}) and the last few session events (the home page's "Events" panel).
 */
final class DemoMetrics {

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final CloakroomMetrics cloakroom = new CloakroomMetrics();
    private final RecentEvents events;

    DemoMetrics(SessionSettings settings) {
        this.events = new RecentEvents(settings.clock());
        cloakroom.bindTo(registry);
    }

    /** {@code engine} timed and counted, if it stores sessions on the server; cookie engines as they are. */
    SessionEngine instrument(SessionEngine engine, String engineName) {
        return engine instanceof ServerSideEngine server ? cloakroom.instrument(server, engineName) : engine;
    }

    /** {@code settings} with the metrics and the recent events listening. */
    SessionSettings listenTo(SessionSettings settings) {
        return settings.toBuilder().listener(cloakroom).listener(events).build();
    }

    /** Every meter in Prometheus' text format. */
    String scrape() {
        return registry.scrape();
    }

    /** The counter {@code name} with {@code tags}, summed over what is left; 0 before anything happened. */
    double count(String name, String... tags) {
        return registry.find(name).tags(tags).counters().stream().mapToDouble(c -> c.count()).sum();
    }

    RecentEvents events() {
        return events;
    }
}
