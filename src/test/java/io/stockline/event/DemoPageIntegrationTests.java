package io.stockline.event;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Map;

import io.stockline.support.Api;
import io.stockline.support.IntegrationTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The storefront demo in Debian's headless Chromium, driven by Selenium with the system
 * chromedriver (Selenium Manager never downloads anything here).
 */
@IntegrationTest
class DemoPageIntegrationTests {

    static ChromeDriver browser;

    @LocalServerPort
    int port;

    Api api;
    String location;

    @BeforeAll
    static void startBrowser() throws IOException {
        if (!new File("/usr/bin/chromedriver").canExecute()) {
            throw new IllegalStateException("this test drives Debian's headless Chromium: "
                    + "apt-get install -y chromium chromium-driver");
        }
        File profile = Files.createTempDirectory("stockline-chromium").toFile();
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver"))
                .usingAnyFreePort()
                .build();
        ChromeOptions options = new ChromeOptions()
                .setBinary("/usr/bin/chromium")
                .addArguments("--headless=new", "--no-sandbox", "--disable-gpu",
                        "--disable-dev-shm-usage", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", "--no-first-run",
                        "--disable-background-timer-throttling",
                        "--disable-renderer-backgrounding",
                        "--user-data-dir=" + profile.getAbsolutePath());
        browser = new ChromeDriver(service, options);
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @BeforeEach
    void setUp() {
        api = new Api(port);
        location = Api.unique("wh");
        api.put("/api/v1/locations/" + location, Map.of("name", location, "type", "STORE"));
    }

    @Test
    void badgeFollowsAStockChangeMadeThroughTheApiWithinOneSecond() {
        String sku = Api.unique("DEMO");
        adjust(sku, 10, "RECEIVED");
        open(sku);
        assertThat(badge(sku)).isEqualTo("In stock");

        adjust(sku, -8, "SOLD");

        new WebDriverWait(browser, Duration.ofSeconds(1)).until(
                ExpectedConditions.textToBe(badgeOf(sku), "Only 2 left"));
        adjust(sku, -2, "SOLD");
        new WebDriverWait(browser, Duration.ofSeconds(1)).until(
                ExpectedConditions.textToBe(badgeOf(sku), "Out of stock"));
        assertThat(browser.findElement(By.cssSelector("#card-" + sku + " button")).isEnabled())
                .isFalse();
    }

    @Test
    void purchaseInOneWindowShowsInTheOtherLive() {
        String sku = Api.unique("DEMO");
        adjust(sku, 4, "RECEIVED");
        String first = browser.getWindowHandle();
        open(sku);
        String second = browser.switchTo().newWindow(WindowType.WINDOW).getWindowHandle();
        open(sku);
        assertThat(badge(sku)).isEqualTo("Only 4 left");

        browser.switchTo().window(first);
        browser.findElement(By.cssSelector("#card-" + sku + " button")).click();

        browser.switchTo().window(second);
        new WebDriverWait(browser, Duration.ofSeconds(2)).until(
                ExpectedConditions.textToBe(badgeOf(sku), "Only 3 left"));
        new WebDriverWait(browser, Duration.ofSeconds(5)).until(driver -> committed(sku) == 1);
        assertThat(totals(sku).get("available").asLong()).isEqualTo(3);
        assertThat(totals(sku).get("onHand").asLong()).isEqualTo(4);
        browser.close();
        browser.switchTo().window(first);
    }

    private void open(String sku) {
        browser.get("http://localhost:" + port + "/demo?skus=" + sku);
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(
                ExpectedConditions.attributeToBe(By.tagName("body"), "data-ready", "true"));
    }

    private String badge(String sku) {
        return browser.findElement(badgeOf(sku)).getText();
    }

    private static By badgeOf(String sku) {
        return By.cssSelector("#card-" + sku + " .badge");
    }

    /** The Buy button holds one unit and commits it into an order: committed, not shipped. */
    private long committed(String sku) {
        return totals(sku).get("committed").asLong();
    }

    private tools.jackson.databind.JsonNode totals(String sku) {
        return api.get("/api/v1/stock/" + sku).json().get("totals");
    }

    private void adjust(String sku, long delta, String reason) {
        Api.Answer answer = api.post("/api/v1/stock/" + sku + "/locations/" + location
                + "/adjustments", Map.of("delta", delta, "reason", reason));
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
    }
}
