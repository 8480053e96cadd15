package dev.tandem.common;

import java.time.ZoneId;

import dev.tandem.money.TaxRounding;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The company that sends the invoices: its letterhead (name, address, mail, VAT number and
 * registered office), the sender of its mail, its one currency, the time zone its days are
 * counted in, how its taxes are rounded to the cent, the bank account customers pay to and the
 * days they have to pay unless their own terms say otherwise (settings under {@code tandem.company}).
 */
@ConfigurationProperties("tandem.company")
public record Company(@DefaultValue("Tandem Services") String name,
                      @DefaultValue("") String address,
                      @DefaultValue("billing@tandem.example") String email,
                      @DefaultValue("EUR") String currency,
                      @DefaultValue("Europe/Brussels") ZoneId timeZone,
                      @DefaultValue("per-line") TaxRounding taxRounding,
                      @DefaultValue("") String vatNumber,
                      @DefaultValue("") String registeredOffice,
                      @DefaultValue("") String iban,
                      @DefaultValue("") String bic,
                      @DefaultValue("30") int paymentTermsDays) {

    public Company {
        if (paymentTermsDays < 0 || paymentTermsDays > 365) {
            throw new IllegalArgumentException("tandem.company.payment-terms-days is 0 to 365, not " + paymentTermsDays);
        }
    }
}
