package dev.tandem.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.tandem.BillingFixtures;
import dev.tandem.SupportProcesses;
import dev.tandem.TandemIntegrationTest;
import dev.tandem.TestClock;
import dev.tandem.catalog.Customer;
import dev.tandem.fieldservice.process.FieldServiceProcess;
import dev.tandem.helpdesk.process.SupportTicketProcess;
import dev.tandem.invoicing.process.InvoiceRunProcess;
import dev.tandem.sales.process.PostpaidSupportProcess;
import dev.tandem.sales.process.PrepaidSupportProcess;
import dev.tandem.sales.process.QuotationProcess;
import dev.tandem.timesheets.process.LogTimeProcess;

/**
 * The catalogue of bad input: each kind sent over {@code /engine-rest} as a script or Tasklist
 * would, to a start form or a step. Each is refused with its reason, either at once (400) or by
 * bringing the task back with it, and nothing is saved: no order, entry, invoice, ticket, field
 * task or mail, and no line in the audit trail.
 */
@TandemIntegrationTest
class BadInputCatalogueTest {

    private static final String LONG_201 = "x".repeat(201);
    private static final String LONG_1001 = "x".repeat(1001);
    private static final String LONG_4001 = "x".repeat(4001);

    @Autowired TestRestTemplate http;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;
    @Autowired BillingFixtures fixtures;
    @Autowired SupportProcesses people;
    @Autowired TestClock clock;
    @Autowired JdbcTemplate jdbc;

    /** Where bad input is sent: a process's start form, or the step an instance waits at. */
    private record Target(String user, String startKey, Supplier<ProcessInstance> waitingInstance) {
    }

    /** How the refusal shows: a 400 with the message, or the task back with the message as its refusal. */
    private enum Shown { AT_ONCE, ON_THE_TASK }

    static Stream<Arguments> catalogue() {
        String today = BillingFixtures.today().toString();
        String tomorrow = BillingFixtures.today().plusDays(1).toString();
        return Stream.of(
                // Log time: start form
                bad("logTimeStart", "", Shown.AT_ONCE, "orderNumber is required."),
                bad("logTimeStart", "\"orderNumber\": {\"value\": 5, \"type\": \"Integer\"}", Shown.AT_ONCE, "orderNumber must be text."),
                bad("logTimeStart", "\"orderNumber\": {\"value\": \"" + LONG_201 + "\"}", Shown.AT_ONCE, "orderNumber is too long"),
                bad("logTimeStart", "\"orderNumber\": {\"value\": \"S99999\"}", Shown.AT_ONCE, "Unknown sales order S99999."),
                bad("logTimeStart", "\"orderNumber\": {\"value\": \"S00002\"}, \"orderLineId\": {\"value\": 1, \"type\": \"Long\"}",
                        Shown.AT_ONCE, "does not take orderLineId"),
                bad("logTimeStart", "\"orderNumber\": {\"value\": \"S0\\u0000002\"}", Shown.AT_ONCE, "not text"),
                // Log time: the entry
                bad("logTime", entry(today, "0", "Nothing"), Shown.ON_THE_TASK, "positive"),
                bad("logTime", entry(today, "-1", "Negative"), Shown.AT_ONCE, "hours must be hours and minutes like 5:20"),
                bad("logTime", entry(today, "25", "Too long a day"), Shown.ON_THE_TASK, "24"),
                bad("logTime", entry(today, "0.001", "Too precise"), Shown.AT_ONCE,
                        "hours must be hours and minutes like 5:20 or decimal hours like 5.33, not 0.001."),
                bad("logTime", entry(today, "\"5:75\"", "No such minute"), Shown.AT_ONCE, "not 5:75."),
                bad("logTime", entry(today, "\"24:01\"", "Over a day"), Shown.ON_THE_TASK, "24"),
                bad("logTime", entry(tomorrow, "1", "Planned"), Shown.ON_THE_TASK, "is in the future"),
                bad("logTime", entry("2026-02-30", "1", "No such day"), Shown.AT_ONCE, "workDate must be a date"),
                bad("logTime", entry("30/11/2026", "1", "Other format"), Shown.AT_ONCE, "workDate must be a date"),
                bad("logTime", entry(today, "\"one\"", "Words"), Shown.AT_ONCE, "hours must be hours and minutes"),
                bad("logTime", entry(today, "1", LONG_1001), Shown.AT_ONCE, "description is too long"),
                bad("logTime", entry(today, "1", "Fine") + ", \"loggedBy\": {\"value\": \"theo\"}", Shown.AT_ONCE,
                        "does not take loggedBy"),
                bad("logTime", entry(today, "1", "Fine") + ", \"timesheetEntryId\": {\"value\": 1, \"type\": \"Long\"}",
                        Shown.AT_ONCE, "does not take timesheetEntryId"),
                bad("logTime", "\"workDate\": {\"value\": 20261120, \"type\": \"Integer\"}", Shown.AT_ONCE, "workDate must be a date"),
                bad("logTime", entry(today, "1e12", "Huge"), Shown.AT_ONCE, "hours must be hours and minutes"),
                // Prepaid support: start form
                bad("prepaidStart", order("Nobody Ltd", "PREPAID", "5"), Shown.AT_ONCE, "Unknown customer Nobody Ltd."),
                bad("prepaidStart", order(null, "NOPE", "5"), Shown.AT_ONCE, "NOPE"),
                bad("prepaidStart", order(null, "TIMESHEET", "5"), Shown.AT_ONCE, "is not sold as prepaid hours"),
                bad("prepaidStart", order(null, "PREPAID", "0"), Shown.AT_ONCE, "The ordered hours must be positive."),
                bad("prepaidStart", order(null, "PREPAID", "-3"), Shown.AT_ONCE, "The ordered hours must be positive."),
                bad("prepaidStart", order(null, "PREPAID", "2.125"), Shown.AT_ONCE, "orderedHours has more decimals"),
                bad("prepaidStart", order(null, "PREPAID", "\"ten\""), Shown.AT_ONCE, "orderedHours must be a number"),
                bad("prepaidStart", order(null, "PREPAID", "5") + ", \"unitPrice\": {\"value\": 0.001}", Shown.AT_ONCE,
                        "unitPrice has more decimals"),
                bad("prepaidStart", order(null, "PREPAID", "5") + ", \"salesperson\": {\"value\": \"mallory\"}", Shown.AT_ONCE,
                        "does not take salesperson"),
                bad("prepaidStart", order(null, "PREPAID", "5") + ", \"itemCode\": {\"value\": \"CABLE\"}, \"itemQuantity\": {\"value\": 0}",
                        Shown.AT_ONCE, "Say how many of CABLE are sold."),
                bad("prepaidStart", order(null, "PREPAID", "5") + ", \"itemCode\": {\"value\": \"" + LONG_201 + "\"}", Shown.AT_ONCE,
                        "itemCode is too long"),
                bad("prepaidStart", "\"productCode\": {\"value\": \"PREPAID\"}, \"orderedHours\": {\"value\": 5}", Shown.AT_ONCE,
                        "customerName is required."),
                // Prepaid support: create invoice
                bad("createInvoice", "\"invoiceKind\": {\"value\": \"FOO\"}", Shown.AT_ONCE, "invoiceKind must be one of REGULAR, DOWN_PAYMENT, not FOO."),
                bad("createInvoice", "", Shown.AT_ONCE, "invoiceKind is required."),
                bad("createInvoice", downPayment("PERCENTAGE", "0"), Shown.ON_THE_TASK, "The value of the down payment amount must be positive."),
                bad("createInvoice", downPayment("FIXED", "99999"), Shown.ON_THE_TASK, "cannot exceed the order total"),
                bad("createInvoice", downPayment("BOTH", "10"), Shown.AT_ONCE, "downPaymentKind must be one of PERCENTAGE, FIXED, not BOTH."),
                bad("createInvoice", downPayment("FIXED", "10.005"), Shown.AT_ONCE, "downPaymentValue has more decimals"),
                bad("createInvoice", "\"invoiceKind\": {\"value\": \"REGULAR\"}, \"orderId\": {\"value\": 1, \"type\": \"Long\"}",
                        Shown.AT_ONCE, "does not take orderId"),
                bad("createInvoice", "\"invoiceKind\": {\"value\": \"REGULAR\"}, \"invoiceId\": {\"value\": 1, \"type\": \"Long\"}",
                        Shown.AT_ONCE, "does not take invoiceId"),
                // Post-paid support
                bad("invoiceDeliveredTime", "\"action\": {\"value\": \"FOO\"}", Shown.AT_ONCE, "action must be one of"),
                bad("invoiceDeliveredTime", "\"action\": {\"value\": \"invoice\"}", Shown.AT_ONCE, "action must be one of"),
                bad("invoiceDeliveredTime", "\"action\": {\"value\": \"INVOICE\"}, \"periodEnd\": {\"value\": \"last Friday\"}",
                        Shown.AT_ONCE, "periodEnd must be a date"),
                bad("invoiceDeliveredTime", "\"action\": {\"value\": \"INVOICE\"}, \"deductDownPayments\": {\"value\": \"yes\"}",
                        Shown.AT_ONCE, "deductDownPayments must be true or false."),
                bad("invoiceDeliveredTime", "\"action\": {\"value\": \"CREDIT\"}, \"creditedInvoiceNumber\": {\"value\": \"INV/1999/00001\"}",
                        Shown.ON_THE_TASK, "There is no posted invoice INV/1999/00001"),
                bad("invoiceDeliveredTime", "\"action\": {\"value\": \"CREDIT\"}, \"creditedInvoiceNumber\": {\"value\": \"" + LONG_201 + "\"}",
                        Shown.AT_ONCE, "creditedInvoiceNumber is too long"),
                bad("invoiceDeliveredTime", "\"action\": {\"value\": \"INVOICE\"}, \"periodStart\": {\"value\": \"2026-11-20T00:00\"}",
                        Shown.AT_ONCE, "periodStart must be a date"),
                bad("invoiceDeliveredTime", "\"action\": {\"value\": \"DOWN_PAYMENT\"}, \"downPaymentKind\": {\"value\": \"PERCENTAGE\"}, "
                        + "\"downPaymentValue\": {\"value\": -10}", Shown.ON_THE_TASK, "must be positive"),
                bad("reviewDraft", "\"review\": {\"value\": \"MAYBE\"}", Shown.AT_ONCE, "review must be one of APPROVE, CANCEL, not MAYBE."),
                bad("reviewDraft", "\"review\": {\"value\": \"APPROVE\"}, \"invoiceTotal\": {\"value\": \"0.00\"}", Shown.AT_ONCE,
                        "does not take invoiceTotal"),
                // Support ticket
                bad("ticketStart", ticket("Nobody Ltd", "Customer Care", "Printer"), Shown.AT_ONCE, "Unknown customer Nobody Ltd."),
                bad("ticketStart", ticket(null, "No Such Team", "Printer"), Shown.AT_ONCE, "Unknown helpdesk team No Such Team."),
                bad("ticketStart", ticket(null, "Customer Care", LONG_201), Shown.AT_ONCE, "title is too long"),
                bad("ticketStart", ticket(null, "Customer Care", "Printer") + ", \"description\": {\"value\": \"" + LONG_4001 + "\"}",
                        Shown.AT_ONCE, "description is too long"),
                bad("ticketStart", ticket(null, "Customer Care", "Printer") + ", \"orderNumber\": {\"value\": \"S99999\"}",
                        Shown.AT_ONCE, "Unknown sales order S99999."),
                bad("ticketStart", ticket(null, "Customer Care", "Printer") + ", \"ticketId\": {\"value\": 1, \"type\": \"Long\"}",
                        Shown.AT_ONCE, "does not take ticketId"),
                bad("workOnTicket", entryOnTicket(today, "2", "sam"), Shown.ON_THE_TASK, "User sam is not an employee"),
                bad("workOnTicket", entryOnTicket(today, "30", ""), Shown.ON_THE_TASK, "24"),
                bad("workOnTicket", "\"resolved\": {\"value\": \"true\"}", Shown.AT_ONCE, "resolved must be true or false."),
                bad("workOnTicket", "\"timeEntries\": {\"value\": \"[]\", \"type\": \"Json\"}", Shown.AT_ONCE, "does not take timeEntries"),
                // Field service
                bad("fieldServiceStart", intervention("hannah", today), Shown.AT_ONCE, "hannah is not a technician"),
                bad("fieldServiceStart", intervention("nobody", today), Shown.AT_ONCE, "nobody"),
                bad("fieldServiceStart", intervention("theo", "tomorrow"), Shown.AT_ONCE, "plannedDate must be a date"),
                bad("fieldServiceStart", intervention("theo", "2026-13-01"), Shown.AT_ONCE, "plannedDate must be a date"),
                bad("timerRunning", "\"timerAction\": {\"value\": \"RESUME\"}", Shown.AT_ONCE, "timerAction must be one of PAUSE, STOP, not RESUME."),
                bad("timerRunning", "", Shown.AT_ONCE, "timerAction is required."),
                bad("timerRunning", "\"timerAction\": {\"value\": \"STOP\"}, \"billedMinutes\": {\"value\": 6000, \"type\": \"Integer\"}",
                        Shown.AT_ONCE, "does not take billedMinutes"),
                bad("timerRunning", "\"timerAction\": {\"value\": \"STOP\"}, \"stoppedStartedAt\": {\"value\": \"2020-01-01T00:00:00Z\"}",
                        Shown.AT_ONCE, "does not take stoppedStartedAt"),
                bad("worksheet", material("NOPE", "1"), Shown.ON_THE_TASK, "NOPE"),
                bad("worksheet", material("CABLE", "0"), Shown.ON_THE_TASK, "The quantity used of CABLE must be positive."),
                bad("worksheet", material("TIMESHEET", "1"), Shown.ON_THE_TASK, "is not a material billed on delivery"),
                bad("worksheet", material("CABLE", "0.001"), Shown.AT_ONCE, "material1Quantity has more decimals"),
                bad("worksheet", "\"worksheetNotes\": {\"value\": \"" + LONG_4001 + "\"}", Shown.AT_ONCE, "worksheetNotes is too long"),
                bad("worksheet", "\"moreMaterials\": {\"value\": 1, \"type\": \"Integer\"}", Shown.AT_ONCE, "moreMaterials must be true or false."),
                // Quotation
                bad("sendQuotation", "\"quotationDecision\": {\"value\": \"MAYBE\"}", Shown.AT_ONCE,
                        "quotationDecision must be one of SEND, DROP, not MAYBE."),
                bad("sendQuotation", "", Shown.AT_ONCE, "quotationDecision is required."),
                bad("sendQuotation", "\"quotationDecision\": {\"value\": \"SEND\"}, \"quotationTotal\": {\"value\": \"1.00 EUR\"}",
                        Shown.AT_ONCE, "does not take quotationTotal"),
                bad("customerAnswer", "\"customerAnswer\": {\"value\": \"YES\"}", Shown.AT_ONCE,
                        "customerAnswer must be one of ACCEPTED, DECLINED, not YES."),
                // Invoice run
                bad("invoiceRunStart", "\"orderIds\": {\"value\": \"all of them\"}", Shown.AT_ONCE, "orderIds must be a list of ids."),
                bad("invoiceRunStart", "\"orderIds\": {\"value\": \"[1.5]\", \"type\": \"Json\"}", Shown.AT_ONCE, "orderIds must be a list of ids."),
                bad("invoiceRunStart", "", Shown.AT_ONCE, "orderIds is required."),
                bad("invoiceRunStart", "\"orderIds\": {\"value\": \"[987654]\", \"type\": \"Json\"}", Shown.AT_ONCE, "Unknown sales order 987654."),
                bad("invoiceRunStart", "\"orderIds\": {\"value\": \"[1]\", \"type\": \"Json\"}, \"consolidated\": {\"value\": \"yes\"}",
                        Shown.AT_ONCE, "consolidated must be true or false."));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("catalogue")
    void badInputIsRefusedWithItsReasonAndSavesNothing(String target, String variables, Shown shown, String message) {
        Target where = targets().get(target);
        ProcessInstance instance = where.waitingInstance() == null ? null : where.waitingInstance().get();
        Task waiting = instance == null ? null
                : tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult();
        Map<String, Long> before = savedRows();

        String body = "{\"variables\": {" + variables + "}}";
        ResponseEntity<String> response = instance == null
                ? post(where.user(), "/process-definition/key/" + where.startKey() + "/start", body)
                : post(where.user(), "/task/" + waiting.getId() + "/complete", body);

        if (shown == Shown.AT_ONCE) {
            assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(response.getBody()).contains(message).doesNotContain("SQL", "at dev.tandem", "Exception:");
        } else {
            assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
            Task back = tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult();
            assertThat(back.getTaskDefinitionKey()).isEqualTo(waiting.getTaskDefinitionKey());
            assertThat((String) runtime.getVariable(instance.getId(), "refusal")).contains(message);
        }
        if (instance != null && shown == Shown.AT_ONCE) {
            assertThat(tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult().getId())
                    .isEqualTo(waiting.getId());
        }
        assertThat(savedRows()).isEqualTo(before);
    }

    private static Arguments bad(String target, String variables, Shown shown, String message) {
        return Arguments.of(target, variables, shown, message);
    }

    private static String entry(String date, String hours, String description) {
        return "\"workDate\": {\"value\": \"%s\"}, \"hours\": {\"value\": %s}, \"description\": {\"value\": \"%s\"}"
                .formatted(date, hours, description);
    }

    private static String entryOnTicket(String date, String hours, String employee) {
        return ("\"workDate\": {\"value\": \"%s\"}, \"hours\": {\"value\": %s}, \"workDescription\": {\"value\": \"Fix\"}"
                + (employee.isEmpty() ? "" : ", \"employee\": {\"value\": \"%s\"}")).formatted(date, hours, employee);
    }

    /** A start form of an order; a null customer is a customer that exists. */
    private static String order(String customer, String product, String hours) {
        return "\"customerName\": {\"value\": \"%s\"}, \"productCode\": {\"value\": \"%s\"}, \"orderedHours\": {\"value\": %s}"
                .formatted(customer == null ? "Acme Corp" : customer, product, hours);
    }

    private static String downPayment(String kind, String value) {
        return "\"invoiceKind\": {\"value\": \"DOWN_PAYMENT\"}, \"downPaymentKind\": {\"value\": \"%s\"}, \"downPaymentValue\": {\"value\": %s}"
                .formatted(kind, value);
    }

    private static String ticket(String customer, String team, String title) {
        return "\"customerName\": {\"value\": \"%s\"}, \"teamName\": {\"value\": \"%s\"}, \"title\": {\"value\": \"%s\"}"
                .formatted(customer == null ? "Acme Corp" : customer, team, title);
    }

    private static String intervention(String technician, String plannedDate) {
        return ("\"customerName\": {\"value\": \"Globex Corporation\"}, \"orderNumber\": {\"value\": \"S00002\"}, "
                + "\"technician\": {\"value\": \"%s\"}, \"site\": {\"value\": \"Depot\"}, \"plannedDate\": {\"value\": \"%s\"}")
                .formatted(technician, plannedDate);
    }

    private static String material(String code, String quantity) {
        return "\"material1Code\": {\"value\": \"%s\"}, \"material1Quantity\": {\"value\": %s}".formatted(code, quantity);
    }

    private Map<String, Target> targets() {
        Map<String, Target> targets = new LinkedHashMap<>();
        targets.put("logTimeStart", new Target("hannah", LogTimeProcess.KEY, null));
        targets.put("logTime", new Target("hannah", null, () -> people.startAs("hannah", LogTimeProcess.KEY,
                Map.of(LogTimeProcess.ORDER_NUMBER, fixtures.orderNumber(
                        fixtures.confirmedOrder(fixtures.customer(), fixtures.postpaid("80"), "5"))))));
        targets.put("prepaidStart", new Target("sam", PrepaidSupportProcess.KEY, null));
        targets.put("createInvoice", new Target("alice", null, () -> people.sellPrepaid(fixtures.customer().getName(),
                fixtures.prepaid("100").getCode(), 10)));
        targets.put("invoiceDeliveredTime", new Target("alice", null, this::postpaidOrder));
        targets.put("reviewDraft", new Target("alice", null, () -> {
            ProcessInstance order = postpaidOrder();
            fixtures.log(fixtures.employee(), fixtures.line(orderId(order)), "2");
            people.complete(order, "alice", Map.of(PostpaidSupportProcess.ACTION, PostpaidSupportProcess.INVOICE));
            return order;
        }));
        targets.put("ticketStart", new Target("hannah", SupportTicketProcess.KEY, null));
        targets.put("workOnTicket", new Target("hannah", null, () -> {
            Customer customer = fixtures.customer();
            fixtures.confirmedOrder(customer, fixtures.prepaid("100"), "5");
            return people.openTicket(customer.getName(), null);
        }));
        targets.put("fieldServiceStart", new Target("sam", FieldServiceProcess.KEY, null));
        targets.put("timerRunning", new Target("theo", null, () -> {
            ProcessInstance intervention = people.interventionForTheo("Boiler room", "Pressure");
            complete(intervention, Map.of());
            return intervention;
        }));
        targets.put("worksheet", new Target("theo", null, () -> {
            ProcessInstance intervention = people.interventionForTheo("Server room", "Cabling");
            clock.set(Instant.now().minus(Duration.ofMinutes(30)));
            complete(intervention, Map.of());
            clock.reset();
            complete(intervention, Map.of(FieldServiceProcess.TIMER_ACTION, FieldServiceProcess.STOP));
            complete(intervention, Map.of(FieldServiceProcess.TIME_DESCRIPTION, "Cabling"));
            return intervention;
        }));
        targets.put("invoiceRunStart", new Target("alice", InvoiceRunProcess.KEY, null));
        targets.put("sendQuotation", new Target("sam", null, this::quotation));
        targets.put("customerAnswer", new Target("sam", null, () -> {
            ProcessInstance quotation = quotation();
            complete(quotation, Map.of(QuotationProcess.DECISION, QuotationProcess.SEND));
            people.runJobs(quotation);
            return quotation;
        }));
        return targets;
    }

    /** A quotation Sam proposed, waiting for him to send it. */
    private ProcessInstance quotation() {
        Customer customer = fixtures.customer();
        return people.proposeFiveMoreHours(people.sellPrepaid(customer.getName(), fixtures.prepaid("100").getCode(), 10),
                customer.getName());
    }

    private ProcessInstance postpaidOrder() {
        return people.sellPostpaid(fixtures.customer().getName(), fixtures.postpaid("80").getCode(), 10);
    }

    private Long orderId(ProcessInstance order) {
        return jdbc.queryForObject("select id from sales_order where number = ?", Long.class, order.getBusinessKey());
    }

    /** Completes the step waiting in the instance, as Tandem's pages do for its assigned technician. */
    private void complete(ProcessInstance instance, Map<String, Object> form) {
        tasks.complete(tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult().getId(), form);
    }

    /** What a refusal must leave untouched: the billing records and the audit trail. */
    private Map<String, Long> savedRows() {
        Map<String, Long> rows = new LinkedHashMap<>();
        for (String table : List.of("sales_order", "sales_order_line", "timesheet_entry", "invoice", "ticket", "field_task",
                "outbound_mail", "stock_move", "audit_event")) {
            rows.put(table, jdbc.queryForObject("select count(*) from " + table, Long.class));
        }
        rows.put("process instances", runtime.createProcessInstanceQuery().count());
        return rows;
    }

    private ResponseEntity<String> post(String user, String path, String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.withBasicAuth(user, user).postForEntity("/engine-rest" + path, new HttpEntity<>(body, headers),
                String.class);
    }
}
