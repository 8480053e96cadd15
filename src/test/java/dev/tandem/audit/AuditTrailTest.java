package dev.tandem.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import dev.tandem.BillingFixtures;
import dev.tandem.TandemIntegrationTest;
import dev.tandem.catalog.Employee;
import dev.tandem.invoicing.Invoice;
import dev.tandem.invoicing.InvoiceRepository;
import dev.tandem.invoicing.InvoicingService;
import dev.tandem.invoicing.TimesheetsPeriod;
import dev.tandem.common.ActingUser;
import dev.tandem.timesheets.TimesheetEntry;
import dev.tandem.timesheets.TimesheetService;
import dev.tandem.timesheets.TimesheetTarget;

/** Every change to billing data leaves who, when, and the old and new values; a refused or rolled-back change leaves nothing. */
@TandemIntegrationTest
class AuditTrailTest {

    @Autowired AuditTrail trail;
    @Autowired BillingFixtures fixtures;
    @Autowired TimesheetService timesheets;
    @Autowired InvoicingService invoicing;
    @Autowired ActingUser acting;
    @Autowired TransactionTemplate transactions;
    @Autowired InvoiceRepository invoices;

    private final LocalDate today = BillingFixtures.today();

    /** Hannah from the helpdesk logs a colleague's time, in her own name. */
    private TimesheetEntry logged(Employee employee, Long order, String hours) {
        return acting.as("hannah", () -> timesheets.recordHours(employee.getId(),
                TimesheetTarget.orderLine(fixtures.line(order)), today, new BigDecimal(hours), "Configured the VPN"));
    }

    @Test
    void recordingAndCorrectingAnEntrySaysWhoChangedWhatFromWhatToWhat() {
        Employee employee = fixtures.employee();
        Long order = fixtures.confirmedOrder(fixtures.customer(), fixtures.postpaid("80"), "10");
        TimesheetEntry entry = logged(employee, order, "1.5");

        timesheets.change(entry.getId(), employee.getId(), today, new BigDecimal("2"), fixtures.line(order));

        assertThat(trail.of("TimesheetEntry", entry.getId()))
                .filteredOn(change -> change.property().equals("billedMinutes"))
                .extracting(AuditTrail.Change::action, AuditTrail.Change::changedBy, AuditTrail.Change::oldValue,
                        AuditTrail.Change::newValue)
                .containsExactly(
                        tuple("INSERT", "hannah", null, "90"),
                        tuple("UPDATE", AuditTrailRecorder.SYSTEM, "90", "120"));
        assertThat(trail.of("TimesheetEntry", entry.getId()))
                .anySatisfy(change -> {
                    assertThat(change.property()).isEqualTo("employee");
                    assertThat(change.newValue()).isEqualTo(String.valueOf(employee.getId()));
                });
    }

    @Test
    void postingAnInvoiceIsOnTheTrailWithItsNumber() {
        Employee employee = fixtures.employee();
        Long order = fixtures.confirmedOrder(fixtures.customer(), fixtures.postpaid("80"), "10");
        TimesheetEntry entry = logged(employee, order, "1");
        Invoice draft = invoicing.createInvoice(order, TimesheetsPeriod.ALL, false);

        Invoice posted = acting.as("alice", () -> invoicing.post(draft.getId()));

        assertThat(trail.of("Invoice", draft.getId()))
                .filteredOn(change -> change.action().equals("UPDATE"))
                .extracting(AuditTrail.Change::property, AuditTrail.Change::changedBy, AuditTrail.Change::newValue)
                .contains(tuple("number", "alice", posted.getNumber()),
                        tuple("state", "alice", "POSTED"));
        Long allocation = transactions.execute(status -> invoices.findById(draft.getId()).orElseThrow()
                .getLines().get(0).getAllocations().get(0).getId());
        assertThat(trail.of("BillingAllocation", allocation))
                .extracting(AuditTrail.Change::property).contains("minutes", "entry", "invoiceLine");
        assertThat(trail.of("TimesheetEntry", entry.getId()))
                .as("the ledger's rows say what was invoiced; the entry's own count of it adds nothing to the trail")
                .isNotEmpty()
                .noneMatch(change -> change.property().equals("invoicedMinutes"))
                .allMatch(change -> change.action().equals("INSERT"));
    }

    @Test
    void aRefusedOrRolledBackChangeLeavesNoTrail() {
        Employee employee = fixtures.employee();
        Long order = fixtures.confirmedOrder(fixtures.customer(), fixtures.postpaid("80"), "10");
        TimesheetEntry entry = logged(employee, order, "1");
        invoicing.createInvoice(order, TimesheetsPeriod.ALL, false);

        assertThatThrownBy(() -> timesheets.change(entry.getId(), employee.getId(), today, new BigDecimal("3"),
                fixtures.line(order))).hasMessage(TimesheetService.ALREADY_INVOICED);
        Long rolledBack = transactions.execute(status -> {
            Long id = timesheets.recordHours(employee.getId(), TimesheetTarget.orderLine(fixtures.line(order)), today,
                    BigDecimal.ONE, "Never saved").getId();
            status.setRollbackOnly();
            return id;
        });

        assertThat(trail.of("TimesheetEntry", entry.getId())).extracting(AuditTrail.Change::action)
                .containsOnly("INSERT");
        assertThat(trail.of("TimesheetEntry", rolledBack)).isEmpty();
    }
}
