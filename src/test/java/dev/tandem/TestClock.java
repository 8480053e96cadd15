package dev.tandem;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

import org.springframework.boot.test.context.TestComponent;
import org.springframework.context.annotation.Primary;

/** The application's clock in tests: the real time, unless a test sets it (timer scenarios). */
@TestComponent
@Primary
public class TestClock extends Clock {

    private final ZoneId zone = ZoneId.of("Europe/Brussels");
    private volatile Instant fixed;

    public void set(Instant instant) {
        fixed = instant;
    }

    public void reset() {
        fixed = null;
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return fixed != null ? Clock.fixed(fixed, zone) : Clock.system(zone);
    }

    @Override
    public Instant instant() {
        return fixed != null ? fixed : Instant.now();
    }
}
