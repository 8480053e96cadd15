package dev.tandem.catalog;

import java.math.BigDecimal;
import java.time.ZoneId;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

@Entity
public class Employee {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String name;
    /** The Camunda user this employee logs in as. */
    private String userId;
    private String timeZone;
    private BigDecimal costRate;

    protected Employee() {
    }

    public Employee(String name, String userId, ZoneId timeZone) {
        this.name = name;
        this.userId = userId;
        this.timeZone = timeZone.getId();
        this.costRate = BigDecimal.ZERO;
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public String getUserId() {
        return userId;
    }

    public ZoneId getTimeZone() {
        return ZoneId.of(timeZone);
    }

    public BigDecimal getCostRate() {
        return costRate;
    }
}
