package dev.tandem.timesheets;

import static dev.tandem.BillingFixtures.today;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.tandem.BillingFixtures;
import dev.tandem.TandemIntegrationTest;
import dev.tandem.catalog.Customer;
import dev.tandem.catalog.Employee;
import dev.tandem.catalog.Product;
import dev.tandem.common.BillingException;
import dev.tandem.inventory.InventoryService;
import dev.tandem.inventory.StockPicking;
import dev.tandem.invoicing.DownPayment;
import dev.tandem.invoicing.InvoiceRepository;
import dev.tandem.invoicing.DownPayments;
import dev.tandem.invoicing.InvoicingService;
import dev.tandem.invoicing.TimesheetsPeriod;
import dev.tandem.invoicing.OrderFigures;
import dev.tandem.sales.SalesOrderLineRepository;
import dev.tandem.sales.SalesOrderService;

/** Every bad input of BILLING-RULES.md is refused with a clear message and saves nothing. */
@TandemIntegrationTest
class BadInputTest {

    @Autowired BillingFixtures fixtures;
    @Autowired TimesheetService timesheets;
    @Autowired TimesheetEntryRepository entries;
    @Autowired SalesOrderService salesOrders;
    @Autowired SalesOrderLineRepository orderLines;
    @Autowired InvoicingService invoicing;
    @Autowired DownPayments downPayments;
    @Autowired InvoiceRepository invoices;
    @Autowired InventoryService inventory;
    @Autowired OrderFigures figures;

    private final Employee employee;
    private final Long line;

    @Autowired
    BadInputTest(BillingFixtures fixtures) {
        this.employee = fixtures.employee();
        this.line = fixtures.line(fixtures.confirmedOrder(fixtures.customer(), fixtures.postpaid("80"), "10"));
    }

    private void refusedWithoutNewEntry(ThrowingCallable call, String message) {
        long before = entries.count();
        assertThatThrownBy(call).isInstanceOf(BillingException.class).hasMessageContaining(message);
        assertThat(entries.count()).isEqualTo(before);
    }

    private ThrowingCallable logging(LocalDate date, String hours) {
        return () -> timesheets.recordHours(employee.getId(), TimesheetTarget.orderLine(line), date,
                new BigDecimal(hours), "Work");
    }

    @Test
    void zeroOrNegativeHoursAreRefused() {
        refusedWithoutNewEntry(logging(today(), "0"), "The time spent must be positive.");
        refusedWithoutNewEntry(logging(today(), "-1"), "The time spent must be positive.");
    }

    @Test
    void moreThanADayInOneEntryOrOneDayIsRefused() {
        refusedWithoutNewEntry(logging(today(), "24.5"), "cannot exceed 24 hours");
        refusedWithoutNewEntry(logging(today(), "1e12"), "cannot exceed 24 hours");
        fixtures.log(employee, line, today().minusDays(3), "20");
        refusedWithoutNewEntry(logging(today().minusDays(3), "4.5"), "more than 24 hours on");
    }

    @Test
    void aWorkDateInTheFutureIsRefused() {
        refusedWithoutNewEntry(logging(today().plusDays(1), "1"), "is in the future");
    }

    @Test
    void timeOnACancelledOrLockedOrderIsRefused() {
        Long cancelled = fixtures.quotation(fixtures.customer(), today(), fixtures.postpaid("80"), "10");
        salesOrders.cancelQuotation(cancelled);
        refusedWithoutNewEntry(() -> fixtures.log(employee, fixtures.line(cancelled), "1"), "it is cancelled");
        Long locked = fixtures.confirmedOrder(fixtures.customer(), fixtures.postpaid("80"), "10");
        salesOrders.lock(locked);
        refusedWithoutNewEntry(() -> fixtures.log(employee, fixtures.line(locked), "1"), "it is locked");
    }

    @Test
    void unknownIdsAreRefusedByName() {
        refusedWithoutNewEntry(() -> timesheets.recordHours(987654L, TimesheetTarget.orderLine(line), today(),
                BigDecimal.ONE, "Work"), "Unknown employee 987654.");
        refusedWithoutNewEntry(() -> timesheets.recordHours(employee.getId(), TimesheetTarget.orderLine(987654L),
                today(), BigDecimal.ONE, "Work"), "Unknown order line 987654.");
        assertThatThrownBy(() -> invoicing.post(987654L)).hasMessage("Unknown invoice 987654.");
    }

    @Test
    void anInvoiceOnAQuotationIsRefused() {
        Customer customer = fixtures.customer();
        Long quotation = fixtures.quotation(customer, today(), fixtures.prepaid("100"), "10");
        long before = invoices.count();

        assertThatThrownBy(() -> invoicing.createInvoice(quotation, TimesheetsPeriod.ALL, false))
                .isInstanceOf(BillingException.class).hasMessageContaining("confirm the order first");
        assertThat(invoices.count()).isEqualTo(before);
    }

    @Test
    void aDownPaymentMustBePositiveAndWithinTheOrderTotal() {
        Long order = fixtures.confirmedOrder(fixtures.customer(), fixtures.postpaid("80"), "10");
        long invoicesBefore = invoices.count();
        long linesBefore = orderLines.count();

        assertThatThrownBy(() -> downPayments.create(order, DownPayment.fixed("0")))
                .hasMessage("The value of the down payment amount must be positive.");
        assertThatThrownBy(() -> downPayments.create(order, DownPayment.percentage("-5")))
                .hasMessage("The value of the down payment amount must be positive.");
        assertThatThrownBy(() -> downPayments.create(order, DownPayment.fixed("800.01")))
                .hasMessageContaining("cannot exceed the order total of 800.00");
        assertThatThrownBy(() -> downPayments.create(order, DownPayment.percentage("101")))
                .hasMessageContaining("cannot exceed the order total");
        assertThat(invoices.count()).isEqualTo(invoicesBefore);
        assertThat(orderLines.count()).isEqualTo(linesBefore);
    }

    @Test
    void validatingAPickingThatWouldTakeStockBelowZeroIsRefusedWhole() {
        Product cable = fixtures.save(Product.storable("CABLE-" + System.nanoTime(), "Cable", "25"));
        Product router = fixtures.save(Product.storable("ROUTER-" + System.nanoTime(), "Router", "90"));
        inventory.receive(cable.getId(), new BigDecimal("10"));
        inventory.receive(router.getId(), new BigDecimal("1"));
        Long order = fixtures.confirmedOrder(fixtures.customer(), cable, "2", router, "2");
        inventory.planDelivery(fixtures.lines(order).get(0), new BigDecimal("2"));
        StockPicking picking = inventory.planDelivery(fixtures.lines(order).get(1), new BigDecimal("2"));

        assertThatThrownBy(() -> inventory.validate(picking.getId()))
                .isInstanceOf(BillingException.class)
                .hasMessage("Not enough Router in stock: 1 on hand, 2 needed.");
        assertThat(inventory.onHand(cable.getId())).isEqualByComparingTo("10");
        assertThat(inventory.onHand(router.getId())).isEqualByComparingTo("1");
        assertThat(figures.ofLine(fixtures.lines(order).get(0)).delivered()).isEqualByComparingTo("0");
    }

    @Test
    void aProductAllowedToGoNegativeIsDeliveredAnyway() {
        Product connector = fixtures.save(Product.storable("RJ45-" + System.nanoTime(), "RJ45", "1.5")
                .allowingNegativeStock());
        Long order = fixtures.confirmedOrder(fixtures.customer(), connector, "4");
        StockPicking picking = inventory.planDelivery(fixtures.line(order), new BigDecimal("4"));

        inventory.validate(picking.getId());

        assertThat(inventory.onHand(connector.getId())).isEqualByComparingTo("-4");
        assertThat(figures.ofLine(fixtures.line(order)).toInvoice()).isEqualByComparingTo("4");
    }

    @Test
    void deletingAnInvoicedEntryIsRefused() {
        Long order = fixtures.confirmedOrder(fixtures.customer(), fixtures.postpaid("80"), "10");
        TimesheetEntry entry = fixtures.log(employee, fixtures.line(order), "2");
        invoicing.post(invoicing.createInvoice(order, TimesheetsPeriod.ALL, false).getId());

        assertThatThrownBy(() -> timesheets.delete(entry.getId()))
                .hasMessage("You cannot delete timesheets that are already invoiced.");
        assertThat(entries.findById(entry.getId())).isPresent();
    }
}
