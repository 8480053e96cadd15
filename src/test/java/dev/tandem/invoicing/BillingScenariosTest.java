package dev.tandem.invoicing;

import static dev.tandem.BillingFixtures.today;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Year;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.tandem.BillingFixtures;
import dev.tandem.BillingFixtures.InvoiceView;
import dev.tandem.TandemIntegrationTest;
import dev.tandem.catalog.Customer;
import dev.tandem.catalog.Employee;
import dev.tandem.catalog.Product;
import dev.tandem.common.BillingException;
import dev.tandem.helpdesk.HelpdeskTeam;
import dev.tandem.helpdesk.HelpdeskTeamRepository;
import dev.tandem.helpdesk.TicketService;
import dev.tandem.invoicing.InvoiceStatus;
import dev.tandem.invoicing.LineFigures;
import dev.tandem.invoicing.OrderFigures;
import dev.tandem.sales.SalesOrderService;
import dev.tandem.timesheets.TimesheetEntry;
import dev.tandem.timesheets.TimesheetEntryRepository;
import dev.tandem.timesheets.TimesheetService;
import dev.tandem.timesheets.TimesheetTarget;

/** Scenarios 1–19 of BILLING-RULES.md at the service level (timer scenarios 20–22: TimerScenariosTest). */
@TandemIntegrationTest
class BillingScenariosTest {

    @Autowired BillingFixtures fixtures;
    @Autowired SalesOrderService salesOrders;
    @Autowired OrderFigures figures;
    @Autowired InvoicingService invoicing;
    @Autowired DownPayments downPayments;
    @Autowired CreditNotes creditNotes;
    @Autowired TimesheetService timesheets;
    @Autowired TicketService tickets;
    @Autowired HelpdeskTeamRepository teams;
    @Autowired BillingIntegrityCheck integrity;
    @Autowired TimesheetEntryRepository timesheetEntries;
    @Autowired JdbcTemplate jdbc;

    @AfterEach
    void ledgerStaysIntact() {
        assertThat(integrity.run().violations()).isEmpty();
    }

    private Long prepaidOrder(Customer customer, String hours) {
        return fixtures.confirmedOrder(customer, fixtures.prepaid("100"), hours);
    }

    private Long invoiceAndPost(Long orderId) {
        Invoice invoice = invoicing.createInvoice(orderId, TimesheetsPeriod.ALL, false);
        invoicing.post(invoice.getId());
        return invoice.getId();
    }

    private Long ticketOn(Customer customer) {
        HelpdeskTeam team = teams.save(new HelpdeskTeam("Team " + customer.getName(), true, true));
        return tickets.open(customer.getId(), team.getId(), "Printer offline", "Third floor", null).getId();
    }

    private void logOnTicket(Employee employee, Long ticketId, String hours) {
        timesheets.recordHours(employee.getId(), tickets.timeTarget(ticketId), today(), new BigDecimal(hours),
                "Helped the customer");
    }

    @Test
    void timeBilledAtZeroMakesNoInvoiceOfZero() {
        Long order = fixtures.confirmedOrder(fixtures.customer(), fixtures.postpaid("0"), "10");
        fixtures.log(fixtures.employee(), fixtures.line(order), "2");

        assertThatThrownBy(() -> invoicing.createInvoice(order, TimesheetsPeriod.ALL, false))
                .hasMessage("Nothing to invoice on %s: what is left to invoice comes to 0.00."
                        .formatted(fixtures.orderNumber(order)));
        assertThat(figures.ofLine(fixtures.line(order)).invoiced()).isEqualByComparingTo("0");
    }

    @Test
    void scenario01_confirmedPrepaidOrderIsToInvoiceWithAllHoursRemaining() {
        Long order = prepaidOrder(fixtures.customer(), "10");

        OrderFigures.Summary summary = figures.ofOrder(order);
        LineFigures line = summary.lines().get(0);
        assertThat(summary.status()).isEqualTo(InvoiceStatus.TO_INVOICE);
        assertThat(line.toInvoice()).isEqualByComparingTo("10");
        assertThat(line.remaining()).isEqualByComparingTo("10");
    }

    @Test
    void scenario02_invoicingPrepaidHoursBillsThemAllAndMarksTheOrderInvoiced() {
        Long order = prepaidOrder(fixtures.customer(), "10");

        InvoiceView invoice = fixtures.view(invoiceAndPost(order));

        assertThat(invoice.lines()).singleElement().satisfies(line -> {
            assertThat(line.quantity()).isEqualByComparingTo("10");
            assertThat(line.subtotal()).isEqualByComparingTo("1000.00");
        });
        assertThat(invoice.total()).isEqualByComparingTo("1000.00");
        assertThat(figures.ofOrder(order).status()).isEqualTo(InvoiceStatus.INVOICED);
        assertThat(figures.ofOrder(order).lines().get(0).status()).isEqualTo(InvoiceStatus.INVOICED);
    }

    @Test
    void scenario03_timeOnATicketDrawsFromPrepaidHours() {
        Customer customer = fixtures.customer();
        Long order = prepaidOrder(customer, "10");
        invoiceAndPost(order);
        Long ticket = ticketOn(customer);

        logOnTicket(fixtures.employee(), ticket, "4");

        LineFigures line = figures.ofOrder(order).lines().get(0);
        assertThat(line.delivered()).isEqualByComparingTo("4");
        assertThat(line.remaining()).isEqualByComparingTo("6");
        assertThat(figures.ofOrder(order).status()).isEqualTo(InvoiceStatus.INVOICED);
    }

    @Test
    void scenario04_overdrawnPrepaidHoursAreRedUpsellingAndAskForExactlyOneUpsell() {
        Customer customer = fixtures.customer();
        Long order = prepaidOrder(customer, "10");
        Long line = fixtures.line(order);
        invoiceAndPost(order);
        Long ticket = ticketOn(customer);
        Employee employee = fixtures.employee();

        logOnTicket(employee, ticket, "4");
        assertThat(timesheets.requestUpsellIfDue(line)).isFalse();
        logOnTicket(employee, ticket, "7");
        LineFigures figuresAfter = figures.ofLine(line);
        assertThat(figuresAfter.delivered()).isEqualByComparingTo("11");
        assertThat(figuresAfter.remaining()).isEqualByComparingTo("-1");
        assertThat(figuresAfter.isOverdrawn()).isTrue();
        assertThat(figures.ofOrder(order).status()).isEqualTo(InvoiceStatus.UPSELLING);
        assertThat(timesheets.requestUpsellIfDue(line)).isTrue();

        timesheets.recordHours(fixtures.employee().getId(), tickets.timeTarget(ticket), today(), BigDecimal.ONE,
                "More help");
        assertThat(timesheets.requestUpsellIfDue(line)).isFalse();
    }

    @Test
    void scenario05_prepaidHoursDeliveredBeforeInvoicingStillBillTheOrderedHours() {
        Customer customer = fixtures.customer();
        Long order = prepaidOrder(customer, "10");
        Long ticket = ticketOn(customer);
        Employee employee = fixtures.employee();
        logOnTicket(employee, ticket, "4");
        logOnTicket(employee, ticket, "7");

        assertThat(figures.ofOrder(order).status()).isEqualTo(InvoiceStatus.TO_INVOICE);
        InvoiceView invoice = fixtures.view(invoicing.createInvoice(order, TimesheetsPeriod.ALL, false).getId());
        assertThat(invoice.lines()).singleElement().satisfies(l -> assertThat(l.quantity()).isEqualByComparingTo("10"));
    }

    @Test
    void scenario06_upsellThresholdIsStrictlyExceeded() {
        Customer customer = fixtures.customer();
        Product product = fixtures.save(Product.service("PRE80-" + customer.getId(), "Prepaid support hours",
                Product.BillingPolicy.PREPAID, Product.Unit.HOUR, "100").withUpsellThreshold("0.8"));
        Long order = fixtures.confirmedOrder(customer, product, "10");
        Long line = fixtures.line(order);
        invoiceAndPost(order);
        Employee employee = fixtures.employee();

        fixtures.log(employee, line, "8");
        assertThat(timesheets.requestUpsellIfDue(line)).isFalse();
        fixtures.log(employee, line, "0.5");
        assertThat(timesheets.requestUpsellIfDue(line)).isTrue();
        assertThat(timesheets.requestUpsellIfDue(line)).isFalse();
    }

    @Test
    void scenario07_prepaidEntryEditedAfterPostingChangesDeliveredNotTheInvoice() {
        Long order = prepaidOrder(fixtures.customer(), "10");
        Long line = fixtures.line(order);
        Long invoiceId = invoiceAndPost(order);
        Employee employee = fixtures.employee();
        TimesheetEntry entry = fixtures.log(employee, line, "4");

        timesheets.change(entry.getId(), employee.getId(), entry.getWorkDate(), new BigDecimal("5"), line);

        assertThat(figures.ofLine(line).delivered()).isEqualByComparingTo("5");
        assertThat(fixtures.view(invoiceId).total()).isEqualByComparingTo("1000.00");
    }

    @Test
    void scenario08_newTicketPicksTheMostRecentPrepaidLineWithHoursLeft() {
        Customer customer = fixtures.customer();
        Employee employee = fixtures.employee();
        int year = today().getYear() - 1;
        Long orderA = fixtures.quotation(customer, LocalDate.of(year, 1, 10), fixtures.prepaid("100"), "10");
        Long orderB = fixtures.quotation(customer, LocalDate.of(year, 3, 10), fixtures.prepaid("100"), "5");
        Long orderC = fixtures.quotation(customer, LocalDate.of(year, 2, 10), fixtures.postpaid("80"), "10");
        Set.of(orderA, orderB, orderC).forEach(salesOrders::confirm);
        fixtures.log(employee, fixtures.line(orderA), "8");
        TimesheetEntry onB = fixtures.log(employee, fixtures.line(orderB), "5");

        assertThat(tickets.automaticLine(customer.getId())).hasValueSatisfying(
                line -> assertThat(line.getId()).isEqualTo(fixtures.line(orderA)));

        timesheets.change(onB.getId(), employee.getId(), onB.getWorkDate(), new BigDecimal("4"), fixtures.line(orderB));
        Long ticket = ticketOn(customer);
        assertThat(tickets.automaticLine(customer.getId())).hasValueSatisfying(
                line -> assertThat(line.getId()).isEqualTo(fixtures.line(orderB)));
        logOnTicket(employee, ticket, "1");
        assertThat(figures.ofLine(fixtures.line(orderB)).remaining()).isEqualByComparingTo("0");
    }

    @Test
    void scenario09_postpaidOrderCannotBeInvoicedBeforeTimeIsDelivered() {
        Long order = fixtures.confirmedOrder(fixtures.customer(), fixtures.postpaid("80"), "10");

        assertThat(figures.ofOrder(order).status()).isEqualTo(InvoiceStatus.NOTHING);
        assertThatThrownBy(() -> invoicing.createInvoice(order, TimesheetsPeriod.ALL, false))
                .isInstanceOf(BillingException.class)
                .hasMessageContaining("no time or material has been delivered yet");
        Invoice downPayment = downPayments.create(order, DownPayment.percentage("10"));
        assertThat(fixtures.view(downPayment.getId()).total()).isEqualByComparingTo("80.00");
    }

    @Test
    void scenario10_deliveredPostpaidTimeIsInvoicedAndAllocated() {
        Long order = fixtures.confirmedOrder(fixtures.customer(), fixtures.postpaid("80"), "10");
        Long line = fixtures.line(order);
        Employee employee = fixtures.employee();
        TimesheetEntry first = fixtures.log(employee, line, "3");
        TimesheetEntry second = fixtures.log(employee, line, "2.5");
        assertThat(figures.ofLine(line).delivered()).isEqualByComparingTo("5.5");
        assertThat(figures.ofOrder(order).status()).isEqualTo(InvoiceStatus.TO_INVOICE);

        InvoiceView invoice = fixtures.view(invoicing.createInvoice(order, TimesheetsPeriod.ALL, false).getId());

        assertThat(invoice.total()).isEqualByComparingTo("440.00");
        assertThat(invoice.lines()).singleElement().satisfies(l -> {
            assertThat(l.quantity()).isEqualByComparingTo("5.5");
            assertThat(l.entryIds()).containsExactlyInAnyOrder(first.getId(), second.getId());
        });
        assertThat(figures.ofLine(line).status()).isEqualTo(InvoiceStatus.NOTHING);
    }

    @Test
    void scenario11_hoursOfADraftInvoicedEntryAreLockedButItsDescriptionIsNot() {
        Long order = fixtures.confirmedOrder(fixtures.customer(), fixtures.postpaid("80"), "10");
        Long line = fixtures.line(order);
        Employee employee = fixtures.employee();
        TimesheetEntry entry = fixtures.log(employee, line, "3");
        invoicing.createInvoice(order, TimesheetsPeriod.ALL, false);

        assertThatThrownBy(() -> timesheets.change(entry.getId(), employee.getId(), entry.getWorkDate(),
                new BigDecimal("4"), line))
                .isInstanceOf(BillingException.class)
                .hasMessage("You cannot modify timesheets that are already invoiced.");
        assertThat(timesheets.describe(entry.getId(), "Replaced the switch").getDescription())
                .isEqualTo("Replaced the switch");
        assertThat(figures.ofLine(line).delivered()).isEqualByComparingTo("3");
    }

    @Test
    void scenario12_timesheetsPeriodBillsOnlyTimeInsideIt() {
        Product post = fixtures.postpaid("80");
        Long order = fixtures.confirmedOrder(fixtures.customer(), post, "100", post, "100");
        Long l1 = fixtures.lines(order).get(0);
        Long l2 = fixtures.lines(order).get(1);
        LocalDate day0 = today();
        fixtures.log(fixtures.employee(), l1, day0.minusDays(6), "10");
        fixtures.log(fixtures.employee(), l1, day0.minusDays(5), "10");
        fixtures.log(fixtures.employee(), l1, day0.minusDays(1), "20");
        fixtures.log(fixtures.employee(), l2, day0, "15");
        fixtures.log(fixtures.employee(), l2, day0, "15");

        assertThatThrownBy(() -> invoicing.createInvoice(order,
                new TimesheetsPeriod(day0.minusDays(16), day0.minusDays(10)), false))
                .hasMessageContaining("in the period");

        InvoiceView narrow = fixtures.view(invoicing.createInvoice(order,
                new TimesheetsPeriod(day0.minusDays(10), day0.minusDays(6)), false).getId());
        assertThat(narrow.lines()).singleElement().satisfies(l -> assertThat(l.quantity()).isEqualByComparingTo("10"));
        invoicing.cancelDraft(narrow.id());

        InvoiceView wider = fixtures.view(invoicing.createInvoice(order,
                new TimesheetsPeriod(day0.minusDays(16), day0.minusDays(4)), false).getId());
        assertThat(wider.lines()).singleElement().satisfies(l -> assertThat(l.quantity()).isEqualByComparingTo("20"));
    }

    @Test
    void scenario13_periodLimitsTimeButFixedPriceItemsBillInFull() {
        Product fixedPrice = fixtures.save(Product.service("FIX-" + System.nanoTime(), "Setup fee",
                Product.BillingPolicy.PREPAID, Product.Unit.UNIT, "50"));
        Long order = fixtures.confirmedOrder(fixtures.customer(), fixedPrice, "1", fixtures.postpaid("80"), "20");
        Long time = fixtures.lines(order).get(1);
        int year = Year.now().getValue() - 1;
        Employee employee = fixtures.employee();
        TimesheetEntry june = fixtures.log(employee, time, LocalDate.of(year, 6, 12), "5");
        fixtures.log(employee, time, LocalDate.of(year, 7, 8), "3");

        InvoiceView invoice = fixtures.view(invoicing.createInvoice(order,
                new TimesheetsPeriod(LocalDate.of(year, 7, 1), LocalDate.of(year, 7, 31)), false).getId());

        assertThat(invoice.total()).isEqualByComparingTo("290.00");
        assertThat(invoice.lines()).flatExtracting(BillingFixtures.LineView::entryIds).doesNotContain(june.getId());
        assertThat(figures.ofLine(time).toInvoice()).isEqualByComparingTo("5");
    }

    @Test
    void scenario14_cancellingADraftReleasesItsEntries() {
        Long order = fixtures.confirmedOrder(fixtures.customer(), fixtures.postpaid("80"), "10");
        Long line = fixtures.line(order);
        Employee employee = fixtures.employee();
        TimesheetEntry entry = fixtures.log(employee, line, "3");
        Invoice draft = invoicing.createInvoice(order, TimesheetsPeriod.ALL, false);

        invoicing.cancelDraft(draft.getId());

        timesheets.change(entry.getId(), employee.getId(), entry.getWorkDate(), new BigDecimal("3.5"), line);
        InvoiceView again = fixtures.view(invoicing.createInvoice(order, TimesheetsPeriod.ALL, false).getId());
        assertThat(again.lines()).singleElement().satisfies(l -> {
            assertThat(l.entryIds()).containsExactly(entry.getId());
            assertThat(l.quantity()).isEqualByComparingTo("3.5");
        });
    }

    @Test
    void theIntegrityCheckNamesAnEntryWhoseInvoicedMinutesAreNotTheLedgers() {
        Long order = fixtures.confirmedOrder(fixtures.customer(), fixtures.postpaid("80"), "10");
        TimesheetEntry entry = fixtures.log(fixtures.employee(), fixtures.line(order), "2");
        invoiceAndPost(order);
        assertThat(timesheetEntries.findById(entry.getId()).orElseThrow().getInvoicedMinutes()).isEqualTo(120);

        try {
            jdbc.update("update timesheet_entry set invoiced_minutes = 0 where id = ?", entry.getId());
            assertThat(integrity.run().violations()).contains(
                    "Timesheet entry %d counts 0 invoiced minutes but the ledger holds 120.".formatted(entry.getId()));
        } finally {
            jdbc.update("update timesheet_entry set invoiced_minutes = 120 where id = ?", entry.getId());
        }
    }

    @Test
    void scenario15_fullCreditNoteLetsTheSameTimeBeInvoicedAgain() {
        Long order = fixtures.confirmedOrder(fixtures.customer(), fixtures.postpaid("80"), "10");
        Long line = fixtures.line(order);
        fixtures.log(fixtures.employee(), line, today().minusDays(2), "6");
        fixtures.log(fixtures.employee(), line, today().minusDays(1), "4");
        TimesheetsPeriod period = new TimesheetsPeriod(today().minusDays(7), today());
        Invoice first = invoicing.createInvoice(order, period, false);
        invoicing.post(first.getId());

        Invoice credit = creditNotes.create(first.getId(), Set.of());
        invoicing.post(credit.getId());
        InvoiceView creditView = fixtures.view(credit.getId());
        assertThat(creditView.number()).startsWith("RINV/");
        assertThat(creditView.total()).isEqualByComparingTo("-800.00");

        InvoiceView again = fixtures.view(invoicing.createInvoice(order, period, false).getId());
        assertThat(again.lines()).singleElement().satisfies(l -> assertThat(l.quantity()).isEqualByComparingTo("10"));
    }

    @Test
    void onlyAPostedInvoiceOfTheOrderIsOfferedForCreditAndACreditNoteNamesItsOrders() {
        Long order = fixtures.confirmedOrder(fixtures.customer(), fixtures.postpaid("80"), "10");
        Long other = fixtures.confirmedOrder(fixtures.customer(), fixtures.postpaid("80"), "10");
        Employee employee = fixtures.employee();
        Long entry = fixtures.log(employee, fixtures.line(order), "2").getId();
        fixtures.log(employee, fixtures.line(other), "1");
        Invoice invoice = invoicing.post(invoicing.createInvoice(order, TimesheetsPeriod.ALL, false).getId());
        Invoice otherInvoice = invoicing.post(invoicing.createInvoice(other, TimesheetsPeriod.ALL, false).getId());
        String number = fixtures.orderNumber(order);

        assertThat(creditNotes.offer(number, invoice.getNumber()).entries())
                .extracting(choice -> choice.get("value")).containsExactly(entry);
        Invoice credit = invoicing.post(creditNotes.create(invoice.getId(), Set.of()).getId());
        assertThat(fixtures.view(credit.getId()).orders()).isEqualTo(number);
        assertThatThrownBy(() -> creditNotes.offer(number, credit.getNumber()))
                .as("a credit note is not credited again").isInstanceOf(BillingException.class)
                .hasMessage("There is no posted invoice %s for order %s.", credit.getNumber(), number);
        assertThatThrownBy(() -> creditNotes.offer(number, otherInvoice.getNumber()))
                .as("another order's invoice").isInstanceOf(BillingException.class);
    }

    @Test
    void scenario16_partialCreditReleasesExactlyTheCreditedMinutes() {
        Long order = fixtures.confirmedOrder(fixtures.customer(), fixtures.postpaid("80"), "10");
        Long line = fixtures.line(order);
        Employee employee = fixtures.employee();
        TimesheetEntry kept = fixtures.log(employee, line, today().minusDays(2), "4.5");
        TimesheetEntry credited = fixtures.log(employee, line, today().minusDays(1), "4.5");
        Invoice invoice = invoicing.createInvoice(order, TimesheetsPeriod.ALL, false);
        invoicing.post(invoice.getId());

        Invoice credit = creditNotes.create(invoice.getId(), Set.of(credited.getId()));
        invoicing.post(credit.getId());
        assertThat(fixtures.view(credit.getId()).lines()).singleElement()
                .satisfies(l -> assertThat(l.quantity()).isEqualByComparingTo("-4.5"));

        InvoiceView again = fixtures.view(invoicing.createInvoice(order, TimesheetsPeriod.ALL, false).getId());
        assertThat(again.lines()).singleElement().satisfies(l -> {
            assertThat(l.quantity()).isEqualByComparingTo("4.5");
            assertThat(l.entryIds()).containsExactly(credited.getId()).doesNotContain(kept.getId());
        });
    }

    @Test
    void scenario17_percentageDownPaymentIsDeductedOnTheFinalInvoice() {
        Product post = fixtures.save(Product.service("POST21-" + System.nanoTime(), "Service on Timesheets",
                Product.BillingPolicy.TIMESHEET, Product.Unit.HOUR, "100").withTaxRate("21"));
        Long order = fixtures.confirmedOrder(fixtures.customer(), post, "10");
        Invoice downPayment = downPayments.create(order, DownPayment.percentage("30"));
        InvoiceView dp = fixtures.view(downPayment.getId());
        assertThat(dp.untaxed()).isEqualByComparingTo("300.00");
        assertThat(dp.tax()).isEqualByComparingTo("63.00");
        assertThat(dp.total()).isEqualByComparingTo("363.00");
        invoicing.post(downPayment.getId());

        fixtures.log(fixtures.employee(), fixtures.line(order), "8");
        fixtures.log(fixtures.employee(), fixtures.line(order), "4");
        InvoiceView last = fixtures.view(invoicing.createInvoice(order, TimesheetsPeriod.ALL, true).getId());

        assertThat(last.moveType()).isEqualTo(Invoice.MoveType.INVOICE);
        assertThat(last.untaxed()).isEqualByComparingTo("900.00");
        assertThat(last.tax()).isEqualByComparingTo("189.00");
        assertThat(last.total()).isEqualByComparingTo("1089.00");
        assertThat(last.lines()).anySatisfy(l -> {
            assertThat(l.kind()).isEqualTo(InvoiceLine.Kind.DOWN_PAYMENT_DEDUCTION);
            assertThat(l.quantity()).isEqualByComparingTo("-1");
            assertThat(l.subtotal()).isEqualByComparingTo("-300.00");
        });
    }

    @Test
    void scenario18_fixedDownPaymentHitsTheAmountToTheCent() {
        Product post = fixtures.save(Product.service("POST21-" + System.nanoTime(), "Service on Timesheets",
                Product.BillingPolicy.TIMESHEET, Product.Unit.HOUR, "100").withTaxRate("21"));
        Long order = fixtures.confirmedOrder(fixtures.customer(), post, "10");

        InvoiceView dp = fixtures.view(downPayments.create(order, DownPayment.fixed("500")).getId());

        assertThat(dp.untaxed()).isEqualByComparingTo("413.22");
        assertThat(dp.tax()).isEqualByComparingTo("86.78");
        assertThat(dp.total()).isEqualByComparingTo("500.00");
    }

    @Test
    void scenario19_finalInvoiceBelowTheDownPaymentBecomesACreditNote() {
        Product post = fixtures.save(Product.service("POST21-" + System.nanoTime(), "Service on Timesheets",
                Product.BillingPolicy.TIMESHEET, Product.Unit.HOUR, "100").withTaxRate("21"));
        Long order = fixtures.confirmedOrder(fixtures.customer(), post, "10");
        Invoice downPayment = downPayments.create(order, DownPayment.percentage("30"));
        invoicing.post(downPayment.getId());
        fixtures.log(fixtures.employee(), fixtures.line(order), "2");

        Invoice last = invoicing.createInvoice(order, TimesheetsPeriod.ALL, true);
        invoicing.post(last.getId());

        InvoiceView view = fixtures.view(last.getId());
        assertThat(view.moveType()).isEqualTo(Invoice.MoveType.CREDIT_NOTE);
        assertThat(view.number()).startsWith("RINV/");
        assertThat(view.total()).isEqualByComparingTo("-121.00");
        assertThat(last.shown(view.total())).isEqualByComparingTo("121.00");
    }
}
