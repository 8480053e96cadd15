package dev.tandem.helpdesk;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;

import dev.tandem.catalog.Customer;
import dev.tandem.sales.SalesOrderLine;

@Entity
public class Ticket {

    public enum State { OPEN, RESOLVED, CLOSED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String number;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    private Customer customer;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    private HelpdeskTeam team;
    /** The order line its time bills to; none when no line fits yet. */
    @ManyToOne(fetch = FetchType.LAZY)
    private SalesOrderLine salesOrderLine;
    private String title;
    private String description;
    @Enumerated(EnumType.STRING)
    private State state = State.OPEN;

    protected Ticket() {
    }

    Ticket(String number, Customer customer, HelpdeskTeam team, SalesOrderLine line, String title, String description) {
        this.number = number;
        this.customer = customer;
        this.team = team;
        this.salesOrderLine = line;
        this.title = title;
        this.description = description;
    }

    void close() {
        state = State.CLOSED;
    }

    /** Time on it bills to its order line, if the team bills time at all. */
    public boolean isBillable() {
        return team.isBillingEnabled() && salesOrderLine != null;
    }

    public Long getId() {
        return id;
    }

    public String getNumber() {
        return number;
    }

    public Customer getCustomer() {
        return customer;
    }

    public HelpdeskTeam getTeam() {
        return team;
    }

    public SalesOrderLine getSalesOrderLine() {
        return salesOrderLine;
    }

    public String getTitle() {
        return title;
    }

    public String getDescription() {
        return description;
    }

    public State getState() {
        return state;
    }
}
