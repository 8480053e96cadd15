package dev.tandem.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.tandem.TandemIntegrationTest;
import dev.tandem.WebSession;

/**
 * In Chromium, on a desktop and on a phone: a page of another role, or no page at all, is answered
 * by a page in Tandem's layout that says who may open it and leads back to one's own apps; Tandem's
 * address leads each role to a page it may open.
 */
@TandemIntegrationTest
@Tag("browser")
class ErrorPagesBrowserTest {

    @LocalServerPort int port;

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    @Test
    void helpdeskRefusedFromAccountingsPageIsToldWhoMayOpenItAndFindsTheWayBack() {
        try (Browser browser = new Browser()) {
            try {
                browser.signIn(url("/tandem"), "hannah");
                browser.waitForText(By.tagName("h1"), "Welcome, hannah");

                browser.driver.get(url("/tandem/invoices"));
                browser.waitForText(By.tagName("h1"), "Not your page");
                assertThat(browser.text(By.id("explanation"))).startsWith(
                        "This page is open to accounting, administrators and auditors.");
                browser.screenshot("error-403-desktop");
                assertThat(browser.driver.getPageSource()).doesNotContain("Whitelabel", "Invoices ·");

                browser.clickable(By.id("back")).click();
                browser.waitForText(By.tagName("h1"), "Welcome, hannah");
                assertThat(browser.text(By.id("apps"))).contains("Tasklist").doesNotContain("Invoices");
            } finally {
                browser.screenshot("error-403-end");
            }
        }
    }

    @Test
    void aFormSentWithoutItsTokenIsToldThePageWasOutOfDateNotThatItIsForbidden() throws Exception {
        WebSession alice = new WebSession();
        alice.signIn(url(""), "alice", "alice");
        // As a browser sends a form from a page kept open while the session ended elsewhere.
        HttpResponse<String> refused = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(url("/tandem/to-invoice"))).header("Accept", "text/html")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", "SESSION=" + alice.sessionCookie())
                .POST(HttpRequest.BodyPublishers.ofString("orderIds=1")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("This page was out of date", "reload the page and try again")
                .doesNotContain("This page is open to");
    }

    @Test
    void onAPhoneAnUnknownPageAndAnotherTechniciansTaskAreTandemPagesThatFitTheScreen() {
        try (Browser browser = Browser.phone()) {
            try {
                browser.signIn(url("/tandem/no-such-page"), "theo");
                browser.waitForText(By.tagName("h1"), "Nothing here");
                assertThat(browser.text(By.id("explanation"))).isEqualTo("There is no page at this address.");

                browser.driver.get(url("/tandem/field-tasks/F99999/signature"));
                browser.waitForText(By.tagName("h1"), "Nothing here");
                assertThat(browser.text(By.id("explanation"))).isEqualTo("Unknown field task F99999.");
                browser.screenshot("error-404-phone");
                assertThat(browser.scrollWidth()).as("no sideways scrolling on a 390 px screen").isLessThanOrEqualTo(390);

                browser.driver.get(url("/tandem"));
                browser.visible(By.cssSelector("h1"));
                assertThat(browser.driver.getCurrentUrl()).endsWith("/tandem/technician");
            } finally {
                browser.screenshot("error-404-end");
            }
        }
    }
}
