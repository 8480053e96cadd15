package dev.tandem.invoicing;

import java.time.LocalDate;

/**
 * Which work dates (inclusive) the time lines of an invoice bill; either end may be open.
 * Applied as a query each time an invoice is made: nothing stored is narrowed or overwritten.
 */
public record TimesheetsPeriod(LocalDate start, LocalDate end) {

    public static final TimesheetsPeriod ALL = new TimesheetsPeriod(null, null);

    private static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
    private static final LocalDate LATEST = LocalDate.of(9999, 12, 31);

    public TimesheetsPeriod {
        if (start != null && end != null && end.isBefore(start)) {
            throw new dev.tandem.common.BillingException(
                    "The period ends on %s, before it starts on %s.".formatted(end, start));
        }
    }

    public boolean isAll() {
        return start == null && end == null;
    }

    LocalDate from() {
        return start != null ? start : EARLIEST;
    }

    LocalDate to() {
        return end != null ? end : LATEST;
    }

    @Override
    public String toString() {
        if (isAll()) {
            return "all dates";
        }
        return "%s to %s".formatted(start != null ? start : "the beginning", end != null ? end : "today");
    }
}
