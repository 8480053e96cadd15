package dev.tandem.invoicing;

import static dev.tandem.invoicing.InvoiceStatus.INVOICED;
import static dev.tandem.invoicing.InvoiceStatus.NOTHING;
import static dev.tandem.invoicing.InvoiceStatus.TO_INVOICE;
import static dev.tandem.invoicing.InvoiceStatus.UPSELLING;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The order invoice status of BILLING-RULES.md from its lines' statuses, without a database. */
class OrderStatusTest {

    @Test
    void anyLineToInvoiceMakesTheOrderToInvoice() {
        assertThat(OrderFigures.orderStatus(List.of(INVOICED, UPSELLING, NOTHING, TO_INVOICE))).isEqualTo(TO_INVOICE);
    }

    @Test
    void allLinesInvoicedMakeItInvoicedAndUpsellingAmongThemMakesItUpselling() {
        assertThat(OrderFigures.orderStatus(List.of(INVOICED, INVOICED))).isEqualTo(INVOICED);
        assertThat(OrderFigures.orderStatus(List.of(INVOICED, UPSELLING))).isEqualTo(UPSELLING);
        assertThat(OrderFigures.orderStatus(List.of(UPSELLING))).isEqualTo(UPSELLING);
    }

    @Test
    void otherwiseAndWithoutLinesNothing() {
        assertThat(OrderFigures.orderStatus(List.of(INVOICED, NOTHING))).isEqualTo(NOTHING);
        assertThat(OrderFigures.orderStatus(List.of(UPSELLING, NOTHING))).isEqualTo(NOTHING);
        assertThat(OrderFigures.orderStatus(List.of())).isEqualTo(NOTHING);
    }
}
