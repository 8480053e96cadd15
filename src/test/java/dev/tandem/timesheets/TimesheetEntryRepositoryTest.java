package dev.tandem.timesheets;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.orm.jpa.DataJpaTest;
import org.springframework.test.context.jdbc.Sql;

/**
 * The queries that decide which time is still to invoice and how much was delivered, on the schema
 * Flyway builds (a JPA slice: no engine, no web). One order line with four entries: billable
 * and open on 1 and 3 December, billable but held by the ledger, not billable; and an entry of
 * another line.
 */
@DataJpaTest
@Sql(statements = {
        "insert into customer (id, name, time_zone, language) values (901, 'Slice Customer', 'Europe/Brussels', 'en')",
        "insert into product (id, code, name, kind, billing_policy, unit, list_price, tax_rate, cost, upsell_threshold,"
                + " allow_negative_stock) values (901, 'SLICE', 'Slice hours', 'SERVICE', 'TIMESHEET', 'HOUR', 80, 21, 0,"
                + " 1, false)",
        "insert into employee (id, name, user_id, time_zone, cost_rate) values (901, 'Slice Employee', 'slice',"
                + " 'Europe/Brussels', 0)",
        "insert into sales_order (id, number, customer_id, state, order_date, tax_rounding) values (901, 'S90901', 901,"
                + " 'CONFIRMED', '2026-12-01', 'PER_LINE')",
        "insert into sales_order_line (id, order_id, position, product_id, description, ordered_quantity, unit_price,"
                + " tax_rate, down_payment) values (901, 901, 1, 901, 'Hours', 10, 80, 21, false),"
                + " (902, 901, 2, 901, 'Other hours', 10, 80, 21, false)",
        "insert into timesheet_entry (id, employee_id, work_date, actual_minutes, billed_minutes, description, billable,"
                + " sales_order_line_id, invoiced_minutes) values"
                + " (9001, 901, '2026-12-01', 60, 60, 'open', true, 901, 0),"
                + " (9002, 901, '2026-12-03', 30, 45, 'open later', true, 901, 0),"
                + " (9003, 901, '2026-12-02', 90, 90, 'invoiced', true, 901, 90),"
                + " (9004, 901, '2026-12-02', 20, 20, 'not billable', false, null, 0),"
                + " (9005, 901, '2026-12-02', 15, 15, 'other line', true, 902, 0)"})
class TimesheetEntryRepositoryTest {

    private static final LocalDate FIRST = LocalDate.of(2026, 12, 1);
    private static final LocalDate SECOND = LocalDate.of(2026, 12, 2);
    private static final LocalDate LAST = LocalDate.of(2026, 12, 31);

    @Autowired TimesheetEntryRepository entries;

    @Test
    void deliveredTimeIsTheBillableMinutesOfTheLineInvoicedOrNot() {
        assertThat(entries.billableMinutes(901L)).isEqualTo(60 + 45 + 90);
        assertThat(entries.billableMinutes(902L)).isEqualTo(15);
    }

    @Test
    void timeToInvoiceIsBillableNotHeldByTheLedgerAndInThePeriodAndReadingAndLockingAgree() {
        assertThat(ids(entries.findUninvoiced(List.of(901L), FIRST, LAST))).containsExactly(9001L, 9002L);
        assertThat(ids(entries.findUninvoiced(List.of(901L), FIRST, SECOND))).containsExactly(9001L);
        assertThat(ids(entries.findUninvoiced(List.of(901L, 902L), FIRST, LAST))).containsExactly(9001L, 9002L, 9005L);
        assertThat(ids(entries.lockUninvoiced(List.of(901L, 902L), FIRST, LAST)))
                .isEqualTo(ids(entries.findUninvoiced(List.of(901L, 902L), FIRST, LAST)));
        assertThat(entries.hasUninvoiced(901L)).isTrue();
    }

    private static List<Long> ids(List<TimesheetEntry> found) {
        return found.stream().map(TimesheetEntry::getId).toList();
    }
}
