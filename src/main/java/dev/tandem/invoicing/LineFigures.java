package dev.tandem.invoicing;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The derived figures of an order line, in the line's unit (hours for time).
 * Time is in hours to two decimals ({@code Money.hours}, the rounding of invoices); other quantities are
 * exact: round them with {@link #shown(BigDecimal)} only for display.
 *
 * @param remaining ordered − delivered for prepaid lines, {@code null} for others
 */
public record LineFigures(
        Long lineId,
        BigDecimal ordered,
        BigDecimal delivered,
        BigDecimal invoiced,
        BigDecimal toInvoice,
        BigDecimal remaining,
        InvoiceStatus status) {

    /** Shown in red wherever it appears. */
    public boolean isOverdrawn() {
        return remaining != null && remaining.signum() < 0;
    }

    public static BigDecimal shown(BigDecimal quantity) {
        return quantity == null ? null : quantity.setScale(2, RoundingMode.HALF_UP);
    }
}
