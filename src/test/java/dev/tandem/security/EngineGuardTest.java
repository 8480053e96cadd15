package dev.tandem.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import dev.tandem.BillingFixtures;
import dev.tandem.SupportProcesses;
import dev.tandem.TandemIntegrationTest;
import dev.tandem.TestClock;
import dev.tandem.catalog.Customer;
import dev.tandem.common.Groups;
import dev.tandem.fieldservice.FieldTaskRepository;
import dev.tandem.fieldservice.process.FieldServiceProcess;
import dev.tandem.invoicing.process.InvoicingVariables;
import dev.tandem.invoicing.process.SendInvoiceProcess;
import dev.tandem.sales.SalesOrderRepository;
import dev.tandem.sales.process.PostpaidSupportProcess;
import dev.tandem.sales.process.PrepaidSupportProcess;
import dev.tandem.timesheets.TimesheetEntry;
import dev.tandem.timesheets.TimesheetEntryRepository;
import dev.tandem.timesheets.process.LogTimeProcess;

/**
 * Each request here is one that worked before the guards, sent exactly as Tasklist, Modeler or a
 * script sends it over {@code /engine-rest} with a demo user's credentials. Each is now refused
 * with a clear 4xx and changes nothing.
 */
@TandemIntegrationTest
class EngineGuardTest {

    @Autowired TestRestTemplate http;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;
    @Autowired RepositoryService repository;
    @Autowired IdentityService identity;
    @Autowired ProcessEngine engine;
    @Autowired SupportProcesses people;
    @Autowired BillingFixtures fixtures;
    @Autowired TestClock clock;
    @Autowired FieldTaskRepository fieldTasks;
    @Autowired TimesheetEntryRepository entries;
    @Autowired SalesOrderRepository orders;
    @Autowired AccessSetup accessSetup;

    private static HttpEntity<String> json(String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return new HttpEntity<>(body, headers);
    }

    private ResponseEntity<String> post(String user, String path, String body) {
        return http.withBasicAuth(user, user).postForEntity("/engine-rest" + path, json(body), String.class);
    }

    private Task waiting(ProcessInstance instance) {
        return tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult();
    }

    /** Theo's intervention with its timer stopped after five seconds: "Confirm time spent" waits. */
    private ProcessInstance stoppedAfterFiveSeconds() {
        ProcessInstance intervention = people.interventionForTheo("Boiler room", "Pressure drop");
        Instant start = Instant.now().minus(Duration.ofMinutes(1));
        clock.set(start);
        assertThat(post("theo", "/task/" + waiting(intervention).getId() + "/complete", "{}").getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        clock.set(start.plusSeconds(5));
        assertThat(post("theo", "/task/" + waiting(intervention).getId() + "/complete",
                "{\"variables\": {\"timerAction\": {\"value\": \"STOP\"}}}").getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        clock.reset();
        assertThat(waiting(intervention).getTaskDefinitionKey()).isEqualTo(FieldServiceProcess.USER_TASK_CONFIRM_TIME);
        return intervention;
    }

    private List<TimesheetEntry> timeOf(ProcessInstance intervention) {
        Long taskId = fieldTasks.findByNumber(intervention.getBusinessKey()).orElseThrow().getId();
        return entries.findByFieldTaskIdOrderByWorkDateAscIdAsc(taskId);
    }

    @Test
    void billedMinutesSentWithConfirmTimeSpentAreRefusedAndTheTimerRowDecides() {
        ProcessInstance intervention = stoppedAfterFiveSeconds();
        String confirm = "/task/" + waiting(intervention).getId() + "/complete";

        ResponseEntity<String> attack = post("theo", confirm, """
                {"variables": {"timeDescription": {"value": "Checked the boiler"},
                               "billedMinutes": {"value": 6000, "type": "Integer"}}}""");
        ResponseEntity<String> setVariable = http.withBasicAuth("theo", "theo").exchange(
                "/engine-rest/task/" + waiting(intervention).getId() + "/variables/billedMinutes", HttpMethod.PUT,
                json("{\"value\": 6000, \"type\": \"Integer\"}"), String.class);

        assertThat(attack.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(attack.getBody()).contains("This step does not take billedMinutes");
        assertThat(setVariable.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(timeOf(intervention)).isEmpty();

        assertThat(post("theo", confirm, "{\"variables\": {\"timeDescription\": {\"value\": \"Checked the boiler\"}}}")
                .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(timeOf(intervention)).singleElement().satisfies(entry -> {
            assertThat(entry.getActualMinutes()).as("under a minute counts as one").isEqualTo(1);
            assertThat(entry.getBilledMinutes()).as("the rounding's minimum").isEqualTo(15);
        });
    }

    @Test
    void aTechnicianCannotClaimNorCompleteAnotherTechniciansStep() {
        technician("tess");
        ProcessInstance intervention = people.interventionForTheo("Roof", "Antenna");
        Task start = waiting(intervention);

        ResponseEntity<String> claim = post("tess", "/task/" + start.getId() + "/claim", "{\"userId\": \"tess\"}");
        ResponseEntity<String> handOver = http.withBasicAuth("tess", "tess").exchange("/engine-rest/task/" + start.getId(),
                HttpMethod.PUT, json("{\"name\": \"%s\", \"assignee\": \"tess\"}".formatted(start.getName())), String.class);
        ResponseEntity<String> link = post("tess", "/task/" + start.getId() + "/identity-links",
                "{\"userId\": \"tess\", \"type\": \"assignee\"}");
        ResponseEntity<String> complete = post("tess", "/task/" + start.getId() + "/complete", "{}");
        ResponseEntity<String> error = post("theo", "/task/" + start.getId() + "/bpmnError",
                "{\"errorCode\": \"FIELD_SERVICE_REFUSED\", \"variables\": {\"billedMinutes\": {\"value\": 6000}}}");

        assertThat(claim.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        // Technicians work on their group's tasks but do not edit them (only an assignee edits their own).
        assertThat(handOver.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(link.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(complete.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(complete.getBody()).contains("This step belongs to theo");
        assertThat(error.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(waiting(intervention).getId()).isEqualTo(start.getId());
        assertThat(waiting(intervention).getAssignee()).isEqualTo("theo");
    }

    /**
     * Groups are granted their tasks once per process, not task by task (which made Tasklist's
     * filters take minutes at 100,000 open tasks): sales works in prepaid support, so it sees
     * accounting's step there, but only accounting claims and completes it; helpdesk sees nothing.
     */
    @Test
    void aGroupSeesTheTasksOfItsProcessesAndClaimsOnlyItsOwnSteps() {
        ProcessInstance order = people.sellPrepaid(fixtures.customer().getName(), fixtures.prepaid("100").getCode(), 10);
        Task invoice = waiting(order);
        assertThat(invoice.getTaskDefinitionKey()).isEqualTo(PrepaidSupportProcess.USER_TASK_CREATE_INVOICE);
        String count = "/engine-rest/task/count?processInstanceId=" + order.getId();

        assertThat(engine.getAuthorizationService().createAuthorizationQuery().resourceType(Resources.TASK)
                .resourceId(invoice.getId()).count()).as("grants task by task").isZero();
        assertThat(http.withBasicAuth("alice", "alice").getForObject(count, String.class)).isEqualTo("{\"count\":1}");
        assertThat(http.withBasicAuth("sam", "sam").getForObject(count, String.class)).isEqualTo("{\"count\":1}");
        assertThat(http.withBasicAuth("hannah", "hannah").getForObject(count, String.class)).isEqualTo("{\"count\":0}");

        ResponseEntity<String> samClaims = post("sam", "/task/" + invoice.getId() + "/claim", "{\"userId\": \"sam\"}");
        ResponseEntity<String> samCompletes = post("sam", "/task/" + invoice.getId() + "/complete", "{}");
        ResponseEntity<String> aliceClaims = post("alice", "/task/" + invoice.getId() + "/claim",
                "{\"userId\": \"alice\"}");

        assertThat(samClaims.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(samClaims.getBody()).contains("This step is worked by accounting only.");
        assertThat(samCompletes.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(aliceClaims.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

        ResponseEntity<String> samGivesBack = post("sam", "/task/" + invoice.getId() + "/unclaim", "{}");
        ResponseEntity<String> aliceHandsToSam = post("alice", "/task/" + invoice.getId() + "/assignee",
                "{\"userId\": \"sam\"}");

        assertThat(samGivesBack.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(aliceHandsToSam.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(aliceHandsToSam.getBody()).contains("This step is worked by accounting only. sam is not one of them.");
        identity.setAuthentication("sam", List.of(Groups.SALES));
        try {
            assertThatThrownBy(() -> tasks.claim(invoice.getId(), null)).as("giving back a step sam does not work")
                    .hasMessage("This step is worked by accounting only.");
        } finally {
            identity.clearAuthentication();
        }
        assertThat(waiting(order).getAssignee()).isEqualTo("alice");
    }

    /** Task-by-task grants of working groups, made by earlier versions, are withdrawn at start; others stay. */
    @Test
    void taskByTaskGrantsOfEarlierVersionsAreWithdrawnAtStart() throws Exception {
        AuthorizationService authorizations = engine.getAuthorizationService();
        Authorization old = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        old.setGroupId(Groups.SALES);
        old.setResource(Resources.TASK);
        old.setResourceId("task-of-an-earlier-version");
        old.addPermission(Permissions.READ);
        authorizations.saveAuthorization(old);

        accessSetup.run(null);

        assertThat(authorizations.createAuthorizationQuery().resourceType(Resources.TASK)
                .resourceId("task-of-an-earlier-version").count()).isZero();
        assertThat(authorizations.createAuthorizationQuery().groupIdIn(Groups.AUDITORS).resourceType(Resources.TASK)
                .resourceId("*").count()).as("auditors read every task still").isOne();
    }

    /** Send invoice mails a posted invoice to its customer: only an invoice run starts it, not a person, not even an administrator. */
    @Test
    void nobodyStartsSendInvoiceByHand() {
        long before = runtime.createProcessInstanceQuery().processDefinitionKey(SendInvoiceProcess.KEY).count();

        ResponseEntity<String> start = post("admin", "/process-definition/key/" + SendInvoiceProcess.KEY + "/start",
                "{\"variables\": {\"invoiceId\": {\"value\": 1, \"type\": \"Long\"}}}");

        assertThat(start.getStatusCode().is2xxSuccessful()).isFalse();
        assertThat(start.getBody()).contains("send-invoice is started by Tandem itself at this point, not by a person.");
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(SendInvoiceProcess.KEY).count())
                .isEqualTo(before);
    }

    @Test
    void onlyTechniciansArePlannedOnSite() {
        Customer customer = fixtures.customer();
        Long order = fixtures.confirmedOrder(customer, fixtures.postpaid("80"), "5");

        assertThatThrownBy(() -> people.startAs("sam", FieldServiceProcess.KEY, Map.of(
                FieldServiceProcess.CUSTOMER_NAME, customer.getName(),
                FieldServiceProcess.ORDER_NUMBER, fixtures.orderNumber(order),
                FieldServiceProcess.TECHNICIAN, "hannah", FieldServiceProcess.SITE, "Depot")))
                .hasMessage("hannah is not a technician: only technicians can be planned on site.");
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(FieldServiceProcess.KEY)
                .processInstanceBusinessKeyLike("F%").active().list())
                .noneMatch(instance -> fieldTasks.findByNumber(instance.getBusinessKey()).orElseThrow()
                        .getSalesOrder().getId().equals(order));
    }

    @Test
    void aStepHandedToSomebodyOfAnotherGroupIsStillWorkedOnlyByItsOwnGroup() {
        ProcessInstance order = people.sellPostpaid(fixtures.customer().getName(), fixtures.postpaid("80").getCode(), 10);
        String taskId = waiting(order).getId();
        tasks.setAssignee(taskId, "sam");

        ResponseEntity<String> completed = post("sam", "/task/" + taskId + "/complete",
                "{\"variables\": {\"action\": {\"value\": \"CLOSE\"}}}");

        assertThat(completed.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(completed.getBody()).contains("This step is worked by accounting only.");
        assertThat(waiting(order).getId()).isEqualTo(taskId);
    }

    @Test
    void anOrderLineSentWithLogTimeIsRefused() {
        Long order = fixtures.confirmedOrder(fixtures.customer(), fixtures.postpaid("80"), "5");
        Long otherLine = fixtures.line(fixtures.confirmedOrder(fixtures.customer(), fixtures.postpaid("80"), "5"));
        ProcessInstance logTime = people.startAs("hannah", LogTimeProcess.KEY,
                Map.of(LogTimeProcess.ORDER_NUMBER, fixtures.orderNumber(order)));
        String taskId = waiting(logTime).getId();
        tasks.claim(taskId, "hannah");

        ResponseEntity<String> attack = post("hannah", "/task/" + taskId + "/complete", """
                {"variables": {"workDate": {"value": "%s"}, "hours": {"value": 2},
                 "description": {"value": "Router"}, "orderLineId": {"value": %d, "type": "Long"}}}"""
                .formatted(BillingFixtures.today(), otherLine));

        assertThat(attack.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(attack.getBody()).contains("does not take orderLineId");
        assertThat(entries.findAll()).noneMatch(entry -> entry.getSalesOrderLine() != null
                && entry.getSalesOrderLine().getId().equals(otherLine));
    }

    @Test
    void wrongTypesUnknownChoicesAndExtraDecimalsAreRefusedWithTheirReason() {
        ProcessInstance order = people.sellPostpaid(fixtures.customer().getName(), fixtures.postpaid("80").getCode(), 10);
        String taskId = waiting(order).getId();
        tasks.claim(taskId, "alice");
        String complete = "/task/" + taskId + "/complete";

        assertThat(post("alice", complete, "{\"variables\": {\"action\": {\"value\": \"FOO\"}}}").getBody())
                .contains("action must be one of INVOICE, DOWN_PAYMENT, CREDIT, WAIT, CLOSE, not FOO.");
        assertThat(post("alice", complete, "{\"variables\": {}}").getBody()).contains("action is required.");
        assertThat(post("alice", complete, """
                {"variables": {"action": {"value": "DOWN_PAYMENT"}, "downPaymentKind": {"value": "FIXED"},
                 "downPaymentValue": {"value": 0.001}}}""").getBody())
                .contains("downPaymentValue has more decimals than Tandem keeps: at most 2, not 0.001.");
        assertThat(post("alice", complete, """
                {"variables": {"action": {"value": "INVOICE"}, "periodStart": {"value": "yesterday"}}}""").getBody())
                .contains("periodStart must be a date like 2026-11-20, not yesterday.");
        assertThat(post("alice", complete, """
                {"variables": {"action": {"value": "INVOICE"}, "deductDownPayments": {"value": "yes"}}}""").getBody())
                .contains("deductDownPayments must be true or false.");
        assertThat(post("alice", complete, """
                {"variables": {"action": {"value": "CREDIT"}, "creditedInvoiceNumber": {"value": "%s"}}}"""
                .formatted("X".repeat(201))).getBody())
                .contains("creditedInvoiceNumber is too long: at most 200 characters, not 201.");
        assertThat(waiting(order).getId()).isEqualTo(taskId);
    }

    @Test
    void creditedEntriesSentAsTextAreRefusedNotReadAsTheWholeInvoice() {
        ProcessInstance order = people.sellPostpaid(fixtures.customer().getName(), fixtures.postpaid("80").getCode(), 10);
        Long orderId = orders.ofInstance(order.getBusinessKey()).getId();
        fixtures.log(fixtures.employee(), fixtures.line(orderId), "1");
        fixtures.log(fixtures.employee(), fixtures.line(orderId), "2");
        String invoiceNumber = people.invoiceThenAskToCredit(order);
        String credit = waiting(order).getId();
        tasks.claim(credit, "alice");

        ResponseEntity<String> attack = post("alice", "/task/" + credit + "/complete",
                "{\"variables\": {\"creditedEntries\": {\"value\": \"all of them\"}}}");

        assertThat(attack.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(attack.getBody()).contains("creditedEntries must be a list of ids.");
        assertThat(waiting(order).getTaskDefinitionKey()).isEqualTo(PostpaidSupportProcess.USER_TASK_CREDIT_INVOICE);
        assertThat(runtime.getVariable(order.getId(), InvoicingVariables.INVOICE_NUMBER)).isEqualTo(invoiceNumber);
    }

    @Test
    void anUnknownCreditChoiceIsRefusedAndNeitherCreditsNorSkipsTheCredit() {
        ProcessInstance order = people.sellPostpaid(fixtures.customer().getName(), fixtures.postpaid("80").getCode(), 10);
        fixtures.log(fixtures.employee(), fixtures.line(orders.ofInstance(order.getBusinessKey()).getId()), "1");
        String invoiceNumber = people.invoiceThenAskToCredit(order);
        String credit = waiting(order).getId();
        tasks.claim(credit, "alice");

        ResponseEntity<String> attack = post("alice", "/task/" + credit + "/complete",
                "{\"variables\": {\"creditChoice\": {\"value\": \"MAYBE\"}}}");

        assertThat(attack.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(attack.getBody()).contains("creditChoice must be one of ISSUE, NOTHING, not MAYBE.");
        assertThat(waiting(order).getId()).isEqualTo(credit);
        assertThat(tasks.getVariable(credit, InvoicingVariables.CREDIT_CHOICE)).isEqualTo(InvoicingVariables.ISSUE);
        assertThat(runtime.getVariable(order.getId(), InvoicingVariables.INVOICE_NUMBER)).isEqualTo(invoiceNumber);
    }

    @Test
    void aStartVariableCannotNameTheSalespersonWhoSoldIsWhoStarted() {
        String start = "/process-definition/key/" + PrepaidSupportProcess.KEY + "/start";
        String form = """
                "customerName": {"value": "%s"}, "productCode": {"value": "%s"}, "orderedHours": {"value": 5}"""
                .formatted(fixtures.customer().getName(), fixtures.prepaid("100").getCode());

        ResponseEntity<String> attack = post("sam", start, "{\"variables\": {" + form
                + ", \"salesperson\": {\"value\": \"mallory\"}}}");
        ResponseEntity<String> honest = post("sam", start, "{\"variables\": {" + form + "}}");

        assertThat(attack.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(attack.getBody()).contains("does not take salesperson");
        assertThat(honest.getStatusCode()).isEqualTo(HttpStatus.OK);
        String businessKey = honest.getBody().replaceAll("(?s).*\"businessKey\":\"([^\"]+)\".*", "$1");
        assertThat(orders.ofInstance(businessKey).getSalesperson()).isEqualTo("sam");
    }

    @Test
    void aRefusedStartAnswers400WithTheReasonAndNoInternals() {
        ResponseEntity<String> refused = post("hannah", "/process-definition/key/" + LogTimeProcess.KEY + "/start",
                "{\"variables\": {\"orderNumber\": {\"value\": \"S99999\"}}}");

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getBody()).contains("Unknown sales order S99999.").doesNotContain("at dev.tandem", "SQL");
    }

    @Test
    void tasklistGetsA400WithTheReasonForAValueTheFormCannotTake() {
        ProcessInstance order = people.sellPostpaid(fixtures.customer().getName(), fixtures.postpaid("80").getCode(), 10);
        String taskId = waiting(order).getId();
        tasks.claim(taskId, "alice");
        Logins logins = new Logins(http);

        ResponseEntity<String> submitted = logins.post(logins.webapp("tasklist", "alice"),
                "/camunda/api/engine/engine/default/task/" + taskId + "/submit-form", """
                {"variables": {"action": {"value": "DOWN_PAYMENT"}, "downPaymentKind": {"value": "FIXED"},
                 "downPaymentValue": {"value": 12.345}}}""");

        assertThat(submitted.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(submitted.getBody()).contains("downPaymentValue has more decimals than Tandem keeps: at most 2, not 12.345.");
        assertThat(waiting(order).getId()).isEqualTo(taskId);
    }

    @Test
    void aTechnicalErrorAnswers500WithAReferenceAndNothingOfTheDatabase() {
        ResponseEntity<String> failed = post("admin", "/task/create", "{\"name\": \"%s\"}".formatted("x".repeat(5000)));

        assertThat(failed.getStatusCode()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
        assertThat(failed.getBody()).contains("technical error", "logged as")
                .doesNotContainIgnoringCase("sql").doesNotContain("ACT_RU_TASK", "insert into", "Exception");
    }

    @Test
    void peopleStartProcessesOnlyAtTheirFormsStartEvent() {
        Long order = fixtures.confirmedOrder(fixtures.customer(), fixtures.postpaid("80"), "5");
        String number = fixtures.orderNumber(order);
        long before = runtime.createProcessInstanceQuery().processDefinitionKey(FieldServiceProcess.KEY).count();

        ResponseEntity<String> message = post("sam", "/message", """
                {"messageName": "%s", "businessKey": "%s"}""".formatted(FieldServiceProcess.MESSAGE_TIME_ADDED_AFTER_DONE,
                "F99999"));
        ResponseEntity<String> atActivity = post("sam", "/process-definition/key/" + PostpaidSupportProcess.KEY
                + "/start", """
                {"businessKey": "%s", "startInstructions": [{"type": "startBeforeActivity",
                 "activityId": "%s"}]}""".formatted(number, PostpaidSupportProcess.SERVICE_TASK_ISSUE_CREDIT_NOTE));

        assertThat(message.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(message.getBody()).contains("send messages or signals into instances");
        assertThat(atActivity.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(FieldServiceProcess.KEY).count())
                .isEqualTo(before);
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(number).count()).isZero();
    }

    @Test
    void aProcessOwnerCanNeitherModifyNorDeleteNorChangeARunningBillingInstance() {
        ProcessInstance order = people.sellPostpaid(fixtures.customer().getName(), fixtures.postpaid("80").getCode(), 10);

        ResponseEntity<String> modify = post("olivia", "/process-instance/" + order.getId() + "/modification", """
                {"instructions": [{"type": "startBeforeActivity", "activityId": "%s"}],
                 "skipCustomListeners": true}""".formatted(PostpaidSupportProcess.SERVICE_TASK_ISSUE_CREDIT_NOTE));
        ResponseEntity<String> delete = post("olivia", "/process-instance/delete",
                "{\"processInstanceIds\": [\"%s\"], \"deleteReason\": \"test\"}".formatted(order.getId()));
        ResponseEntity<String> variable = http.withBasicAuth("olivia", "olivia").exchange(
                "/engine-rest/process-instance/" + order.getId() + "/variables/invoiceId", HttpMethod.PUT,
                json("{\"value\": 1, \"type\": \"Long\"}"), String.class);

        assertThat(modify.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(delete.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(variable.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(order.getId()).count()).isOne();
        assertThat(waiting(order).getTaskDefinitionKey()).isEqualTo(PostpaidSupportProcess.USER_TASK_INVOICE_DELIVERED_TIME);
        assertThat(runtime.getVariable(order.getId(), InvoicingVariables.INVOICE_ID)).isNull();
    }

    @Test
    void aProcessOwnerMigratesInstancesButCannotSetTheirVariablesOnTheWay() {
        ProcessInstance order = people.sellPostpaid(fixtures.customer().getName(), fixtures.postpaid("80").getCode(), 10);
        String definition = order.getProcessDefinitionId();

        ResponseEntity<String> migrated = post("olivia", "/migration/execute", """
                {"migrationPlan": {"sourceProcessDefinitionId": "%s", "targetProcessDefinitionId": "%s",
                  "instructions": [{"sourceActivityIds": ["%s"], "targetActivityIds": ["%s"]}],
                  "variables": {"review": {"value": "APPROVE"}}},
                 "processInstanceIds": ["%s"]}""".formatted(definition, definition,
                PostpaidSupportProcess.USER_TASK_INVOICE_DELIVERED_TIME, PostpaidSupportProcess.USER_TASK_INVOICE_DELIVERED_TIME,
                order.getId()));

        ResponseEntity<String> remapped = post("olivia", "/migration/execute", """
                {"migrationPlan": {"sourceProcessDefinitionId": "%s", "targetProcessDefinitionId": "%s",
                  "instructions": [{"sourceActivityIds": ["%s"], "targetActivityIds": ["%s"]}]},
                 "processInstanceIds": ["%s"]}""".formatted(definition, definition,
                PostpaidSupportProcess.USER_TASK_INVOICE_DELIVERED_TIME, PostpaidSupportProcess.USER_TASK_CREDIT_INVOICE,
                order.getId()));

        assertThat(migrated.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(migrated.getBody()).contains("may migrate instances but not set their variables (review)");
        assertThat(remapped.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(remapped.getBody()).contains("each step to the same step");
        assertThat(runtime.getVariable(order.getId(), "review")).isNull();
        assertThat(waiting(order).getTaskDefinitionKey()).isEqualTo(PostpaidSupportProcess.USER_TASK_INVOICE_DELIVERED_TIME);
    }

    @Test
    void aModelThatRunsCodeIsRefusedNamingTheElement() {
        long before = repository.createDeploymentQuery().count();

        ResponseEntity<String> membership = deployAs("olivia", "escalation.bpmn", model("""
                <bpmn:sequenceFlow id="flow_toEnd" sourceRef="start" targetRef="end">
                  <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">${execution.processEngineServices.identityService.createMembership('olivia', 'camunda-admin') == null}</bpmn:conditionExpression>
                </bpmn:sequenceFlow>"""));
        ResponseEntity<String> javaClass = deployAs("olivia", "class.bpmn", model("""
                <bpmn:sequenceFlow id="flow_toEnd" sourceRef="start" targetRef="end" />
                <bpmn:serviceTask id="serviceTask_anything" camunda:class="java.lang.Runtime" />"""));
        ResponseEntity<String> unknownBean = deployAs("olivia", "bean.bpmn", model("""
                <bpmn:sequenceFlow id="flow_toEnd" sourceRef="start" targetRef="end" />
                <bpmn:serviceTask id="serviceTask_identity" camunda:delegateExpression="${identityService}" />"""));
        ResponseEntity<String> script = deployAs("olivia", "script.bpmn", model("""
                <bpmn:sequenceFlow id="flow_toEnd" sourceRef="start" targetRef="end" />
                <bpmn:scriptTask id="scriptTask_anything" scriptFormat="javascript"><bpmn:script>1</bpmn:script></bpmn:scriptTask>"""));

        assertThat(membership.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(membership.getBody()).contains("element flow_toEnd", "does more than read variables");
        assertThat(javaClass.getBody()).contains("element serviceTask_anything", "class runs code");
        assertThat(unknownBean.getBody()).contains("${identityService} is not one of Tandem's delegate or listener beans");
        assertThat(script.getBody()).contains("element scriptTask_anything");
        for (String hidden : List.of(
                // Camunda reads its older namespace as its own
                "<bpmn:serviceTask id=\"serviceTask_old\" xmlns:activiti=\"http://activiti.org/bpmn\" activiti:class=\"java.lang.Runtime\" />",
                // a listener's class needs no prefix
                "<bpmn:serviceTask id=\"serviceTask_listener\" camunda:delegateExpression=\"${closeOrder}\"><bpmn:extensionElements>"
                        + "<camunda:executionListener event=\"start\" class=\"java.lang.Runtime\" /></bpmn:extensionElements></bpmn:serviceTask>",
                // a quote escaped inside a string literal, and a call after it
                "<bpmn:serviceTask id=\"serviceTask_escaped\" camunda:asyncBefore=\"${x == '\\'} ' || ''.getClass() == null}\" />",
                // an expression cut in two by CDATA, joined again by the engine's parser
                "<bpmn:serviceTask id=\"serviceTask_cut\" camunda:delegateExpression=\"${closeOrder}\"><bpmn:documentation>x</bpmn:documentation>"
                        + "<bpmn:extensionElements><camunda:inputOutput><camunda:inputParameter name=\"billingPolicy\">$<![CDATA[{''.getClass()}]]>"
                        + "</camunda:inputParameter></camunda:inputOutput></bpmn:extensionElements></bpmn:serviceTask>",
                // a variable written by the model, faking accounting's approval
                "<bpmn:serviceTask id=\"serviceTask_approved\" camunda:delegateExpression=\"${postInvoice}\"><bpmn:extensionElements>"
                        + "<camunda:inputOutput><camunda:inputParameter name=\"review\">APPROVE</camunda:inputParameter></camunda:inputOutput>"
                        + "</bpmn:extensionElements></bpmn:serviceTask>",
                // a generated form field that stores what was sent under another name
                "<bpmn:userTask id=\"userTask_form\"><bpmn:extensionElements><camunda:formProperty id=\"note\" "
                        + "variable=\"invoiceId\" /></bpmn:extensionElements></bpmn:userTask><bpmn:serviceTask id=\"serviceTask_x\" />",
                "<bpmn:serviceTask id=\"serviceTask_output\" camunda:delegateExpression=\"${closeOrder}\"><bpmn:extensionElements>"
                        + "<camunda:inputOutput><camunda:outputParameter name=\"review\">APPROVE</camunda:outputParameter></camunda:inputOutput>"
                        + "</bpmn:extensionElements></bpmn:serviceTask>",
                // a call of a process only Tandem starts, or of one a person names in a form
                "<bpmn:callActivity id=\"callActivity_run\" calledElement=\"invoice-run\" />",
                "<bpmn:callActivity id=\"callActivity_typed\" calledElement=\"${proposalNote}\" />")) {
            ResponseEntity<String> refused = deployAs("olivia", "hidden.bpmn",
                    model("<bpmn:sequenceFlow id=\"flow_toEnd\" sourceRef=\"start\" targetRef=\"end\" />" + hidden));
            assertThat(refused.getStatusCode()).as(hidden).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(refused.getBody()).as(hidden).contains("Deployment refused: hidden.bpmn element ");
        }
        assertThat(repository.createDeploymentQuery().count()).isEqualTo(before);
        assertThat(identity.createUserQuery().memberOfGroup(Groups.ADMINISTRATORS).userId("olivia").count()).isZero();
    }

    @Test
    void aModelThatReadsAndComparesVariablesAndCallsTandemsBeansDeploys() {
        ResponseEntity<String> deployed = deployAs("olivia", "allowed.bpmn", model("""
                <bpmn:sequenceFlow id="flow_toEnd" sourceRef="start" targetRef="end">
                  <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">${execution.getVariable('action') == 'CLOSE' &amp;&amp; !fullyInvoiced}</bpmn:conditionExpression>
                </bpmn:sequenceFlow>
                <bpmn:serviceTask id="serviceTask_close" camunda:delegateExpression="${closeOrder}" />"""));

        assertThat(deployed.getStatusCode()).isEqualTo(HttpStatus.OK);
        repository.deleteDeployment(deployed.getBody().replaceAll("(?s).*?\"id\":\"([^\"]+)\".*", "$1"), true);
    }

    @Test
    void aStrangerTypingSomeonesPasswordWrongSlowsTheirLoginDownButNeverLocksIt() throws InterruptedException {
        if (identity.createUserQuery().userId("lena").count() == 0) {
            User lena = identity.newUser("lena");
            lena.setPassword("correct-horse");
            identity.saveUser(lena);
        }
        TestRestTemplate stranger = http.withBasicAuth("lena", "guess");
        TestRestTemplate lena = http.withBasicAuth("lena", "correct-horse");

        assertThat(stranger.getForEntity("/engine-rest/task", String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(lena.getForEntity("/engine-rest/task", String.class).getStatusCode())
                .as("the next check waits a few seconds").isEqualTo(HttpStatus.UNAUTHORIZED);
        Thread.sleep(3_500);

        assertThat(lena.getForEntity("/engine-rest/task", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(identity.createUserQuery().userId("lena").singleResult()).isNotNull();
        assertThat(((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getLoginMaxAttempts()).as("no count of failures ever locks an account").isEqualTo(Integer.MAX_VALUE);
    }

    private void technician(String userId) {
        if (identity.createUserQuery().userId(userId).count() == 0) {
            User user = identity.newUser(userId);
            user.setPassword(userId);
            identity.saveUser(user);
            identity.createMembership(userId, Groups.TECHNICIANS);
        }
    }

    /** A one-path process as Modeler saves it, with the given flow and elements between start and end. */
    private static byte[] model(String elements) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                    xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
                    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" id="definitions_probe"
                    targetNamespace="http://tandem.dev/probe">
                  <bpmn:process id="probe" isExecutable="true" camunda:historyTimeToLive="P1D">
                    <bpmn:startEvent id="start" />
                    %s
                    <bpmn:endEvent id="end" />
                  </bpmn:process>
                </bpmn:definitions>
                """.formatted(elements).getBytes(StandardCharsets.UTF_8);
    }

    private ResponseEntity<String> deployAs(String user, String name, byte[] model) {
        MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        parts.add("deployment-name", name);
        parts.add(name, new ByteArrayResource(model) {
            @Override
            public String getFilename() {
                return name;
            }
        });
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return http.withBasicAuth(user, user).postForEntity("/engine-rest/deployment/create",
                new HttpEntity<>(parts, headers), String.class);
    }
}
