package dev.tandem.common;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

/**
 * Camunda's jobs and incidents for Prometheus, counted in the engine's tables at each scrape (so
 * every node of a cluster reports the same figures): jobs due now, jobs that failed and wait for
 * their next retry, jobs out of retries, and open incidents (what Cockpit shows in red).
 */
@Component
class EngineMetrics implements MeterBinder {

    private final ManagementService management;
    private final RuntimeService runtime;

    EngineMetrics(ManagementService management, RuntimeService runtime) {
        this.management = management;
        this.runtime = runtime;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("camunda.jobs.due", management, service -> service.createJobQuery().executable().count())
                .description("Jobs due now, with retries left").register(registry);
        Gauge.builder("camunda.jobs.failing", management,
                        service -> service.createJobQuery().withException().withRetriesLeft().count())
                .description("Jobs that failed and wait for a retry").register(registry);
        Gauge.builder("camunda.jobs.out.of.retries", management, service -> service.createJobQuery().noRetriesLeft().count())
                .description("Jobs out of retries (each an incident)").register(registry);
        Gauge.builder("camunda.incidents.open", runtime, service -> service.createIncidentQuery().count())
                .description("Open incidents").register(registry);
    }
}
