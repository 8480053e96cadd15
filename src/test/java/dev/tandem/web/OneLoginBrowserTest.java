package dev.tandem.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.tandem.TandemIntegrationTest;

/**
 * In Chromium: one sign-in on Tandem's login page opens the landing page, Tasklist and Tandem's
 * pages; logging out from Tasklist's menu ends it, and Tasklist's own login form signs in again
 * for everything.
 */
@TandemIntegrationTest
@Tag("browser")
class OneLoginBrowserTest {

    @LocalServerPort int port;

    @Test
    void oneSignInServesEveryAppAndTasklistsLogoutAndLoginServeThemAllToo() {
        String base = "http://localhost:" + port;
        try (Browser browser = new Browser()) {
            try {
                browser.driver.get(base + "/");
                browser.visible(By.name("username")).sendKeys("admin");
                browser.driver.findElement(By.name("password")).sendKeys("admin");
                browser.screenshot("one-login-page");
                browser.driver.findElement(By.id("login")).click();

                assertThat(browser.text(By.id("apps"))).contains("Tasklist", "To invoice", "Cockpit", "Admin");
                browser.screenshot("one-login-landing");

                browser.clickable(By.linkText("Tasklist")).click();
                browser.visible(By.cssSelector("li.account"));

                browser.clickable(By.cssSelector("li.account .dropdown-toggle")).click();
                browser.clickable(By.cssSelector("li.account .dropdown-menu a[ng-click*='logout']")).click();
                browser.visible(By.cssSelector("input[ng-model='username'], input[placeholder='Username']"))
                        .sendKeys("admin");
                browser.driver.findElement(By.cssSelector("input[type='password']")).sendKeys("admin");
                browser.screenshot("one-login-tasklist-form");
                browser.driver.findElement(By.cssSelector("button[type='submit']")).click();
                browser.visible(By.cssSelector("li.account"));

                browser.driver.get(base + "/tandem/to-invoice");
                assertThat(browser.text(By.tagName("h1"))).as("Tandem's page, without a second login")
                        .isEqualTo("To invoice");
            } finally {
                browser.screenshot("one-login-end");
            }
        }
    }
}
