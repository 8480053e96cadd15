package dev.tandem.helpdesk.process;

import static dev.tandem.SupportProcesses.entry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

import java.time.LocalDate;
import java.util.List;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.tandem.BillingFixtures;
import dev.tandem.SupportProcesses;
import dev.tandem.TandemIntegrationTest;
import dev.tandem.catalog.Customer;
import dev.tandem.helpdesk.Ticket;
import dev.tandem.helpdesk.TicketRepository;
import dev.tandem.invoicing.OrderFigures;
import dev.tandem.invoicing.process.ShowLineFiguresListener;
import dev.tandem.timesheets.TimesheetEntryRepository;

/** Every path of processes/support-ticket.bpmn, as the helpdesk works a ticket in Tasklist. */
@TandemIntegrationTest
class SupportTicketProcessTest {

    @Autowired ProcessEngine engine;
    @Autowired RuntimeService runtime;
    @Autowired BillingFixtures fixtures;
    @Autowired SupportProcesses people;
    @Autowired OrderFigures figures;
    @Autowired TicketRepository tickets;
    @Autowired TimesheetEntryRepository entries;

    private Customer customer;
    private Long order;
    private String worker;

    @BeforeEach
    void setUp() {
        init(engine);
        customer = fixtures.customer();
        order = fixtures.confirmedOrder(customer, fixtures.prepaid("100"), "5");
        worker = fixtures.employee().getUserId();
    }

    private static String today() {
        return BillingFixtures.today().toString();
    }

    @Test
    void scenario03_theTicketDrawsFromPrepaidHoursAndTheTaskShowsWhatIsLeft() {
        ProcessInstance ticket = people.openTicket(customer.getName(), null);

        assertThat(ticket).isWaitingAt(SupportTicketProcess.USER_TASK_WORK_ON_TICKET).task().hasCandidateGroup("helpdesk");
        assertThat(ticket.getBusinessKey()).matches("T\\d{5}");
        assertThat(ticket).variables()
                .containsEntry(ShowLineFiguresListener.ORDER_LINE_ID, fixtures.line(order))
                .containsEntry(ShowLineFiguresListener.REMAINING, "5:00 h · 5.00 h")
                .containsEntry(ShowLineFiguresListener.OVERDRAWN, false);

        people.workOnTicket(ticket, worker, false, List.of(entry(today(), 1.5, "Reset the router"),
                entry(today(), 1, "Called the provider")));

        assertThat(ticket).isWaitingAt(SupportTicketProcess.USER_TASK_WORK_ON_TICKET).variables()
                .containsEntry(ShowLineFiguresListener.REMAINING, "2:30 h · 2.50 h")
                .containsEntry(SupportTicketProcess.LAST_RECORDED, "1 entry, 1:00 h · 1.00 h");
        assertThat(figures.ofLine(fixtures.line(order)).delivered()).isEqualByComparingTo("2.5");
    }

    @Test
    void aTicketsTaskNamesItsTicketAndCustomerAndItsNextRoundsStayWithWhoWorkedIt() {
        ProcessInstance ticket = people.openTicket(customer.getName(), null);
        String named = "Work on ticket · %s · %s: %s".formatted(ticket.getBusinessKey(), customer.getName(),
                SupportProcesses.TICKET_TITLE);
        assertThat(ticket).task().hasName(named).isNotAssigned();
        assertThat(ticket).variables().containsEntry(SupportTicketProcess.ORDER_NUMBER,
                fixtures.orderNumber(order));

        people.workOnTicket(ticket, "hannah", false, List.of(entry(today(), 1, "Reset the router")));
        assertThat(ticket).task().hasName(named).isAssignedTo("hannah");

        people.workOnTicket(ticket, "hannah", false, List.of(entry("2999-01-01", 1, "A day to come")));
        assertThat(ticket).task().as("refused, back with the same person").isAssignedTo("hannah");
        assertThat(ticket).variables().containsKey(SupportTicketProcess.REFUSAL);

        // Someone outside the helpdesk (an employee stepping in) does not keep the ticket: it goes back to the team.
        engine.getTaskService().setAssignee(engine.getTaskService().createTaskQuery()
                .processInstanceId(ticket.getId()).singleResult().getId(), null);
        people.workOnTicket(ticket, worker, false, List.of(entry(today(), 1, "Checked the cabling")));
        assertThat(ticket).task().isNotAssigned().hasCandidateGroup("helpdesk");
    }

    @Test
    void remainingHoursBelowZeroAreFlaggedRedOnTheNextRound() {
        ProcessInstance ticket = people.openTicket(customer.getName(), null);
        people.workOnTicket(ticket, worker, false, List.of(entry(today(), 6, "Migration")));

        assertThat(ticket).variables().containsEntry(ShowLineFiguresListener.REMAINING, "-1:00 h · -1.00 h")
                .containsEntry(ShowLineFiguresListener.OVERDRAWN, true);
    }

    @Test
    void aRefusedEntryRecordsNothingAndComesBackAsTypedWithTheReason() {
        ProcessInstance ticket = people.openTicket(customer.getName(), null);
        long before = entries.count();
        LocalDate tomorrow = BillingFixtures.today().plusDays(1);

        people.workOnTicket(ticket, worker, true, List.of(entry(tomorrow.toString(), 1, "Planned")));

        assertThat(ticket).isWaitingAt(SupportTicketProcess.USER_TASK_WORK_ON_TICKET).variables()
                .containsEntry("refusal", "The work date %s is in the future.".formatted(tomorrow))
                .containsEntry(SupportTicketProcess.WORK_DESCRIPTION, "Planned");
        assertThat(entries.count()).isEqualTo(before);
    }

    @Test
    void timeCannotBeLoggedInTheNameOfSomeoneWhoIsNoEmployee() {
        ProcessInstance ticket = people.openTicket(customer.getName(), null);
        var row = entry(today(), 1, "Fine");
        row.put(SupportTicketProcess.EMPLOYEE, "sam");

        people.workOnTicket(ticket, worker, false, List.of(row));

        assertThat(ticket).variables().containsEntry("refusal",
                "User sam is not an employee: time cannot be logged in their name.");
    }

    @Test
    void aResolvedTicketIsClosed() {
        ProcessInstance ticket = people.openTicket(customer.getName(), null);
        people.workOnTicket(ticket, worker, true, List.of());

        assertThat(ticket).hasPassed(SupportTicketProcess.SERVICE_TASK_CLOSE_TICKET).isEnded();
        Long ticketId = (Long) engine.getHistoryService().createHistoricVariableInstanceQuery()
                .processInstanceId(ticket.getId()).variableName(SupportTicketProcess.TICKET_ID).singleResult().getValue();
        assertThat(tickets.findById(ticketId).orElseThrow().getState()).isEqualTo(Ticket.State.CLOSED);
    }

    @Test
    void scenario08_theMostRecentPrepaidLineWithHoursLeftIsChosen() {
        Customer other = fixtures.customer();
        Long older = fixtures.confirmedOrder(other, fixtures.prepaid("100"), "10");
        fixtures.confirmedOrder(other, fixtures.postpaid("80"), "10");
        Long newest = fixtures.confirmedOrder(other, fixtures.prepaid("100"), "5");
        fixtures.log(fixtures.employee(), fixtures.line(newest), "5");

        ProcessInstance ticket = people.openTicket(other.getName(), null);

        assertThat(ticket).variables().containsEntry(ShowLineFiguresListener.ORDER_LINE_ID, fixtures.line(older));
    }

    @Test
    void aPostpaidLineIsChosenByHandAndAnUnknownOrderIsRefused() {
        Long postpaid = fixtures.confirmedOrder(customer, fixtures.postpaid("80"), "10");

        ProcessInstance ticket = people.openTicket(customer.getName(), fixtures.orderNumber(postpaid));

        assertThat(ticket).variables().containsEntry(ShowLineFiguresListener.ORDER_LINE_ID, fixtures.line(postpaid));
        assertThatThrownBy(() -> people.openTicket(customer.getName(), "S99999"))
                .hasMessageContaining("Unknown sales order S99999.");
    }
}
