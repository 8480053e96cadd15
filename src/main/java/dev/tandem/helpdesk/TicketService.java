package dev.tandem.helpdesk;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.tandem.catalog.Customer;
import dev.tandem.catalog.CustomerRepository;
import dev.tandem.catalog.EmployeeRepository;
import dev.tandem.common.BillingException;
import dev.tandem.common.NotFound;
import dev.tandem.common.NumberSequences;
import dev.tandem.sales.SalesOrder;
import dev.tandem.sales.SalesOrderLine;
import dev.tandem.sales.SalesOrderLineRepository;
import dev.tandem.sales.SalesOrderRepository;
import dev.tandem.timesheets.TimesheetEntry;
import dev.tandem.timesheets.TimesheetService;
import dev.tandem.timesheets.TimesheetTarget;

/** Opens tickets on the right order line and moves them between lines. */
@Service
@Transactional(noRollbackFor = BillingException.class)
public class TicketService {

    private final TicketRepository tickets;
    private final HelpdeskTeamRepository teams;
    private final CustomerRepository customers;
    private final SalesOrderRepository orders;
    private final SalesOrderLineRepository lines;
    private final TimesheetService timesheets;
    private final NumberSequences numbers;
    private final EmployeeRepository employees;

    TicketService(TicketRepository tickets, HelpdeskTeamRepository teams, CustomerRepository customers,
                  SalesOrderRepository orders, SalesOrderLineRepository lines,
                  TimesheetService timesheets, NumberSequences numbers, EmployeeRepository employees) {
        this.employees = employees;
        this.tickets = tickets;
        this.teams = teams;
        this.customers = customers;
        this.orders = orders;
        this.lines = lines;
        this.timesheets = timesheets;
        this.numbers = numbers;
    }

    /**
     * Opens a ticket as the start form names it: the customer and team by name, optionally the
     * order whose hours it draws on by number.
     */
    public Ticket openNamed(String customerName, String teamName, String title, String description,
                            String orderNumber) {
        Customer customer = customers.named(customerName);
        HelpdeskTeam team = teams.findByName(String.valueOf(teamName))
                .orElseThrow(() -> new BillingException("Unknown helpdesk team %s.".formatted(teamName)));
        Long chosenLine = orderNumber == null ? null : orders.numbered(orderNumber).hoursLine().getId();
        return open(customer.getId(), team.getId(), title, description, chosenLine);
    }

    /**
     * Opens a ticket. Without a line chosen by hand, the line is the customer's prepaid hours
     * with time left on the most recent confirmed order (lowest position first); post-paid lines
     * are only ever chosen by hand.
     */
    public Ticket open(Long customerId, Long teamId, String title, String description, Long chosenLineId) {
        Customer customer = customers.findById(customerId).orElseThrow(() -> NotFound.of("customer", customerId));
        HelpdeskTeam team = teams.findById(teamId).orElseThrow(() -> NotFound.of("helpdesk team", teamId));
        if (title == null || title.isBlank()) {
            throw new BillingException("A ticket needs a title.");
        }
        SalesOrderLine line = chosenLineId != null
                ? checkedLine(chosenLineId, customer)
                : automaticLine(customerId).orElse(null);
        String number = "T%05d".formatted(numbers.next("ticket"));
        return tickets.save(new Ticket(number, customer, team, line, title.strip(), description));
    }

    @Transactional(readOnly = true)
    public Optional<SalesOrderLine> automaticLine(Long customerId) {
        return orders.findByCustomerIdAndStateOrderByOrderDateDescIdDesc(customerId, SalesOrder.State.CONFIRMED)
                .stream()
                .flatMap(order -> order.getLines().stream()
                        .sorted(Comparator.comparingInt(SalesOrderLine::getPosition)))
                .filter(line -> line.isPrepaid() && line.isHourlyService())
                .filter(timesheets::hasHoursLeft)
                .findFirst();
    }

    /**
     * One round of work on a ticket: the time typed, in the name of the employee given or else of
     * whoever works the task. A round with every field left empty records nothing (it may only
     * resolve the ticket).
     */
    public Optional<TimesheetEntry> recordTime(String ticketNumber, String worker, String employee, LocalDate workDate,
                                               Integer minutes, String description) {
        if (workDate == null && minutes == null && description == null && employee == null) {
            return Optional.empty();
        }
        String who = employee != null ? employee : worker;
        if (who == null) {
            throw new BillingException("Claim the task first: time is logged in the name of whoever works it.");
        }
        Long person = employees.ofUser(who).getId();
        return Optional.of(timesheets.recordMinutes(person, timeTarget(tickets.ofInstance(ticketNumber).getId()),
                workDate, minutes, description));
    }

    /** What the ticket's time is logged on: its order line, none when the ticket is not billed. */
    @Transactional(readOnly = true, noRollbackFor = BillingException.class)
    public TimesheetTarget timeTarget(Long ticketId) {
        Ticket ticket = tickets.findById(ticketId).orElseThrow(() -> NotFound.of("ticket", ticketId));
        return new TimesheetTarget.Ticket(ticket.getId(),
                ticket.isBillable() ? ticket.getSalesOrderLine().getId() : null);
    }

    /** The customer's issue is solved; no more time is logged on the ticket through its process. */
    public Ticket close(Long ticketId) {
        Ticket ticket = tickets.findById(ticketId).orElseThrow(() -> NotFound.of("ticket", ticketId));
        ticket.close();
        return ticket;
    }

    private SalesOrderLine checkedLine(Long lineId, Customer customer) {
        SalesOrderLine line = lines.findById(lineId).orElseThrow(() -> NotFound.of("order line", lineId));
        SalesOrder order = line.getOrder();
        if (!order.getCustomer().getId().equals(customer.getId())) {
            throw new BillingException("Order %s belongs to another customer than %s."
                    .formatted(order.getNumber(), customer.getName()));
        }
        order.requireOpenForWork();
        if (!line.isHourlyService()) {
            throw new BillingException("Line %d of %s is not a service sold by the hour."
                    .formatted(line.getPosition(), order.getNumber()));
        }
        return line;
    }
}
