package dev.tandem.invoicing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.orm.jpa.DataJpaTest;
import org.springframework.test.context.jdbc.Sql;

/**
 * When a down payment counts as deducted, on the schema Flyway builds (a JPA slice: no engine, no
 * web). Four down payments of one order, each posted on INV/2026/90001: the first deducted by a
 * posted final invoice, the second by one a credit note gave back, the third by a cancelled draft,
 * the fourth by an open draft.
 */
@DataJpaTest
@Sql(statements = {
        "insert into customer (id, name, time_zone, language) values (911, 'Slice Customer', 'Europe/Brussels', 'en')",
        "insert into sales_order (id, number, customer_id, state, order_date, tax_rounding) values (911, 'S90911', 911,"
                + " 'CONFIRMED', '2026-12-01', 'PER_LINE')",
        "insert into sales_order_line (id, order_id, position, product_id, description, ordered_quantity, unit_price,"
                + " tax_rate, down_payment) values (911, 911, 1, null, 'Down payment 1', 0, 100, 21, true),"
                + " (912, 911, 2, null, 'Down payment 2', 0, 100, 21, true),"
                + " (913, 911, 3, null, 'Down payment 3', 0, 100, 21, true),"
                + " (914, 911, 4, null, 'Down payment 4', 0, 100, 21, true)",
        "insert into invoice (id, number, move_type, state, customer_id, reversed_invoice_id, amount_untaxed, amount_tax,"
                + " amount_total) values"
                + " (9101, 'INV/2026/90001', 'INVOICE', 'POSTED', 911, null, 400, 84, 484),"
                + " (9102, 'INV/2026/90002', 'INVOICE', 'POSTED', 911, null, -200, -42, -242),"
                + " (9103, 'RINV/2026/90001', 'CREDIT_NOTE', 'POSTED', 911, 9102, 100, 21, 121),"
                + " (9104, null, 'INVOICE', 'CANCELLED', 911, null, -100, -21, -121),"
                + " (9105, null, 'INVOICE', 'DRAFT', 911, null, -100, -21, -121)",
        "insert into invoice_line (id, invoice_id, position, sales_order_line_id, kind, description, quantity, unit_price,"
                + " tax_rate, subtotal, tax) values"
                + " (9306, 9101, 1, 911, 'DOWN_PAYMENT', 'Down payment 1', 1, 100, 21, 100, 21),"
                + " (9307, 9101, 2, 912, 'DOWN_PAYMENT', 'Down payment 2', 1, 100, 21, 100, 21),"
                + " (9308, 9101, 3, 913, 'DOWN_PAYMENT', 'Down payment 3', 1, 100, 21, 100, 21),"
                + " (9309, 9101, 4, 914, 'DOWN_PAYMENT', 'Down payment 4', 1, 100, 21, 100, 21),"
                + " (9310, 9102, 1, 911, 'DOWN_PAYMENT_DEDUCTION', 'Deduction 1', -1, 100, 21, -100, -21),"
                + " (9311, 9102, 2, 912, 'DOWN_PAYMENT_DEDUCTION', 'Deduction 2', -1, 100, 21, -100, -21),"
                + " (9312, 9103, 1, 912, 'DOWN_PAYMENT_DEDUCTION', 'Deduction 2', 1, 100, 21, 100, 21),"
                + " (9313, 9104, 1, 913, 'DOWN_PAYMENT_DEDUCTION', 'Deduction 3', -1, 100, 21, -100, -21),"
                + " (9314, 9105, 1, 914, 'DOWN_PAYMENT_DEDUCTION', 'Deduction 4', -1, 100, 21, -100, -21)"})
class InvoiceLineRepositoryTest {

    @Autowired InvoiceLineRepository invoiceLines;

    @Test
    void aDownPaymentIsDeductedByAnInvoiceNotCancelledWhoseDeductionNoCreditNoteGaveBack() {
        assertThat(invoiceLines.deducted(List.of(911L, 912L, 913L, 914L))).containsExactlyInAnyOrder(911L, 914L);
        assertThat(invoiceLines.isDeducted(911L)).isTrue();
        assertThat(invoiceLines.isDeducted(912L)).as("its deduction credited").isFalse();
        assertThat(invoiceLines.isDeducted(913L)).as("deducted by a cancelled draft").isFalse();
        assertThat(invoiceLines.postedDownPayment(912L)).isEqualByComparingTo("1");
    }
}
