package dev.tandem.catalog;

import java.time.ZoneId;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

import dev.tandem.common.BillingException;

@Entity
public class Customer {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String name;
    private String email;
    private String address;
    private String timeZone;
    private String language;
    private String vatNumber;
    private Integer paymentTermsDays;

    protected Customer() {
    }

    public Customer(String name, String email, String address, ZoneId timeZone, String language) {
        this.name = name;
        this.email = email;
        this.address = address;
        this.timeZone = timeZone.getId();
        this.language = language;
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public String getEmail() {
        return email;
    }

    /** Where documents are mailed; a job that finds none fails, to be retried in Cockpit once it is set. */
    public String mailAddress() {
        if (email == null || email.isBlank()) {
            throw new BillingException("Customer %s has no e-mail address: add one, then retry this job in Cockpit."
                    .formatted(name));
        }
        return email;
    }

    /** The customer's VAT number, printed on their documents; null when they have none. */
    public String getVatNumber() {
        return vatNumber;
    }

    /** Days the customer has to pay an invoice; null: the company's payment terms. */
    public Integer getPaymentTermsDays() {
        return paymentTermsDays;
    }

    /** The days this customer has to pay: their own payment terms, or else the company's. */
    public int paymentTermsDays(int companyTerms) {
        return paymentTermsDays != null ? paymentTermsDays : companyTerms;
    }

    public Customer withVatNumber(String vatNumber) {
        this.vatNumber = vatNumber;
        return this;
    }

    public Customer withPaymentTermsDays(Integer days) {
        if (days != null && (days < 0 || days > 365)) {
            throw new BillingException("Payment terms are 0 to 365 days, not %d.".formatted(days));
        }
        this.paymentTermsDays = days;
        return this;
    }

    public String getAddress() {
        return address;
    }

    public ZoneId getTimeZone() {
        return ZoneId.of(timeZone);
    }

    public String getLanguage() {
        return language;
    }
}
