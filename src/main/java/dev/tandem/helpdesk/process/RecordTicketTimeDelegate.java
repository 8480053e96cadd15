package dev.tandem.helpdesk.process;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.spin.json.SpinJsonNode;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.tandem.catalog.Employee;
import dev.tandem.catalog.EmployeeRepository;
import dev.tandem.common.BillingException;
import dev.tandem.common.FormValues;
import dev.tandem.sales.LineFigures;
import dev.tandem.sales.OrderFigures;
import dev.tandem.sales.process.OrderEvents;
import dev.tandem.timesheets.TimesheetEntry;
import dev.tandem.timesheets.TimesheetService;
import dev.tandem.timesheets.TimesheetTarget;

/**
 * Records the time of "Work on ticket" (the form's entry, or a list of entries given through the
 * API) through the billing core, all or none: when one entry is refused, the ones before it are
 * taken back and the person gets the form again with the reason and the entries as typed.
 * Afterwards the salesperson is asked for more hours when due.
 */
@Component("recordTicketTime")
class RecordTicketTimeDelegate implements JavaDelegate {

    private static final List<String> FORM_FIELDS = List.of(SupportTicketProcess.WORK_DATE, SupportTicketProcess.HOURS,
            SupportTicketProcess.WORK_DESCRIPTION, SupportTicketProcess.EMPLOYEE);

    private final TimesheetService timesheets;
    private final EmployeeRepository employees;
    private final OrderEvents orderEvents;
    private final ObjectMapper json;

    RecordTicketTimeDelegate(TimesheetService timesheets, EmployeeRepository employees, OrderEvents orderEvents,
                             ObjectMapper json) {
        this.timesheets = timesheets;
        this.employees = employees;
        this.orderEvents = orderEvents;
        this.json = json;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Long ticketId = (Long) execution.getVariable(SupportTicketProcess.TICKET_ID);
        String worker = (String) execution.getVariable(SupportTicketProcess.WORKER);
        List<TimesheetEntry> recorded = new ArrayList<>();
        List<Map<String, Object>> typed = new ArrayList<>(entries(execution.getVariable(SupportTicketProcess.TIME_ENTRIES)));
        Map<String, Object> fields = new HashMap<>();
        for (String field : FORM_FIELDS) {
            fields.put(field, execution.getVariable(field));
        }
        if (isFilledIn(fields)) {
            typed.add(fields);
        }
        try {
            for (int i = 0; i < typed.size(); i++) {
                recorded.add(record(ticketId, worker, typed.get(i), i + 1, typed.size()));
            }
        } catch (BillingException refused) {
            recorded.forEach(entry -> timesheets.delete(entry.getId()));
            throw new BpmnError(SupportTicketProcess.ERROR_TIME_REFUSED, refused.getMessage());
        }
        int minutes = recorded.stream().mapToInt(TimesheetEntry::getBilledMinutes).sum();
        execution.setVariable(SupportTicketProcess.LAST_RECORDED, recorded.isEmpty() ? null
                : "%d entr%s, %s h".formatted(recorded.size(), recorded.size() == 1 ? "y" : "ies",
                LineFigures.shown(OrderFigures.hours(minutes)).toPlainString()));
        execution.removeVariable(SupportTicketProcess.TIME_ENTRIES);
        FORM_FIELDS.forEach(execution::removeVariable);
        execution.removeVariable(SupportTicketProcess.REFUSAL);
        recorded.stream().map(TimesheetEntry::getSalesOrderLine).filter(Objects::nonNull).findFirst()
                .ifPresent(line -> orderEvents.timeRecorded(line.getId()));
    }

    private TimesheetEntry record(Long ticketId, String worker, Map<String, Object> typed, int number, int count) {
        try {
            String userId = FormValues.text(typed.get(SupportTicketProcess.EMPLOYEE));
            String who = userId != null ? userId : worker;
            if (who == null) {
                throw new BillingException("Claim the task first: time is logged in the name of whoever works it.");
            }
            Employee employee = employees.ofUser(who);
            return timesheets.recordHours(employee.getId(), TimesheetTarget.ticket(ticketId),
                    FormValues.date(typed.get(SupportTicketProcess.WORK_DATE), "The work date"),
                    FormValues.decimal(typed.get(SupportTicketProcess.HOURS), "The hours"),
                    FormValues.text(typed.get(SupportTicketProcess.WORK_DESCRIPTION)));
        } catch (BillingException refused) {
            throw count == 1 ? refused : new BillingException("Entry %d: %s".formatted(number, refused.getMessage()));
        }
    }

    /** Fields left empty are no entry: a round may only resolve the ticket. */
    private static boolean isFilledIn(Map<String, Object> row) {
        return row != null && row.values().stream().anyMatch(value -> FormValues.text(value) != null);
    }

    /** A list of entries, as JSON or as a list of maps. */
    private List<Map<String, Object>> entries(Object value) {
        if (value == null) {
            return List.of();
        }
        try {
            String text = value instanceof SpinJsonNode node ? node.toString()
                    : value instanceof String typed ? typed : json.writeValueAsString(value);
            List<Map<String, Object>> rows = json.readValue(text, new TypeReference<>() { });
            return rows.stream().filter(RecordTicketTimeDelegate::isFilledIn).toList();
        } catch (JsonProcessingException e) {
            throw new BpmnError(SupportTicketProcess.ERROR_TIME_REFUSED,
                    "The time entries could not be read: " + e.getOriginalMessage());
        }
    }
}
