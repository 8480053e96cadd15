package dev.tandem.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.repository.ProcessDefinition;
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
import dev.tandem.TandemIntegrationTest;
import dev.tandem.common.Groups;
import dev.tandem.timesheets.process.LogTimeProcess;

/**
 * Auditors read everything and change nothing; process owners deploy new model versions through
 * the REST API, as Camunda Modeler does. Checked against Camunda's authorizations, over HTTP.
 */
@TandemIntegrationTest
class AuditorsAndProcessOwnersTest {

    @Autowired TestRestTemplate http;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;
    @Autowired HistoryService history;
    @Autowired RepositoryService repository;
    @Autowired BillingFixtures fixtures;
    @Autowired AuthorizationService authorizations;
    @Autowired AccessSetup accessSetup;

    private ProcessInstance timeToLog() {
        Long order = fixtures.confirmedOrder(fixtures.customer(), fixtures.postpaid("80"), "5");
        return runtime.startProcessInstanceByKey(LogTimeProcess.KEY,
                Map.of(LogTimeProcess.ORDER_NUMBER, fixtures.orderNumber(order)));
    }

    private Task taskOf(ProcessInstance instance) {
        return tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult();
    }

    private static HttpEntity<String> json(String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return new HttpEntity<>(body, headers);
    }

    @Test
    void rightsOnInstancesThatEarlierVersionsGaveProcessOwnersAreWithdrawnAtStart() {
        // As an earlier version of Tandem granted them: on the grant process owners hold on every instance.
        Authorization earlier = authorizations.createAuthorizationQuery().authorizationType(Authorization.AUTH_TYPE_GRANT)
                .groupIdIn(Groups.PROCESS_OWNERS).resourceType(Resources.PROCESS_INSTANCE)
                .resourceId(Authorization.ANY).singleResult();
        earlier.addPermission(Permissions.UPDATE);
        earlier.addPermission(Permissions.DELETE);
        authorizations.saveAuthorization(earlier);
        List<String> groups = List.of(Groups.PROCESS_OWNERS);
        assertThat(authorizations.isUserAuthorized("olivia", groups, Permissions.UPDATE, Resources.PROCESS_INSTANCE))
                .isTrue();

        accessSetup.run(null);

        assertThat(authorizations.isUserAuthorized("olivia", groups, Permissions.UPDATE, Resources.PROCESS_INSTANCE))
                .isFalse();
        assertThat(authorizations.isUserAuthorized("olivia", groups, Permissions.DELETE, Resources.PROCESS_INSTANCE))
                .isFalse();
        assertThat(authorizations.isUserAuthorized("olivia", groups, Permissions.MIGRATE_INSTANCE,
                Resources.PROCESS_DEFINITION)).isTrue();
    }

    @Test
    void anAuditorReadsTasksAndHistory() {
        ProcessInstance instance = timeToLog();
        TestRestTemplate audrey = http.withBasicAuth("audrey", "audrey");

        assertThat(audrey.getForEntity("/engine-rest/task/" + taskOf(instance).getId(), String.class).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertThat(audrey.getForEntity("/engine-rest/history/process-instance?processInstanceId=" + instance.getId(),
                String.class).getBody()).contains(instance.getId());
        assertThat(audrey.getForEntity("/engine-rest/history/variable-instance?processInstanceId=" + instance.getId(),
                String.class).getBody()).contains(LogTimeProcess.ORDER_NUMBER);
    }

    @Test
    void anAuditorCannotCompleteATaskNorChangeAVariable() {
        ProcessInstance instance = timeToLog();
        Task task = taskOf(instance);
        TestRestTemplate audrey = http.withBasicAuth("audrey", "audrey");

        ResponseEntity<String> complete = audrey.postForEntity("/engine-rest/task/" + task.getId() + "/complete",
                json("{\"variables\": {}}"), String.class);
        ResponseEntity<String> change = audrey.exchange("/engine-rest/process-instance/" + instance.getId()
                        + "/variables/" + LogTimeProcess.ORDER_NUMBER, HttpMethod.PUT,
                json("{\"value\": \"S99999\", \"type\": \"String\"}"), String.class);

        assertThat(complete.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(change.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(taskOf(instance)).isNotNull();
        assertThat(runtime.getVariable(instance.getId(), LogTimeProcess.ORDER_NUMBER))
                .isNotEqualTo("S99999");
    }

    @Test
    void anAuditorCannotDeploy() throws Exception {
        long before = repository.createDeploymentQuery().count();

        ResponseEntity<String> deploy = deployAs("audrey", renamedLogTimeModel());

        assertThat(deploy.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(repository.createDeploymentQuery().count()).isEqualTo(before);
    }

    @Test
    void cockpitIsForAuditorsAndProcessOwnersNotForTechnicians() {
        assertThat(login("cockpit", "theo").status()).isIn(HttpStatus.UNAUTHORIZED, HttpStatus.FORBIDDEN);
        assertThat(login("cockpit", "audrey").status()).isEqualTo(HttpStatus.OK);
        assertThat(login("cockpit", "olivia").status()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void billingLineageInCockpitIsForAuditorsNotForOtherLoggedInStaff() {
        Logins.Session theo = login("tasklist", "theo");
        Logins.Session audrey = login("cockpit", "audrey");
        assertThat(theo.status()).isEqualTo(HttpStatus.OK);

        assertThat(auditPlugin(theo, "invoice?number=INV/1999/00001").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        ResponseEntity<String> unknown = auditPlugin(audrey, "invoice?number=INV/1999/00001");
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(unknown.getBody()).contains("Unknown invoice INV/1999/00001.");
    }

    @Test
    void aProcessOwnerDeploysANewVersionWhileRunningInstancesFinishOnTheirsOrAreMigrated() throws Exception {
        ProcessInstance onTheOldVersion = timeToLog();
        ProcessInstance toMigrate = timeToLog();
        String oldDefinition = onTheOldVersion.getProcessDefinitionId();

        ResponseEntity<String> deploy = deployAs("olivia", renamedLogTimeModel());
        assertThat(deploy.getStatusCode()).isEqualTo(HttpStatus.OK);
        String deploymentId = deploy.getBody().replaceAll("(?s).*?\"id\":\"([^\"]+)\".*", "$1");
        try {
            ProcessDefinition latest = repository.createProcessDefinitionQuery()
                    .processDefinitionKey(LogTimeProcess.KEY).latestVersion().singleResult();
            assertThat(latest.getDeploymentId()).isEqualTo(deploymentId);
            assertThat(latest.getId()).isNotEqualTo(oldDefinition);

            ProcessInstance onTheNewVersion = timeToLog();
            assertThat(onTheNewVersion.getProcessDefinitionId()).isEqualTo(latest.getId());
            assertThat(taskOf(onTheNewVersion).getName()).startsWith("Log time on an order (new version) · ");
            assertThat(taskOf(onTheOldVersion).getName()).startsWith("Log time on an order · ")
                    .doesNotContain("(new version)");

            TestRestTemplate olivia = http.withBasicAuth("olivia", "olivia");
            String plan = olivia.postForEntity("/engine-rest/migration/generate", json("""
                    {"sourceProcessDefinitionId": "%s", "targetProcessDefinitionId": "%s", "updateEventTriggers": true}
                    """.formatted(oldDefinition, latest.getId())), String.class).getBody();
            ResponseEntity<String> migrated = olivia.postForEntity("/engine-rest/migration/execute", json("""
                    {"migrationPlan": %s, "processInstanceIds": ["%s"]}
                    """.formatted(plan, toMigrate.getId())), String.class);
            assertThat(migrated.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
            assertThat(runtime.createProcessInstanceQuery().processInstanceId(toMigrate.getId()).singleResult()
                    .getProcessDefinitionId()).isEqualTo(latest.getId());

            Task oldTask = taskOf(onTheOldVersion);
            tasks.claim(oldTask.getId(), fixtures.employee().getUserId());
            tasks.complete(oldTask.getId(), Map.of(LogTimeProcess.WORK_DATE, BillingFixtures.today().toString(),
                    LogTimeProcess.HOURS, 1.0, LogTimeProcess.DESCRIPTION, "Finished on the old version"));
            assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(onTheOldVersion.getId())
                    .singleResult()).satisfies(done -> {
                        assertThat(done.getEndTime()).isNotNull();
                        assertThat(done.getProcessDefinitionId()).isEqualTo(oldDefinition);
                    });
        } finally {
            // The other tests run on the shipped model.
            repository.deleteDeployment(deploymentId, true);
        }
    }

    /** The shipped log-time model as a process owner changes it in Modeler: a task renamed. */
    private static byte[] renamedLogTimeModel() throws Exception {
        String model = Files.readString(Path.of("processes", "log-time.bpmn"));
        String renamed = model.replace("name=\"Log time on an order\" camunda:candidateGroups",
                "name=\"Log time on an order (new version)\" camunda:candidateGroups");
        assertThat(renamed).isNotEqualTo(model);
        return renamed.getBytes(StandardCharsets.UTF_8);
    }

    /** A deployment as Camunda Modeler sends it: multipart, with the forms the model references. */
    private ResponseEntity<String> deployAs(String user, byte[] model) throws Exception {
        MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        parts.add("deployment-name", "log-time, changed in Modeler");
        parts.add("deployment-source", "Camunda Modeler");
        parts.add("log-time.bpmn", file("log-time.bpmn", model));
        for (String form : new String[] {"log-time.form", "log-time-start.form"}) {
            parts.add(form, file(form, Files.readAllBytes(Path.of("forms", form))));
        }
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return http.withBasicAuth(user, user).postForEntity("/engine-rest/deployment/create",
                new HttpEntity<>(parts, headers), String.class);
    }

    private static ByteArrayResource file(String name, byte[] content) {
        return new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return name;
            }
        };
    }

    private Logins.Session login(String app, String user) {
        return new Logins(http).webapp(app, user);
    }

    private ResponseEntity<String> auditPlugin(Logins.Session session, String path) {
        return new Logins(http).get(session, "/camunda/api/cockpit/plugin/tandem-audit/default/billing/" + path,
                MediaType.APPLICATION_JSON);
    }
}
