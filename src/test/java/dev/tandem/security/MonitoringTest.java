package dev.tandem.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import dev.tandem.BillingFixtures;
import dev.tandem.TandemIntegrationTest;
import dev.tandem.common.Groups;
import dev.tandem.invoicing.InvoicingService;
import dev.tandem.invoicing.TimesheetsPeriod;
import dev.tandem.outbox.Outbox;

/**
 * What a load balancer and Prometheus get from a node: health without credentials and without
 * details; metrics only for administrators and the monitoring account, following Tandem's records.
 */
@TandemIntegrationTest
class MonitoringTest {

    @Autowired TestRestTemplate http;
    @Autowired IdentityService identity;
    @Autowired BillingFixtures fixtures;
    @Autowired InvoicingService invoicing;
    @Autowired Outbox outbox;
    @Autowired ConfigurableListableBeanFactory beans;

    @Test
    void aLoadBalancerAsksReadinessAndLivenessWithoutCredentialsAndLearnsNothingMore() {
        for (String probe : new String[] {"/actuator/health/readiness", "/actuator/health/liveness"}) {
            ResponseEntity<String> health = http.getForEntity(probe, String.class);
            assertThat(health.getStatusCode()).as(probe).isEqualTo(HttpStatus.OK);
            assertThat(health.getBody()).as(probe).isEqualTo("{\"status\":\"UP\"}");
        }
        assertThat(http.getForEntity("/actuator/health", String.class).getBody())
                .contains("\"status\":\"UP\"").doesNotContain("components", "\"db\"");
        assertThat(http.getForEntity("/actuator/health/db", String.class).getStatusCode())
                .as("a stranger cannot probe the parts one by one").isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(http.withBasicAuth("admin", "admin").getForEntity("/actuator/health/readiness", String.class)
                .getBody()).as("an administrator sees what readiness checks")
                .contains("\"db\"", "\"processEngine\"", "\"readinessState\"");
    }

    @Test
    void metricsAnswerOnlyAdministratorsAndTheMonitoringAccount() {
        if (identity.createUserQuery().userId("prometheus").count() == 0) {
            User scraper = identity.newUser("prometheus");
            scraper.setPassword("scrape-secret");
            identity.saveUser(scraper);
            identity.createMembership("prometheus", Groups.MONITORING);
        }
        assertThat(http.getForEntity("/actuator/prometheus", String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(http.withBasicAuth("sam", "sam").getForEntity("/actuator/prometheus", String.class).getStatusCode())
                .as("a salesperson").isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(http.withBasicAuth("prometheus", "scrape-secret").getForEntity("/actuator/prometheus", String.class)
                .getStatusCode()).isEqualTo(HttpStatus.OK);
        // Last: a wrong password delays this user's next login by 3 s.
        assertThat(http.withBasicAuth("prometheus", "wrong").getForEntity("/actuator/prometheus", String.class)
                .getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        ResponseEntity<String> asAdmin = http.withBasicAuth("admin", "admin").getForEntity("/actuator/prometheus", String.class);
        assertThat(asAdmin.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(asAdmin.getHeaders().get("Set-Cookie")).as("no session for a scraper").isNull();
    }

    @Test
    void metricsFollowPostedInvoicesAndTheOutbox() {
        double posted = metric("tandem_invoices_posted_total");
        double pending = metric("tandem_outbox_pending");

        Long order = fixtures.confirmedOrder(fixtures.customer(), fixtures.postpaid("80"), "10");
        fixtures.log(fixtures.employee(), fixtures.line(order), BillingFixtures.today().minusDays(1), "2");
        invoicing.post(invoicing.createInvoice(order, TimesheetsPeriod.ALL, false).getId());
        outbox.queue("nobody@example.com", "Metrics", "A mail to count", null, null);

        assertThat(metric("tandem_invoices_posted_total")).isEqualTo(posted + 1);
        assertThat(metric("tandem_outbox_pending")).isEqualTo(pending + 1);
        for (String engine : new String[] {"camunda_jobs_due", "camunda_jobs_failing", "camunda_jobs_out_of_retries",
                "camunda_incidents_open", "tandem_outbox_failing"}) {
            metric(engine); // present
        }
    }

    @Test
    void theEngineIsBuiltAfterFlywaysMigrations() {
        assertThat(beans.getBeanDefinition("processEngineFactoryBean").getDependsOn()).contains("flywayInitializer");
    }

    private double metric(String name) {
        String body = http.withBasicAuth("admin", "admin").getForObject("/actuator/prometheus", String.class);
        Matcher value = Pattern.compile("(?m)^" + name + "(?:\\{[^}]*})? ([0-9.eE+-]+)$").matcher(body);
        assertThat(value.find()).as(name + " in\n" + body).isTrue();
        return Double.parseDouble(value.group(1));
    }
}
