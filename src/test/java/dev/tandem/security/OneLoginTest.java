package dev.tandem.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.tandem.TandemIntegrationTest;
import dev.tandem.WebSession;

/**
 * One sign-in serves Tandem's pages, Tasklist, Cockpit and Admin, within Camunda's authorizations;
 * one logout, from any of them, ends it everywhere; the session lives in the database.
 */
@TandemIntegrationTest
class OneLoginTest {

    private static final String TASKS = "/camunda/api/engine/engine/default/task/count";
    private static final String WHO = "/camunda/api/admin/auth/user/default";

    @LocalServerPort int port;
    @Autowired JdbcTemplate jdbc;

    private String base() {
        return "http://localhost:" + port;
    }

    @Test
    void aStrangerIsSentToTheOneLoginPageAndTheWebappsScriptsGet401() {
        WebSession stranger = new WebSession();
        for (String page : new String[] {"/", "/camunda/app/tasklist/default/", "/camunda/app/cockpit/default/",
                "/tandem/to-invoice"}) {
            HttpResponse<String> response = stranger.get(base() + page);
            assertThat(response.statusCode()).as(page).isEqualTo(302);
            assertThat(response.headers().firstValue("Location")).as(page).hasValue(base() + "/login");
        }
        assertThat(stranger.get(base() + TASKS).statusCode()).isEqualTo(401);
    }

    @Test
    void oneSignInOpensTasklistAndTandemsPagesButNotWhatCamundaRefuses() {
        WebSession alice = new WebSession();
        HttpResponse<String> signedIn = alice.signIn(base(), "alice", "alice");
        assertThat(signedIn.headers().firstValue("Location")).hasValue(base() + "/");

        String landing = alice.get(base() + "/").body();
        assertThat(landing).contains("Tasklist", "To invoice").doesNotContain(">Cockpit<", ">Admin<", "Technician page");

        assertThat(alice.get(base() + "/camunda/app/tasklist/default/").statusCode()).isEqualTo(200);
        assertThat(alice.get(base() + WHO).body()).contains("\"userId\":\"alice\"", "\"tasklist\"")
                .doesNotContain("\"cockpit\"");
        assertThat(alice.get(base() + TASKS).statusCode()).isEqualTo(200);
        assertThat(alice.get(base() + "/tandem/to-invoice").statusCode()).isEqualTo(200);
        assertThat(alice.get(base() + "/camunda/api/cockpit/plugin/tandem-audit/default/billing/invoice?number=X")
                .statusCode()).as("Cockpit's API, which accounting may not open").isEqualTo(403);
    }

    @Test
    void loggingOutOfTasklistEndsTheSessionForTandemsPagesToo() {
        WebSession alice = new WebSession();
        alice.signIn(base(), "alice", "alice");
        alice.get(base() + "/camunda/app/tasklist/default/");
        alice.get(base() + WHO);
        // Spring Session's cookie carries the session's id in Base64.
        String session = new String(java.util.Base64.getDecoder().decode(alice.sessionCookie()));
        assertThat(jdbc.queryForObject("select count(*) from spring_session where session_id = ?", Integer.class,
                session)).as("the session is in the database").isOne();

        assertThat(alice.postAsWebapp(base() + WHO + "/logout", "{}").statusCode()).isEqualTo(200);

        assertThat(alice.get(base() + "/tandem/to-invoice").statusCode()).isEqualTo(302);
        assertThat(alice.get(base() + TASKS).statusCode()).isEqualTo(401);
        assertThat(jdbc.queryForObject("select count(*) from spring_session where session_id = ?", Integer.class,
                session)).as("the session is gone from the database, for every node").isZero();
    }

    @Test
    void theSessionCookieStaysOnThisSiteAndOutOfScripts() {
        WebSession alice = new WebSession();
        HttpResponse<String> signedIn = alice.signIn(base(), "alice", "alice");

        assertThat(signedIn.headers().allValues("Set-Cookie")).anySatisfy(cookie -> assertThat(cookie)
                .startsWith("SESSION=").contains("HttpOnly", "SameSite=Lax"));
    }

    @Test
    void aWebappsOwnLoginFormThatCamundaRefusesSignsNobodyIn() {
        WebSession alice = new WebSession();
        alice.get(base() + WHO);

        assertThat(alice.postAsWebappForm(base() + WHO + "/login/cockpit", "username=alice&password=alice")
                .statusCode()).as("accounting may not open Cockpit").isEqualTo(403);
        assertThat(alice.get(base() + "/tandem/to-invoice").statusCode()).as("and is not signed in").isEqualTo(302);

        assertThat(alice.postAsWebappForm(base() + WHO + "/login/tasklist", "username=alice&password=alice")
                .statusCode()).isEqualTo(200);
        assertThat(alice.get(base() + "/tandem/to-invoice").statusCode()).as("Tasklist's form signs in for all")
                .isEqualTo(200);
    }

    @Test
    void loggingOutOfTandemsPagesEndsTheWebappsToo() {
        WebSession theo = new WebSession();
        theo.signIn(base(), "theo", "theo");
        assertThat(theo.get(base() + TASKS).statusCode()).isEqualTo(200);
        String token = theo.csrfToken(base() + "/tandem/technician");

        assertThat(theo.postForm(base() + "/logout", "_csrf=" + WebSession.encode(token)).headers()
                .firstValue("Location")).hasValue(base() + "/login?logout");

        assertThat(theo.get(base() + TASKS).statusCode()).isEqualTo(401);
    }
}
