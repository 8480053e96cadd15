package dev.tandem.helpdesk;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

@Entity
public class HelpdeskTeam {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String name;
    private boolean timesheetsEnabled;
    /** When off, time on the team's tickets is recorded but never billed. */
    private boolean billingEnabled;

    protected HelpdeskTeam() {
    }

    public HelpdeskTeam(String name, boolean timesheetsEnabled, boolean billingEnabled) {
        this.name = name;
        this.timesheetsEnabled = timesheetsEnabled;
        this.billingEnabled = billingEnabled;
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public boolean isTimesheetsEnabled() {
        return timesheetsEnabled;
    }

    public boolean isBillingEnabled() {
        return billingEnabled;
    }
}
