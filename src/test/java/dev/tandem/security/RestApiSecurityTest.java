package dev.tandem.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;

import dev.tandem.TandemIntegrationTest;

@TandemIntegrationTest
class RestApiSecurityTest {

    @Autowired TestRestTemplate http;

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
        assertThat(http.withBasicAuth("admin", "wrong").getForEntity("/engine-rest/process-definition", String.class)
                .getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void aUserSeesOnlyWhatTheirAuthorizationsAllow() {
        String demoTimeLogging = "/engine-rest/process-instance?processDefinitionKey=log-time";
        assertThat(http.withBasicAuth("admin", "admin").getForEntity(demoTimeLogging, String.class).getBody())
                .contains("\"definitionId\":\"log-time:");
        assertThat(http.withBasicAuth("sam", "sam").getForEntity(demoTimeLogging, String.class).getBody())
                .isEqualTo("[]");
    }
}
