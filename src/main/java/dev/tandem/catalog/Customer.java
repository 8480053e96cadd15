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
