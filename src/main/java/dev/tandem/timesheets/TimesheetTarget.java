package dev.tandem.timesheets;

/**
 * What time is logged on: an order line directly, a helpdesk ticket, or a field task. Tickets and
 * field tasks belong to their features, which tell timesheets the order line their time is billed
 * on ({@code TicketService.timeTarget}, {@code WorksheetService.timeTarget}).
 */
public sealed interface TimesheetTarget {

    /** The order line the time is billed on; null: the time is not billed. */
    Long lineId();

    record OrderLine(Long lineId) implements TimesheetTarget {
    }

    /** @param lineId the ticket's order line, null when the ticket is not billed */
    record Ticket(Long ticketId, Long lineId) implements TimesheetTarget {
    }

    /**
     * @param lineId the order line the task's time is billed on, null when not billed
     * @param signed the customer signed the worksheet: time added now is an amendment
     */
    record FieldTask(Long taskId, Long lineId, boolean signed) implements TimesheetTarget {
    }

    static TimesheetTarget orderLine(Long lineId) {
        return new OrderLine(lineId);
    }
}
