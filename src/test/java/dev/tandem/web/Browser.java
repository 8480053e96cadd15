package dev.tandem.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Debian Chromium driven by Debian's chromedriver (installed by .ci/run). Selenium must not
 * download a browser: there is no internet here, and the packaged pair always matches.
 */
final class Browser implements AutoCloseable {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    final WebDriver driver;
    private final WebDriverWait wait;
    /** For pages that reload themselves: an element read during a reload is read again. */
    private final WebDriverWait reloadingWait;

    /** A desktop window, 1600 × 1000. */
    Browser() {
        this(false);
    }

    /** A phone: a 390 × 844 screen (CSS pixels) with touch input, as Chromium's device emulation draws it. */
    static Browser phone() {
        return new Browser(true);
    }

    private Browser(boolean phone) {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            throw new IllegalStateException(
                    "Browser tests need Debian's Chromium: apt-get install -y chromium chromium-driver");
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--window-size=1600,1000", "--lang=en-US", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync");
        if (phone) {
            options.setExperimentalOption("mobileEmulation", Map.of("deviceMetrics",
                    Map.of("width", 390, "height", 844, "pixelRatio", 3.0, "touch", true)));
        }
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        wait = new WebDriverWait(driver, Duration.ofSeconds(30));
        reloadingWait = new WebDriverWait(driver, Duration.ofSeconds(30));
        // A page replaced while it is read fails as a stale element, or in Chromium's own words.
        reloadingWait.ignoring(StaleElementReferenceException.class).ignoring(WebDriverException.class);
    }

    WebElement visible(By locator) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(locator));
    }

    WebElement present(By locator) {
        return wait.until(ExpectedConditions.presenceOfElementLocated(locator));
    }

    WebElement clickable(By locator) {
        return wait.until(ExpectedConditions.elementToBeClickable(locator));
    }

    /**
     * Types into a form field until it holds the text: Camunda Forms re-render fields while the
     * form validates, which can swallow keys typed at that moment, and pages may draw the field
     * again meanwhile.
     */
    void type(By locator, String text) {
        reloadingWait.until(driver -> {
            WebElement field = driver.findElement(locator);
            if (text.equals(field.getDomProperty("value"))) {
                return true;
            }
            field.clear();
            field.sendKeys(text);
            return false;
        });
    }

    /** Opens a page of Tandem's, which sends a stranger to the login first; signs in as a demo user (password = name). */
    void signIn(String url, String user) {
        driver.get(url);
        visible(By.name("username")).sendKeys(user);
        driver.findElement(By.name("password")).sendKeys(user);
        driver.findElement(By.id("login")).click();
    }

    /** Opens a Camunda webapp, which sends a stranger to Tandem's one login page first, and signs in. */
    void login(String baseUrl, String app, String user, String password) {
        driver.get(baseUrl + "/camunda/app/" + app + "/default/");
        visible(By.cssSelector("input[name='username']")).sendKeys(user);
        driver.findElement(By.cssSelector("input[name='password']")).sendKeys(password);
        driver.findElement(By.id("login")).click();
        visible(By.cssSelector("li.account"));
    }

    /** The text of an element on a page that may reload itself meanwhile. */
    String text(By locator) {
        return reloadingWait.until(driver -> driver.findElement(locator).getText());
    }

    /**
     * Waits until an element shows all these parts, across the page loads a click may cause: an
     * element read from the page being left is read again from the next one.
     */
    void waitForTextContaining(By locator, String... parts) {
        reloadingWait.until(driver -> {
            String text = driver.findElement(locator).getText();
            return Arrays.stream(parts).allMatch(text::contains);
        });
    }

    /** Waits until an element of a self-reloading page shows exactly this text. */
    void waitForText(By locator, String text) {
        reloadingWait.until(driver -> text.equals(driver.findElement(locator).getText()));
    }

    /**
     * Opens a task in Tasklist, claims it and waits for its Camunda Form. Tasklist is loaded afresh:
     * right after completing a task it clears its selection, which would close a task opened by
     * changing only the address's fragment.
     */
    void openAndClaimTask(String baseUrl, String taskId) {
        openTask(baseUrl, taskId);
        visible(By.cssSelector("h2.task"));
        clickable(By.cssSelector("button.claim")).click();
        visible(By.cssSelector("button.unclaim"));
        visible(By.cssSelector(".fjs-container"));
    }

    /** Opens a task already assigned to the person signed in and waits for its form, ready to fill in. */
    void openOwnTask(String baseUrl, String taskId) {
        openTask(baseUrl, taskId);
        visible(By.cssSelector("h2.task"));
        visible(By.cssSelector("button.unclaim"));
        visible(By.cssSelector(".fjs-container"));
    }

    /** Opens a task in a freshly loaded Tasklist (see {@link #openAndClaimTask}). */
    void openTask(String baseUrl, String taskId) {
        driver.get("about:blank");
        driver.get(baseUrl + "/camunda/app/tasklist/default/#/?task=" + taskId);
    }

    /** Clicks Complete under a Camunda Form, scrolled clear of Tasklist's footer. */
    void completeTaskForm() {
        clickCentered(By.cssSelector(".form-actions button.btn-primary"));
    }

    /** Clicks an element once scrolled to the middle of the window, clear of Tasklist's header and footer. */
    void clickCentered(By locator) {
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", clickable(locator));
        clickable(locator).click();
    }

    /**
     * What a Camunda Form shows: its text and the values in its fields, also the disabled ones
     * that show what somebody typed (as text, never rendered as Markdown).
     */
    String formText() {
        return (String) ((JavascriptExecutor) driver).executeScript("""
                const form = document.querySelector('.fjs-container');
                return form.innerText + '\\n' + Array.from(form.querySelectorAll('input, textarea'))
                    .map(field => field.value).join('\\n');""");
    }

    /** Fetches a link of the page with the browser's session, as a click on it would: a PDF's bytes. */
    byte[] downloadPdf(String url) throws Exception {
        String session = driver.manage().getCookieNamed("SESSION").getValue();
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
                .header("Cookie", "SESSION=" + session).build(), HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200
                || !response.headers().firstValue("Content-Type").orElse("").equals("application/pdf")) {
            throw new IllegalStateException("%s gave %d %s, not a PDF".formatted(url, response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse("")));
        }
        return response.body();
    }

    /** How wide the page is drawn, in CSS pixels: wider than the window means scrolling sideways. */
    long scrollWidth() {
        return (Long) ((JavascriptExecutor) driver).executeScript("return document.documentElement.scrollWidth;");
    }

    /** Keeps what the browser showed, for a person reading a failed build. */
    void screenshot(String name) {
        try {
            Path target = Path.of("target", "screenshots", name + ".png");
            Files.createDirectories(target.getParent());
            Files.write(target, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        } catch (Exception e) {
            System.err.println("No screenshot: " + e.getMessage());
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
