package dev.tandem.common;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The company's clock: invoice dates and years are days in the company's time zone. */
@Configuration
class ClockConfiguration {

    @Bean
    Clock clock(Company company) {
        return Clock.system(company.timeZone());
    }
}
