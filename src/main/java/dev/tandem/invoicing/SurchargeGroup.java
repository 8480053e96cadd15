package dev.tandem.invoicing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.tandem.money.Money;
import dev.tandem.money.OrderBill;
import dev.tandem.sales.SalesOrderLine;
import dev.tandem.timesheets.RateSurcharge;
import dev.tandem.timesheets.TimesheetEntry;

/**
 * Timesheet entries of one order line that share a surcharge: each group is one time line on the
 * invoice, at the line's price raised by the surcharge and named after the rule that applied.
 */
record SurchargeGroup(RateSurcharge surcharge, List<TimesheetEntry> entries) {

    /** The groups of these entries, the line's own price first, then by surcharge. */
    static List<SurchargeGroup> of(List<TimesheetEntry> entries) {
        Map<RateSurcharge, List<TimesheetEntry>> groups = new LinkedHashMap<>();
        entries.stream()
                .sorted(Comparator.comparingInt((TimesheetEntry entry) -> entry.getSurcharge().percent()))
                .forEach(entry -> groups.computeIfAbsent(entry.getSurcharge(), key -> new ArrayList<>()).add(entry));
        return groups.entrySet().stream().map(group -> new SurchargeGroup(group.getKey(), group.getValue())).toList();
    }

    int minutes() {
        return entries.stream().mapToInt(TimesheetEntry::getBilledMinutes).sum();
    }

    BigDecimal unitPrice(SalesOrderLine line) {
        return Money.cents(surcharge.percent() == 0 ? line.getUnitPrice()
                : line.getUnitPrice().multiply(BigDecimal.valueOf(100 + surcharge.percent()))
                .divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP));
    }

    /** Adds this time to its row of the order's bill (its order line at its price); the change it makes. */
    OrderBill.Change addTo(OrderBill bill, SalesOrderLine line) {
        BigDecimal price = unitPrice(line);
        return bill.addMinutes(BilledSoFar.Row.of(line.getId(), InvoiceLine.Kind.TIME, price), price,
                line.getTaxRate(), minutes());
    }

    String description(SalesOrderLine line) {
        return surcharge.percent() == 0 ? line.getDescription() : line.getDescription() + " · " + surcharge.rule();
    }
}
