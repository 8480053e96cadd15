package dev.tandem.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Stream;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import dev.tandem.BillingFixtures;
import dev.tandem.SupportProcesses;
import dev.tandem.TandemIntegrationTest;
import dev.tandem.catalog.Customer;
import dev.tandem.fieldservice.process.FieldServiceProcess;
import dev.tandem.helpdesk.process.SupportTicketProcess;
import dev.tandem.invoicing.process.InvoiceRunProcess;
import dev.tandem.sales.process.PostpaidSupportProcess;
import dev.tandem.sales.process.PrepaidSupportProcess;
import dev.tandem.timesheets.process.LogTimeProcess;

/**
 * Who may do what, over HTTP as each channel does it: every demo user of the seven groups tries
 * every action, each on fresh data, and exactly the expected people succeed. A row reads as the
 * README's security section: "starts Prepaid support: sam (sales) and admin".
 */
@TandemIntegrationTest
class AuthorizationMatrixTest {

    /** One demo user per group: sales, helpdesk, technicians, accounting, process owners, auditors, administrators. */
    private static final List<String> PEOPLE = List.of("sam", "hannah", "theo", "alice", "olivia", "audrey", "admin");

    @Autowired TestRestTemplate http;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;
    @Autowired RepositoryService repository;
    @Autowired BillingFixtures fixtures;
    @Autowired SupportProcesses people;

    private final List<String> deployments = new ArrayList<>();

    @AfterEach
    void removeProbeDeployments() {
        deployments.forEach(id -> repository.deleteDeployment(id, true));
        deployments.clear();
    }

    static Stream<Arguments> matrix() {
        return Stream.of(
                Arguments.of("logs into Tasklist", Set.of("sam", "hannah", "theo", "alice", "olivia", "admin")),
                Arguments.of("logs into Cockpit", Set.of("olivia", "audrey", "admin")),
                Arguments.of("logs into Admin", Set.of("admin")),
                Arguments.of("starts Prepaid support", Set.of("sam", "admin")),
                Arguments.of("starts Field service", Set.of("sam", "admin")),
                Arguments.of("starts Support ticket", Set.of("hannah", "admin")),
                Arguments.of("starts Log time", Set.of("hannah", "theo", "admin")),
                Arguments.of("starts an Invoice run", Set.of("alice", "admin")),
                Arguments.of("completes accounting's Invoice delivered time", Set.of("alice", "admin")),
                Arguments.of("completes helpdesk's Work on ticket", Set.of("hannah", "admin")),
                Arguments.of("completes Theo's Start work on site", Set.of("theo")),
                Arguments.of("sets a variable of a billing instance", Set.of("admin")),
                Arguments.of("modifies a billing instance", Set.of("admin")),
                Arguments.of("deletes a billing instance", Set.of("admin")),
                Arguments.of("deploys a model", Set.of("olivia", "admin")),
                Arguments.of("reads an invoice's lineage in Cockpit", Set.of("olivia", "audrey", "admin")),
                Arguments.of("opens the To-Invoice page", Set.of("alice", "admin")),
                Arguments.of("opens the technician page", Set.of("theo")),
                Arguments.of("opens Theo's worksheet report", Set.of("theo", "alice", "admin")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("matrix")
    void exactlyTheseGroupsMay(String action, Set<String> allowed) {
        Predicate<String> attempt = attempts().get(action);
        Set<String> succeeded = new TreeSet<>();
        for (String user : PEOPLE) {
            if (attempt.test(user)) {
                succeeded.add(user);
            }
        }
        assertThat(succeeded).as(action).isEqualTo(new TreeSet<>(allowed));
    }

    /** Each action as one person does it, on data of its own; true when it went through. */
    private Map<String, Predicate<String>> attempts() {
        Map<String, Predicate<String>> attempts = new LinkedHashMap<>();
        Logins logins = new Logins(http);
        attempts.put("logs into Tasklist", user -> logins.webapp("tasklist", user).status().is2xxSuccessful());
        attempts.put("logs into Cockpit", user -> logins.webapp("cockpit", user).status().is2xxSuccessful());
        attempts.put("logs into Admin", user -> logins.webapp("admin", user).status().is2xxSuccessful());
        attempts.put("starts Prepaid support", user -> start(user, PrepaidSupportProcess.KEY, """
                "customerName": {"value": "%s"}, "productCode": {"value": "%s"}, "orderedHours": {"value": 5}"""
                .formatted(fixtures.customer().getName(), fixtures.prepaid("100").getCode())));
        attempts.put("starts Field service", user -> {
            Customer customer = fixtures.customer();
            Long order = fixtures.confirmedOrder(customer, fixtures.postpaid("80"), "5");
            return start(user, FieldServiceProcess.KEY, """
                    "customerName": {"value": "%s"}, "orderNumber": {"value": "%s"}, "technician": {"value": "theo"},
                    "site": {"value": "Depot"}""".formatted(customer.getName(), fixtures.orderNumber(order)));
        });
        attempts.put("starts Support ticket", user -> {
            Customer customer = fixtures.customer();
            fixtures.confirmedOrder(customer, fixtures.prepaid("100"), "5");
            return start(user, SupportTicketProcess.KEY, """
                    "customerName": {"value": "%s"}, "teamName": {"value": "%s"}, "title": {"value": "Printer"}"""
                    .formatted(customer.getName(), SupportProcesses.TEAM));
        });
        attempts.put("starts Log time", user -> start(user, LogTimeProcess.KEY, "\"orderNumber\": {\"value\": \"%s\"}"
                .formatted(fixtures.orderNumber(fixtures.confirmedOrder(fixtures.customer(), fixtures.postpaid("80"), "5")))));
        attempts.put("starts an Invoice run", user -> start(user, InvoiceRunProcess.KEY,
                "\"orderIds\": {\"value\": \"[%d]\", \"type\": \"Json\"}"
                        .formatted(fixtures.confirmedOrder(fixtures.customer(), fixtures.postpaid("80"), "5"))));
        attempts.put("completes accounting's Invoice delivered time", user -> complete(user, postpaidOrder(),
                "\"action\": {\"value\": \"CLOSE\"}"));
        attempts.put("completes helpdesk's Work on ticket", user -> {
            Customer customer = fixtures.customer();
            fixtures.confirmedOrder(customer, fixtures.prepaid("100"), "5");
            return complete(user, people.openTicket(customer.getName(), null), "\"resolved\": {\"value\": true}");
        });
        attempts.put("completes Theo's Start work on site", user -> complete(user,
                people.interventionForTheo("Cellar", "Leak"), ""));
        attempts.put("sets a variable of a billing instance", user -> ok(http.withBasicAuth(user, user).exchange(
                "/engine-rest/process-instance/" + postpaidOrder().getId() + "/variables/note", HttpMethod.PUT,
                json("{\"value\": \"x\", \"type\": \"String\"}"), String.class)));
        attempts.put("modifies a billing instance", user -> ok(post(user, "/process-instance/" + postpaidOrder().getId()
                + "/modification", "{\"instructions\": [{\"type\": \"startBeforeActivity\", \"activityId\": \"%s\"}]}"
                .formatted(PostpaidSupportProcess.USER_TASK_INVOICE_DELIVERED_TIME))));
        attempts.put("deletes a billing instance", user -> ok(http.withBasicAuth(user, user).exchange(
                "/engine-rest/process-instance/" + postpaidOrder().getId(), HttpMethod.DELETE, null, String.class)));
        attempts.put("deploys a model", this::deploysAProbe);
        attempts.put("reads an invoice's lineage in Cockpit", user -> {
            Logins.Session session = logins.webapp("cockpit", user);
            if (!session.status().is2xxSuccessful()) {
                session = logins.webapp("tasklist", user);
            }
            // An unknown number: those allowed to read lineage are told so (404), others are refused (403).
            return logins.get(session, "/camunda/api/cockpit/plugin/tandem-audit/default/billing/invoice?number=INV/1999/00001",
                    MediaType.APPLICATION_JSON).getStatusCode().value() == 404;
        });
        attempts.put("opens the To-Invoice page", user -> page(logins, user, "/tandem/to-invoice"));
        attempts.put("opens the technician page", user -> page(logins, user, "/tandem/technician"));
        attempts.put("opens Theo's worksheet report", user -> page(logins, user,
                "/tandem/field-tasks/" + people.interventionForTheo("Attic", "Fan").getBusinessKey() + "/report.pdf"));
        return attempts;
    }

    private ProcessInstance postpaidOrder() {
        return people.sellPostpaid(fixtures.customer().getName(), fixtures.postpaid("80").getCode(), 10);
    }

    private boolean start(String user, String key, String variables) {
        return ok(post(user, "/process-definition/key/" + key + "/start", "{\"variables\": {" + variables + "}}"));
    }

    private boolean complete(String user, ProcessInstance instance, String variables) {
        String taskId = tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult().getId();
        return ok(post(user, "/task/" + taskId + "/complete", "{\"variables\": {" + variables + "}}"));
    }

    private boolean page(Logins logins, String user, String path) {
        int status = logins.tandemPage(user, path);
        return status >= 200 && status < 300;
    }

    private boolean deploysAProbe(String user) {
        byte[] model = """
                <?xml version="1.0" encoding="UTF-8"?>
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                    xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="definitions_matrix"
                    targetNamespace="http://tandem.dev/matrix">
                  <bpmn:process id="matrix-probe" isExecutable="true" camunda:historyTimeToLive="P1D">
                    <bpmn:startEvent id="start" />
                  </bpmn:process>
                </bpmn:definitions>
                """.getBytes(StandardCharsets.UTF_8);
        MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        parts.add("deployment-name", "matrix probe by " + user);
        parts.add("matrix-probe.bpmn", new ByteArrayResource(model) {
            @Override
            public String getFilename() {
                return "matrix-probe.bpmn";
            }
        });
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        ResponseEntity<String> response = http.withBasicAuth(user, user).postForEntity("/engine-rest/deployment/create",
                new HttpEntity<>(parts, headers), String.class);
        if (response.getStatusCode().is2xxSuccessful()) {
            deployments.add(response.getBody().replaceAll("(?s).*?\"id\":\"([^\"]+)\".*", "$1"));
            return true;
        }
        return false;
    }

    private ResponseEntity<String> post(String user, String path, String body) {
        return http.withBasicAuth(user, user).postForEntity("/engine-rest" + path, json(body), String.class);
    }

    private static HttpEntity<String> json(String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return new HttpEntity<>(body, headers);
    }

    private static boolean ok(ResponseEntity<String> response) {
        return response.getStatusCode().is2xxSuccessful();
    }
}
