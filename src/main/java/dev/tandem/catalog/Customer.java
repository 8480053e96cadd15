package dev.tandem.catalog;

import java.time.ZoneId;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

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
