package dev.tandem.invoicing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import dev.tandem.BillingFixtures;
import dev.tandem.TandemIntegrationTest;
import dev.tandem.catalog.Employee;
import dev.tandem.catalog.Product;
import dev.tandem.common.BillingException;
import dev.tandem.common.Company;
import dev.tandem.money.TaxRounding;
import dev.tandem.sales.SalesOrderRepository;
import dev.tandem.sales.SalesOrderService;

/**
 * Money to the cent (issue 11), as named scenarios: POST2 = two lines of service on timesheets at
 * 85.50/h with 21 % tax, 1 h ordered each. Per line its tax is 2 × 17.96 = 35.92 (total 206.92); per
 * document 21 % of 171.00 = 35.91 (total 206.91).
 */
@TandemIntegrationTest
class TaxRoundingScenariosTest {

    @Autowired BillingFixtures fixtures;
    @Autowired InvoicingService invoicing;
    @Autowired DownPayments downPayments;
    @Autowired CreditNotes creditNotes;
    @Autowired SalesOrderService salesOrders;
    @Autowired SalesOrderRepository orders;
    @Autowired BillingIntegrityCheck integrity;
    @Autowired TransactionTemplate tx;
    @Autowired JdbcTemplate jdbc;

    @AfterEach
    void ledgerStaysIntact() {
        assertThat(integrity.run().violations()).isEmpty();
    }

    private Long post2(TaxRounding rounding) {
        Product service = fixtures.save(fixtures.postpaid("85.50").withTaxRate("21"));
        Long order = salesOrders.createQuotation(fixtures.customer().getId(), "sam", BillingFixtures.today(), rounding)
                .getId();
        salesOrders.addLine(order, service.getId(), BigDecimal.ONE, null);
        salesOrders.addLine(order, service.getId(), BigDecimal.ONE, null);
        salesOrders.confirm(order);
        return order;
    }

    private void deliverOneHourEach(Long order) {
        Employee employee = fixtures.employee();
        fixtures.lines(order).forEach(line -> fixtures.log(employee, line, "1"));
    }

    /** POST2 with a posted down payment of this percentage, delivered in full, and its posted final invoice. */
    private Invoice finalInvoiceAfterDownPayment(Long order, String percent) {
        invoicing.post(downPayments.create(order, DownPayment.percentage(percent)).getId());
        deliverOneHourEach(order);
        return invoicing.post(invoicing.createInvoice(order, TimesheetsPeriod.ALL, true).getId());
    }

    private BigDecimal shownTotal(Long order) {
        return tx.execute(status -> orders.findById(order).orElseThrow().ordered().total());
    }

    @ParameterizedTest
    @EnumSource(TaxRounding.class)
    void post2_downPayment100Percent_finalInvoiceOfEverythingDeliveredIsZeroAndNoCreditNote(TaxRounding rounding) {
        Long order = post2(rounding);
        Invoice downPayment = invoicing.post(downPayments.create(order, DownPayment.percentage("100"))
                .getId());
        assertThat(downPayment.getAmountTotal()).isEqualByComparingTo(
                rounding == TaxRounding.PER_LINE ? "206.92" : "206.91");
        deliverOneHourEach(order);

        Invoice last = invoicing.post(invoicing.createInvoice(order, TimesheetsPeriod.ALL, true).getId());

        assertThat(last.getAmountUntaxed()).isEqualByComparingTo("0.00");
        assertThat(last.getAmountTax()).isEqualByComparingTo("0.00");
        assertThat(last.getMoveType()).isEqualTo(Invoice.MoveType.INVOICE);
        assertThat(last.getNumber()).startsWith("INV/");
        assertThat(last.isSettlement()).isTrue();
    }

    @ParameterizedTest
    @EnumSource(TaxRounding.class)
    void post2_fixedDownPaymentOfTheShownTotal_isInvoicedToTheCentAndSettlesTheOrder(TaxRounding rounding) {
        Long order = post2(rounding);
        BigDecimal shown = shownTotal(order);
        assertThat(shown).isEqualByComparingTo(rounding == TaxRounding.PER_LINE ? "206.92" : "206.91");

        Invoice downPayment = invoicing.post(downPayments.create(order,
                DownPayment.fixed(shown.toPlainString())).getId());
        assertThat(downPayment.getAmountTotal()).isEqualByComparingTo(shown);
        deliverOneHourEach(order);

        Invoice last = invoicing.post(invoicing.createInvoice(order, TimesheetsPeriod.ALL, true).getId());
        assertThat(last.getAmountUntaxed()).isEqualByComparingTo("0.00");
        assertThat(last.getAmountTax()).isEqualByComparingTo("0.00");
        assertThat(last.isSettlement()).isTrue();
    }

    @Test
    void aSettledOrderCreditedInFullIsSettledAgainByItsNextInvoice() {
        Long order = post2(TaxRounding.PER_DOCUMENT);
        Invoice settled = finalInvoiceAfterDownPayment(order, "100");

        Invoice credit = invoicing.post(creditNotes.create(settled.getId(), null).getId());

        assertThat(credit.getAmountTotal()).isEqualByComparingTo("0.00");
        assertThat(credit.getNumber()).startsWith("RINV/");
        assertThat(invoicing.post(invoicing.createInvoice(order, TimesheetsPeriod.ALL, true).getId()).isSettlement())
                .isTrue();
    }

    @Test
    void post2PerDocument_taxIsComputedOncePerRate() {
        Long perDocument = post2(TaxRounding.PER_DOCUMENT);
        Long perLine = post2(TaxRounding.PER_LINE);
        deliverOneHourEach(perDocument);
        deliverOneHourEach(perLine);

        assertThat(invoicing.createInvoice(perDocument, TimesheetsPeriod.ALL, false).getAmountTax())
                .isEqualByComparingTo("35.91");
        assertThat(invoicing.createInvoice(perLine, TimesheetsPeriod.ALL, false).getAmountTax())
                .isEqualByComparingTo("35.92");
    }

    @Test
    void fixedDownPaymentOf0_43At21Percent_isRefusedWithTheNearestAmountsAndNothingIsSaved() {
        Long order = fixtures.confirmedOrder(fixtures.customer(), fixtures.save(fixtures.postpaid("100").withTaxRate("21")),
                "10");
        Integer linesBefore = tx.execute(status -> orders.findById(order).orElseThrow().getLines().size());

        assertThatThrownBy(() -> downPayments.create(order, DownPayment.fixed("0.43")))
                .isInstanceOf(BillingException.class)
                .hasMessageContaining("A down payment of exactly 0.43 cannot be reached")
                .hasMessageContaining("The nearest amounts are 0.42 and 0.44.");

        Integer linesAfter = tx.execute(status -> orders.findById(order).orElseThrow().getLines().size());
        assertThat(linesAfter).as("order lines after the refusal").isEqualTo(linesBefore);
        assertThat(downPayments.create(order, DownPayment.fixed("0.44")).getAmountTotal())
                .isEqualByComparingTo("0.44");
    }

    @Test
    void threeEntriesOf20MinutesAt80_55_invoicedInThreePeriods_addUpToOneHour() {
        Long order = fixtures.confirmedOrder(fixtures.customer(),
                fixtures.save(fixtures.postpaid("80.55").withTaxRate("21")), "1");
        Employee employee = fixtures.employee();
        var today = BillingFixtures.today();
        BigDecimal twentyMinutes = new BigDecimal("0.3333333333");
        BigDecimal billed = BigDecimal.ZERO;
        for (int day = 3; day >= 1; day--) {
            fixtures.log(employee, fixtures.line(order), today.minusDays(day), twentyMinutes.toPlainString());
        }
        for (int day = 3; day >= 1; day--) {
            Invoice invoice = invoicing.post(invoicing.createInvoice(order,
                    new TimesheetsPeriod(today.minusDays(day), today.minusDays(day)), false).getId());
            billed = billed.add(invoice.getAmountTotal());
        }

        // One hour at 80.55 with 21 % tax: 80.55 + 16.92; three invoices of 0.33 h alone would bill 79.74 + 16.74.
        assertThat(billed).isEqualByComparingTo("97.47");
    }

    @Test
    void aDownPaymentAlreadyDeductedCannotBeCredited() {
        Long order = post2(TaxRounding.PER_LINE);
        Invoice downPayment = invoicing.post(downPayments.create(order, DownPayment.percentage("50"))
                .getId());
        deliverOneHourEach(order);
        invoicing.post(invoicing.createInvoice(order, TimesheetsPeriod.ALL, true).getId());

        assertThatThrownBy(() -> creditNotes.create(downPayment.getId(), null))
                .isInstanceOf(BillingException.class)
                .hasMessageContaining("is deducted by a later invoice: credit that invoice first");
    }

    @Test
    void aCreditedDeductionGivesTheDownPaymentBack() {
        Long order = post2(TaxRounding.PER_LINE);
        Invoice downPayment = invoicing.post(downPayments.create(order, DownPayment.percentage("50"))
                .getId());
        deliverOneHourEach(order);
        Invoice last = invoicing.post(invoicing.createInvoice(order, TimesheetsPeriod.ALL, true).getId());
        invoicing.post(creditNotes.create(last.getId(), null).getId());

        Invoice again = invoicing.createInvoice(order, TimesheetsPeriod.ALL, true);
        assertThat(again.getLines()).as("the next final invoice deducts the down payment again")
                .filteredOn(line -> line.getKind() == InvoiceLine.Kind.DOWN_PAYMENT_DEDUCTION)
                .hasSize(2).hasSameSizeAs(last.getLines().stream()
                        .filter(line -> line.getKind() == InvoiceLine.Kind.DOWN_PAYMENT_DEDUCTION).toList());
        invoicing.cancelDraft(again.getId());
        assertThat(invoicing.post(creditNotes.create(downPayment.getId(), null).getId()).getAmountTotal())
                .as("or the down payment itself is credited").isEqualByComparingTo(downPayment.getAmountTotal().negate());
    }

    @Test
    void anOrderHasOneDraftAtATime() {
        Long order = post2(TaxRounding.PER_LINE);
        deliverOneHourEach(order);
        Invoice draft = invoicing.createInvoice(order, TimesheetsPeriod.ALL, false);

        assertThatThrownBy(() -> downPayments.create(order, DownPayment.percentage("10")))
                .hasMessage("%s is already being invoiced: its draft invoice is not posted yet. Post or cancel that "
                        .formatted(fixtures.orderNumber(order)) + "draft first.");
        invoicing.cancelDraft(draft.getId());
        assertThat(invoicing.createInvoice(order, TimesheetsPeriod.ALL, false).getAmountTotal())
                .isEqualByComparingTo("206.92");
    }

    @Test
    void theIntegrityCheckNamesAnOrderWhoseDocumentsDoNotAddUpOrWhoseDeductionIsNotExact() {
        Long order = post2(TaxRounding.PER_LINE);
        Invoice last = finalInvoiceAfterDownPayment(order, "50");
        Long timeLine = last.getLines().get(0).getId();
        Long deduction = last.getLines().stream().filter(line -> line.getKind() == InvoiceLine.Kind.DOWN_PAYMENT_DEDUCTION)
                .findFirst().orElseThrow().getId();
        String number = fixtures.orderNumber(order);

        try {
            jdbc.update("update invoice_line set tax = tax + 0.01 where id in (?, ?)", timeLine, deduction);
            assertThat(integrity.run().violations()).anyMatch(violation -> violation.startsWith(
                    "Order %s at 21 %%: its documents bill 171.00 untaxed and 35.93 tax, but what they bill comes to "
                            .formatted(number) + "171.00 and 35.92 at its rounding."))
                    .anyMatch(violation -> violation.startsWith("A down payment on %s of ".formatted(number))
                            && violation.contains("is deducted as"));
        } finally {
            jdbc.update("update invoice_line set tax = tax - 0.01 where id in (?, ?)", timeLine, deduction);
        }
    }

    @Test
    void anOrderFromBeforeTheSettingIsBilledPerLineAndNotHeldToTheNewChecks() {
        Long order = post2(TaxRounding.PER_DOCUMENT);
        jdbc.update("update sales_order set tax_rounding = null where id = ?", order);

        assertThat(shownTotal(order)).as("per line, as orders always were").isEqualByComparingTo("206.92");
        Invoice last = finalInvoiceAfterDownPayment(order, "50");
        Long timeLine = last.getLines().get(0).getId();
        try {
            jdbc.update("update invoice_line set tax = tax + 0.01 where id = ?", timeLine);
            assertThat(integrity.run().violations()).noneMatch(violation -> violation.contains(fixtures.orderNumber(order)));
        } finally {
            jdbc.update("update invoice_line set tax = tax - 0.01 where id = ?", timeLine);
        }
    }

    @Test
    void theCompanySettingReadsPerLineOrPerDocument() {
        for (var setting : Map.of("per-line", TaxRounding.PER_LINE, "per-document", TaxRounding.PER_DOCUMENT).entrySet()) {
            Company company = new Binder(new MapConfigurationPropertySource(
                    Map.of("tandem.company.tax-rounding", setting.getKey()))).bindOrCreate("tandem.company", Company.class);
            assertThat(company.taxRounding()).isEqualTo(setting.getValue());
        }
        assertThat(new Binder(new MapConfigurationPropertySource(Map.of("tandem.company.name", "X")))
                .bindOrCreate("tandem.company", Company.class).taxRounding()).isEqualTo(TaxRounding.PER_LINE);
    }
}
