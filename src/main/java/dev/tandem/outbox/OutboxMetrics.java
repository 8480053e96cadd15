package dev.tandem.outbox;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.stereotype.Component;

/**
 * The outbox for Prometheus: mails waiting to be sent and, among them, those whose last attempt
 * failed. Read from the outbox table at each scrape, so every node reports the same figures.
 */
@Component
class OutboxMetrics implements MeterBinder {

    private final OutboundMailRepository mails;

    OutboxMetrics(OutboundMailRepository mails) {
        this.mails = mails;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("tandem.outbox.pending", mails, repository -> repository.countByState(OutboundMail.State.PENDING))
                .description("Mails not sent yet").register(registry);
        Gauge.builder("tandem.outbox.failing", mails,
                        repository -> repository.countByStateAndLastErrorIsNotNull(OutboundMail.State.PENDING))
                .description("Mails not sent yet whose last attempt failed").register(registry);
    }
}
