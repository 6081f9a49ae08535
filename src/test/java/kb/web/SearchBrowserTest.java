package kb.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The pages in real headless Chromium: search, follow a result, land on the marked passage, use the JS helpers. */
class SearchBrowserTest {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final String INSTALL_HINT =
            "install chromium and chromium-driver (apt-get install chromium chromium-driver) to run browser tests";
    /** Every run writes here; the README's copy in docs/ is refreshed only on request (-Dkb.screenshot.update=true). */
    private static final Path SCREENSHOT = Path.of("target", "screenshot-results.png");
    private static final Path README_SCREENSHOT = Path.of("docs", "screenshot-results.png");

    @TempDir
    static Path work;
    private static TestSite site;
    private static ChromeDriver driver;

    @BeforeAll
    static void startBrowser() throws IOException {
        boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!installed && System.getenv("CI") != null) {
            // In CI a missing browser must not pass silently as "skipped".
            fail("CI is set but " + CHROMIUM + " or " + CHROMEDRIVER + " is missing: " + INSTALL_HINT);
        }
        Assumptions.assumeTrue(installed, INSTALL_HINT);
        site = TestSite.start(work.resolve("site"));
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
                "--window-size=1280,900", "--user-data-dir=" + work.resolve("profile").toAbsolutePath());
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER.toString()))
                .usingAnyFreePort()
                .build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(20));
    }

    @AfterAll
    static void stopBrowser() throws IOException {
        if (driver != null) {
            driver.quit();
        }
        if (site != null) {
            site.close();
        }
    }

    @Test
    void resultLinkLandsOnMarkedPassage() {
        driver.get(url("/"));
        WebElement box = driver.findElement(By.id("q"));
        box.sendKeys("midazolam", Keys.ENTER);

        WebElement first = await().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".result")));
        assertTrue(driver.getCurrentUrl().contains("/search?q=midazolam"), driver.getCurrentUrl());
        List<WebElement> marks = first.findElements(By.cssSelector(".snippet mark"));
        assertFalse(marks.isEmpty(), "the snippet marks the match");
        assertEquals("midazolam", marks.get(0).getText().toLowerCase(java.util.Locale.ROOT));

        first.findElement(By.cssSelector(".result-title a")).click();
        await().until(ExpectedConditions.urlContains("/articles/"));
        String fragment = URI.create(driver.getCurrentUrl()).getRawFragment();
        assertTrue(fragment != null && !fragment.isEmpty(), "the link carries the passage id: " + driver.getCurrentUrl());
        String id = URLDecoder.decode(fragment, StandardCharsets.UTF_8);

        WebElement passage = driver.findElement(By.id(id));
        assertEquals(Boolean.TRUE, js("return document.querySelector(':target') === arguments[0];", passage),
                "the landed passage is the :target");
        String background = (String) js("return getComputedStyle(arguments[0]).backgroundColor;", passage);
        assertFalse(background.equals("rgba(0, 0, 0, 0)") || background.equals("transparent"), "the target is visibly marked");
        // Smooth scrolling may still be moving; the passage must end up below the sticky header and on screen.
        await().until(d -> Boolean.TRUE.equals(js(
                "const r = arguments[0].getBoundingClientRect();"
                        + "const header = document.querySelector('.site-header').getBoundingClientRect();"
                        + "return r.top >= header.bottom - 1 && r.top < window.innerHeight;", passage)));
        List<String> marked = passage.findElements(By.cssSelector("mark")).stream()
                .map(m -> m.getText().toLowerCase(java.util.Locale.ROOT)).toList();
        assertTrue(marked.contains("midazolam"), "matches are highlighted in the passage: " + marked);
    }

    @Test
    void theSearchByControlIsSentWithTheFormAndKept() {
        driver.get(url("/search?q=NMDA"));
        new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("mode"))).selectByVisibleText("Words only");
        driver.findElement(By.cssSelector(".search-form button[type=submit]")).click();
        await().until(ExpectedConditions.urlContains("mode=lexical"));
        await().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".result")));
        assertEquals("lexical", driver.findElement(By.id("mode")).getAttribute("value"), "the page keeps the choice");
        assertTrue(driver.findElement(By.cssSelector(".search-form button[type=submit]")).isDisplayed());
    }

    @Test
    void typingFillsTheSearchBoxSuggestions() {
        driver.get(url("/"));
        driver.findElement(By.id("q")).sendKeys("midaz");
        await().until(d -> Boolean.TRUE.equals(js(
                "return Array.from(document.querySelectorAll('#q-suggestions option')).some(o => o.value === 'midazolam');")));
        driver.findElement(By.id("q")).sendKeys(Keys.chord(Keys.CONTROL, "a"), "is ket");
        await().until(d -> Boolean.TRUE.equals(js(
                "const o = document.querySelector('#q-suggestions option');"
                        + "return o !== null && o.value === 'Is Ketamine safe for treating depression?';")));
    }

    @Test
    void copyCitationButtonIsRevealedByScriptAndCopies() {
        driver.get(url("/articles/ketamines-for-depression"));
        WebElement button = await().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".copy-citation")));
        assertTrue(button.getAttribute("data-copy").startsWith("Ketamines For Depression"));
        // Scroll instantly: the page's smooth scrolling would otherwise still be moving when the click lands.
        js("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", button);
        button.click();
        await().until(d -> "Copied".equals(button.getText()));
    }

    @Test
    void slashKeyFocusesTheSearchBox() {
        driver.get(url("/articles/ketamines-for-depression"));
        driver.findElement(By.tagName("h1")).click();
        assertFalse("q".equals(js("return document.activeElement.id;")));
        new Actions(driver).sendKeys("/").perform();
        await().until(d -> "q".equals(js("return document.activeElement.id;")));
        assertEquals("", driver.findElement(By.id("q")).getAttribute("value"), "the slash is not typed into the box");
    }

    @Test
    void skipLinkIsTheFirstTabStop() {
        driver.get(url("/search?q=NMDA"));
        new Actions(driver).sendKeys(Keys.TAB).perform();
        assertEquals("skip-link", js("return document.activeElement.className;"));
    }

    @Test
    void nmdaResultsPageIsStyledAndCapturedAsScreenshot() throws IOException {
        driver.get(url("/search?q=NMDA"));
        await().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".result")));
        assertEquals(2, driver.findElements(By.cssSelector(".result")).size());
        // The stylesheet loaded under the CSP: body text uses the 1.6 line height from kb.css.
        double ratio = ((Number) js("const s = getComputedStyle(document.body);"
                + "return parseFloat(s.lineHeight) / parseFloat(s.fontSize);")).doubleValue();
        assertEquals(1.6, ratio, 0.01);
        File shot = driver.getScreenshotAs(OutputType.FILE);
        Files.createDirectories(SCREENSHOT.getParent());
        Files.copy(shot.toPath(), SCREENSHOT, StandardCopyOption.REPLACE_EXISTING);
        byte[] png = Files.readAllBytes(SCREENSHOT);
        assertTrue(png.length > 1000 && png[1] == 'P' && png[2] == 'N' && png[3] == 'G', "a PNG was written");
        if (Boolean.getBoolean("kb.screenshot.update")) {
            Files.copy(SCREENSHOT, README_SCREENSHOT, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static String url(String path) {
        return site.uri(path).toString();
    }

    private static Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    private static WebDriverWait await() {
        return new WebDriverWait(driver, Duration.ofSeconds(10));
    }
}
