package dev.tandem.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;

import dev.tandem.BillingFixtures;
import dev.tandem.TandemIntegrationTest;
import dev.tandem.timesheets.process.LogTimeProcess;

@TandemIntegrationTest
class RestApiSecurityTest {

    @Autowired TestRestTemplate http;
    @Autowired RuntimeService runtime;
    @Autowired BillingFixtures fixtures;
    @Autowired IdentityService identity;

    @Test
    void engineRestAnswers401WithoutCredentials() {
        assertThat(http.getForEntity("/engine-rest/process-definition", String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void evenTheListOfEnginesNeedsCredentials() {
        assertThat(http.getForEntity("/engine-rest/engine", String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(http.withBasicAuth("admin", "admin").getForEntity("/engine-rest/engine", String.class).getBody())
                .contains("\"name\":\"default\"");
    }

    @Test
    void engineRestRefusesAWrongPassword() {
        // Not a demo user: a wrong password delays that user's next login, which other tests make.
        if (identity.createUserQuery().userId("rita").count() == 0) {
            User rita = identity.newUser("rita");
            rita.setPassword("rita");
            identity.saveUser(rita);
        }
        assertThat(http.withBasicAuth("rita", "wrong").getForEntity("/engine-rest/process-definition", String.class)
                .getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void aUserSeesOnlyWhatTheirAuthorizationsAllow() {
        Long order = fixtures.confirmedOrder(fixtures.customer(), fixtures.postpaid("80"), "5");
        runtime.startProcessInstanceByKey(LogTimeProcess.KEY,
                Map.of(LogTimeProcess.ORDER_NUMBER, fixtures.orderNumber(order)));
        String timeLogging = "/engine-rest/process-instance?processDefinitionKey=log-time";
        assertThat(http.withBasicAuth("admin", "admin").getForEntity(timeLogging, String.class).getBody())
                .contains("\"definitionId\":\"log-time:");
        assertThat(http.withBasicAuth("sam", "sam").getForEntity(timeLogging, String.class).getBody())
                .isEqualTo("[]");
    }
}
