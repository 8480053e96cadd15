package dev.tandem.timesheets;

/** What time is logged on: an order line directly, a helpdesk ticket, or a field task. */
public sealed interface TimesheetTarget {

    record OrderLine(Long lineId) implements TimesheetTarget {
    }

    record Ticket(Long ticketId) implements TimesheetTarget {
    }

    record FieldTask(Long taskId) implements TimesheetTarget {
    }

    static TimesheetTarget orderLine(Long lineId) {
        return new OrderLine(lineId);
    }

    static TimesheetTarget ticket(Long ticketId) {
        return new Ticket(ticketId);
    }

    static TimesheetTarget fieldTask(Long taskId) {
        return new FieldTask(taskId);
    }
}
