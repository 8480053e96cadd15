package dev.tandem.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.tandem.BillingFixtures;
import dev.tandem.TandemIntegrationTest;
import dev.tandem.catalog.Product;
import dev.tandem.common.ActingUser;

/** "Why does this invoice bill 4.5 hours, who recorded them, and who approved it?", answered from the data. */
@TandemIntegrationTest
class BillingLineageTest {

    @Autowired AuditStories stories;
    @Autowired BillingLineage lineage;
    @Autowired ActingUser acting;

    @Test
    void anInvoiceShowsTheEntriesItBillsWhoRecordedThemAndWhoApprovedIt() {
        AuditStories.BilledTicketTime story = stories.fourAndAHalfHoursApprovedByAlice();

        BillingLineage.InvoiceLineage invoice = acting.as("audrey", () -> lineage.ofInvoice(story.invoiceNumber()));

        assertThat(invoice.hoursBilled()).isEqualTo("4:30 h · 4.50 h");
        assertThat(invoice.entries()).extracting(BillingLineage.Entry::minutes, BillingLineage.Entry::employee,
                        BillingLineage.Entry::recordedBy)
                .containsExactly(
                        tuple(180, story.recordedBy().getName(), story.recordedBy().getUserId()),
                        tuple(90, story.recordedBy().getName(), story.recordedBy().getUserId()));
        assertThat(invoice.entries()).allSatisfy(entry -> assertThat(entry.workedOn()).startsWith("ticket T"));
        assertThat(invoice.processes()).singleElement().satisfies(run -> {
            assertThat(run.processInstanceId()).isEqualTo(story.order().getId());
            assertThat(run.userSteps()).extracting(BillingLineage.Step::name, BillingLineage.Step::doneBy)
                    .contains(tuple("Review draft invoice", "alice"));
        });
        assertThat(invoice.changes()).anySatisfy(change -> {
            assertThat(change.property()).isEqualTo("state");
            assertThat(change.newValue()).isEqualTo("POSTED");
            assertThat(change.by()).isEqualTo("alice");
            assertThat(change.processInstanceId()).as("posted by a step of the order's process")
                    .isEqualTo(story.order().getId());
        });
    }

    @Test
    void anEntryShowsTheInvoiceThatHoldsIt() {
        AuditStories.BilledTicketTime story = stories.fourAndAHalfHoursApprovedByAlice();
        Long entryId = lineage.ofInvoice(story.invoiceNumber()).entries().get(0).id();

        BillingLineage.EntryLineage entry = lineage.ofEntry(entryId);

        assertThat(entry.heldBy()).extracting(BillingLineage.Holder::number, BillingLineage.Holder::minutes)
                .containsExactly(tuple(story.invoiceNumber(), 180));
        assertThat(entry.changes()).extracting(BillingLineage.Change::action).contains("INSERT");
    }

    @Test
    void theAuditTrailIsBrowsedByRecordTypePersonAndDay() {
        AuditStories.BilledTicketTime story = stories.fourAndAHalfHoursApprovedByAlice();
        LocalDate today = BillingFixtures.today();

        List<BillingLineage.TrailRow> byAlice = lineage.recentChanges("Invoice", "alice", today, today);

        assertThat(byAlice).isNotEmpty().allSatisfy(row -> {
            assertThat(row.entity()).isEqualTo("Invoice");
            assertThat(row.by()).isEqualTo("alice");
        });
        assertThat(byAlice).anySatisfy(row -> {
            assertThat(row.property()).isEqualTo("number");
            assertThat(row.newValue()).isEqualTo(story.invoiceNumber());
        });
        assertThat(lineage.recentChanges("Invoice", "alice", today.minusDays(3), today.minusDays(2))).isEmpty();
        assertThat(lineage.recentChanges("TimesheetEntry", story.recordedBy().getUserId(), null, null))
                .extracting(BillingLineage.TrailRow::newValue).contains("Restored the mail server");
    }

    @Test
    void anUnknownInvoiceIsSaidSo() {
        assertThatThrownBy(() -> lineage.ofInvoice("INV/1999/00001")).hasMessage("Unknown invoice INV/1999/00001.");
    }

    @Autowired BillingFixtures fixtures;

    @Test
    void theTrailNamesRecordsAndShowsTextThatLooksLikeATimeAsTyped() {
        String looksLikeATime = "2026-11-23T14:05Z";
        Long order = fixtures.confirmedOrder(fixtures.customer(), fixtures.save(Product.service(
                "LOOKS-" + System.nanoTime(), looksLikeATime, Product.BillingPolicy.TIMESHEET, Product.Unit.HOUR, "80")), "1");
        String number = fixtures.orderNumber(order);

        List<BillingLineage.TrailRow> rows = lineage.recentChanges("SalesOrderLine", null, null, null);

        assertThat(rows).filteredOn(row -> "description".equals(row.property()) && (number + " line 1").equals(
                        row.record().replace("SalesOrderLine ", "")))
                .singleElement().satisfies(row -> assertThat(row.newValue()).isEqualTo(looksLikeATime));
        assertThat(lineage.recentChanges("SalesOrderLine", null, null, null))
                .filteredOn(row -> "order".equals(row.property()) && row.record().startsWith("SalesOrderLine " + number))
                .singleElement().satisfies(row -> assertThat(row.newValue()).as("the order by its number").isEqualTo(number));
    }
}
