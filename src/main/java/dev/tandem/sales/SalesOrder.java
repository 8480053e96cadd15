package dev.tandem.sales;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;

import dev.tandem.common.Audited;
import dev.tandem.catalog.Customer;
import dev.tandem.common.BillingException;
import dev.tandem.money.Money;
import dev.tandem.money.OrderBill;
import dev.tandem.money.TaxRounding;

@Entity
@Audited
public class SalesOrder {

    /** QUOTATION → CONFIRMED → LOCKED (closed), or CANCELLED. */
    public enum State { QUOTATION, CONFIRMED, LOCKED, CANCELLED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String number;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    private Customer customer;
    private String salesperson;
    @Enumerated(EnumType.STRING)
    private State state = State.QUOTATION;
    private LocalDate orderDate;
    private Instant confirmedAt;
    /** Null on orders created before tax rounding was a setting: they are billed per line. */
    @Enumerated(EnumType.STRING)
    private TaxRounding taxRounding;

    @OneToMany(mappedBy = "order", cascade = CascadeType.ALL)
    @OrderBy("position")
    private List<SalesOrderLine> lines = new ArrayList<>();

    protected SalesOrder() {
    }

    SalesOrder(String number, Customer customer, String salesperson, LocalDate orderDate, TaxRounding taxRounding) {
        this.number = number;
        this.taxRounding = taxRounding;
        this.customer = customer;
        this.salesperson = salesperson;
        this.orderDate = orderDate;
    }

    /** The company's tax rounding on the day the order was created; all its documents use it. */
    public TaxRounding getTaxRounding() {
        return taxRounding != null ? taxRounding : TaxRounding.PER_LINE;
    }

    /** The order as sold: each line at its ordered quantity and price, at the order's tax rounding. */
    public OrderBill ordered() {
        OrderBill bill = new OrderBill(getTaxRounding());
        lines.stream().filter(line -> !line.isDownPayment()).forEach(line -> bill.addQuantity(line,
                line.getUnitPrice(), line.getTaxRate(), line.getOrderedQuantity()));
        return bill;
    }

    /** What the order sells as text, one line a line: "- Support hours: 10 × 80.00 = 800.00". */
    public String summary() {
        return lines.stream().filter(line -> !line.isDownPayment())
                .map(line -> "- %s: %s × %s = %s".formatted(line.getDescription(),
                        line.getOrderedQuantity().toPlainString(), line.getUnitPrice().toPlainString(),
                        Money.amount(line.getOrderedQuantity(), line.getUnitPrice()).toPlainString()))
                .collect(Collectors.joining("\n"));
    }

    SalesOrderLine addLine(SalesOrderLine line) {
        lines.add(line);
        return line;
    }

    int nextPosition() {
        return lines.stream().mapToInt(SalesOrderLine::getPosition).max().orElse(0) + 1;
    }

    void confirm(Instant now) {
        state = State.CONFIRMED;
        confirmedAt = now;
    }

    void changeState(State state) {
        this.state = state;
    }

    /**
     * Refuses work (time, a ticket's order line, an intervention) on an order that is not
     * confirmed, with one message wherever it is asked.
     */
    public void requireOpenForWork() {
        String why = switch (state) {
            case CONFIRMED -> null;
            case QUOTATION -> "it is a quotation, not confirmed yet";
            case LOCKED -> "it is locked";
            case CANCELLED -> "it is cancelled";
        };
        if (why != null) {
            throw new BillingException("Order %s is not open for work: %s.".formatted(number, why));
        }
    }

    /** Confirmed or locked: the customer agreed, work and invoices may refer to it. */
    public boolean isConfirmed() {
        return state == State.CONFIRMED || state == State.LOCKED;
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

    public String getSalesperson() {
        return salesperson;
    }

    public State getState() {
        return state;
    }

    public LocalDate getOrderDate() {
        return orderDate;
    }

    public Instant getConfirmedAt() {
        return confirmedAt;
    }

    /** The line its time is logged on: the first service sold by the hour. */
    public SalesOrderLine hoursLine() {
        return lines.stream().filter(SalesOrderLine::isHourlyService).findFirst()
                .orElseThrow(() -> new BillingException("Order %s sells no hours.".formatted(number)));
    }

    public List<SalesOrderLine> getLines() {
        return lines;
    }
}
