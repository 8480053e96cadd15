package dev.tandem.common;

import java.time.ZoneId;

import dev.tandem.money.TaxRounding;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The company that sends the invoices: its letterhead, the sender of its mail, its one currency
 * the time zone its days are counted in and how its taxes are rounded to the cent (settings under
 * {@code tandem.company}).
 */
@ConfigurationProperties("tandem.company")
public record Company(@DefaultValue("Tandem Services") String name,
                      @DefaultValue("") String address,
                      @DefaultValue("billing@tandem.example") String email,
                      @DefaultValue("EUR") String currency,
                      @DefaultValue("Europe/Brussels") ZoneId timeZone,
                      @DefaultValue("per-line") TaxRounding taxRounding) {
}
