package io.habitcoach.examples.springboot.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.habitcoach.testkit.HabitCoachTestDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The web page in a real browser: the distribution's headless Chromium driven by Selenium (no browser
 * is downloaded). Skipped, with a message, where {@code /usr/bin/chromium} or {@code /usr/bin/chromedriver}
 * is missing: {@code apt-get install chromium chromium-driver} (CI does).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WebPageBrowserTest {

    static final Path CHROMIUM = Path.of(System.getProperty("habitcoach.chromium", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getProperty("habitcoach.chromedriver", "/usr/bin/chromedriver"));
    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private static HabitCoachTestDatabase database;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        database = HabitCoachTestDatabase.createEmpty();
        registry.add("spring.datasource.url", database::jdbcUrl);
    }

    @AfterAll
    static void dropDatabase() {
        if (database != null) {
            database.close();
        }
    }

    @LocalServerPort
    int port;

    private WebDriver browser;

    @BeforeEach
    void startBrowser() {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "no Chromium here (" + CHROMIUM + ", " + CHROMEDRIVER + "): apt-get install chromium chromium-driver");
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile())
                .addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                        "--disable-quic", "--no-first-run", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", "--window-size=900,1400");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void aUserSignsInCompletesAHabitByClickingAndSeesTodaysCellChange() throws IOException {
        browser.get("http://127.0.0.1:" + port + "/");
        browser.findElement(By.id("demo-signin")).click();
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("article.habit")));

        List<WebElement> habits = browser.findElements(By.cssSelector("article.habit"));
        assertThat(habits).hasSize(3);
        WebElement walk = habits.get(0);
        assertThat(walk.findElement(By.tagName("h2")).getText()).isEqualTo("Walk 20 minutes");
        WebElement today = lastCell(walk);
        assertThat(today.getAttribute("data-state")).isEqualTo("open");
        assertThat(today.getAttribute("aria-label")).endsWith("open, not done yet");
        // the week before: six done days and a rest day, drawn with symbols, not colour alone
        assertThat(walk.findElements(By.cssSelector(".cell.done"))).hasSize(6);
        assertThat(walk.findElements(By.cssSelector(".cell.skipped"))).hasSize(1);
        assertThat(walk.findElement(By.cssSelector(".cell.skipped")).getText()).isEqualTo("–");
        assertThat(walk.findElement(By.cssSelector(".cell.skipped")).getAttribute("aria-label")).endsWith("skipped");
        screenshot("dashboard-before.png");

        String habitId = walk.getAttribute("data-habit-id");
        walk.findElement(By.cssSelector("button.complete")).click();
        wait.until(ExpectedConditions.stalenessOf(walk));
        WebElement after = browser.findElement(By.cssSelector("article.habit[data-habit-id='" + habitId + "']"));
        assertThat(lastCell(after).getAttribute("data-state")).isEqualTo("done");
        assertThat(lastCell(after).getText()).isEqualTo("✓");
        assertThat(after.findElement(By.cssSelector(".done-today")).getText()).contains("Done today");
        screenshot("dashboard.png");

        // The habit page: the strength chart, twelve weeks, and the coach's message about today.
        after.findElement(By.cssSelector("h2 a")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("svg.strength")));
        assertThat(browser.findElement(By.cssSelector("svg.strength")).getAttribute("aria-label")).startsWith("Strength from");
        assertThat(browser.findElements(By.cssSelector(".heatmap.big .row:not(.head)"))).hasSize(12);
        assertThat(browser.findElements(By.cssSelector(".notes blockquote"))).isNotEmpty();

        // A phone's width: nothing is wider than the screen.
        browser.manage().window().setSize(new Dimension(390, 844));
        Object wide = ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
                "const w = document.documentElement.clientWidth;"
                + "return [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > w + 1)"
                + ".map(e => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right) + '>' + w);");
        assertThat((List<?>) wide).as("elements wider than a phone's screen").isEmpty();
        screenshot("habit-mobile.png");
    }

    private static WebElement lastCell(WebElement habit) {
        List<WebElement> cells = habit.findElements(By.cssSelector(".heatmap .cell"));
        return cells.get(cells.size() - 1);
    }

    private void screenshot(String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        Path png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(png, SCREENSHOTS.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }
}
