package dev.tandem.fieldservice;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.Optional;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;

import dev.tandem.catalog.Customer;
import dev.tandem.catalog.Employee;
import dev.tandem.sales.SalesOrder;
import dev.tandem.sales.SalesOrderLine;

/** An intervention on the customer's site. */
@Entity
public class FieldTask {

    public enum State { PLANNED, SIGNED, DONE }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String number;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    private Customer customer;
    @ManyToOne(fetch = FetchType.LAZY)
    private SalesOrder salesOrder;
    @ManyToOne(fetch = FetchType.LAZY)
    private Employee technician;
    private String site;
    private String description;
    private LocalDate plannedDate;
    @Enumerated(EnumType.STRING)
    private State state = State.PLANNED;

    protected FieldTask() {
    }

    public FieldTask(String number, Customer customer, SalesOrder salesOrder, Employee technician, String site,
                     String description, LocalDate plannedDate) {
        this.number = number;
        this.customer = customer;
        this.salesOrder = salesOrder;
        this.technician = technician;
        this.site = site;
        this.description = description;
        this.plannedDate = plannedDate;
    }

    /** The order line its time bills to: the first hourly service line of its order. */
    public Optional<SalesOrderLine> getTimeLine() {
        if (salesOrder == null) {
            return Optional.empty();
        }
        return salesOrder.getLines().stream()
                .filter(SalesOrderLine::isHourlyService)
                .min(Comparator.comparingInt(SalesOrderLine::getPosition));
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

    public SalesOrder getSalesOrder() {
        return salesOrder;
    }

    public Employee getTechnician() {
        return technician;
    }

    public String getSite() {
        return site;
    }

    public String getDescription() {
        return description;
    }

    public LocalDate getPlannedDate() {
        return plannedDate;
    }

    public State getState() {
        return state;
    }

    private static final String WORK_ITEM_PREFIX = "field task ";

    /** The key of this task's timers: one per technician and task. */
    public String getWorkItem() {
        return WORK_ITEM_PREFIX + number;
    }

    /** The number of the field task a timer's work item belongs to, if it is one. */
    public static Optional<String> numberOf(String workItem) {
        return workItem.startsWith(WORK_ITEM_PREFIX)
                ? Optional.of(workItem.substring(WORK_ITEM_PREFIX.length())) : Optional.empty();
    }

    /** The customer signed the worksheet; a task already done stays done. */
    void signed() {
        if (state != State.DONE) {
            state = State.SIGNED;
        }
    }

    void markDone() {
        state = State.DONE;
    }
}
