package dev.tandem.common;

import java.time.Clock;
import java.time.ZoneId;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The company's clock: invoice dates and years are days in the company's time zone. */
@Configuration
class ClockConfiguration {

    @Bean
    Clock clock(@Value("${tandem.company.time-zone:Europe/Brussels}") ZoneId zone) {
        return Clock.system(zone);
    }
}
