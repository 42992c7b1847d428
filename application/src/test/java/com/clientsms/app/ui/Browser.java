package com.clientsms.app.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.util.FileSystemUtils;

/**
 * Debian's headless Chromium driven through Debian's chromedriver, one for the whole test run. Both paths are given
 * explicitly, so Selenium never looks for (or downloads) a browser or a driver. Tests that need it are skipped with a
 * reason when either is missing; CI installs both.
 */
final class Browser implements ExtensionContext.Store.CloseableResource {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    static final int DESKTOP_WIDTH = 1280;
    static final int PHONE_WIDTH = 390;

    private final ChromeDriver driver;
    private final Path profile;

    private Browser() throws IOException {
        Files.createDirectories(Path.of("target"));
        profile = Files.createTempDirectory(Path.of("target"), "chromium-profile-");
        ChromeOptions options = new ChromeOptions()
                .setBinary(CHROMIUM.toFile())
                .addArguments(
                        "--headless",
                        "--no-sandbox",
                        "--disable-gpu",
                        "--disable-quic",
                        "--no-first-run",
                        "--disable-background-networking",
                        "--disable-component-update",
                        "--disable-sync",
                        "--disable-dev-shm-usage",
                        "--lang=en-AU",
                        "--window-size=" + DESKTOP_WIDTH + ",900",
                        "--user-data-dir=" + profile.toAbsolutePath());
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    }

    ChromeDriver driver() {
        return driver;
    }

    WebDriverWait waiting() {
        return new WebDriverWait(driver, Duration.ofSeconds(30), Duration.ofMillis(100));
    }

    void open(String url) {
        driver.get(url);
    }

    WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    /** Signs out whoever was signed in, then signs in through the sign-in page as a person would. */
    void signIn(String baseUrl, String username) {
        driver.manage().deleteAllCookies();
        open(baseUrl + "/login");
        find("#username").sendKeys(username);
        find("#password").sendKeys("demo");
        find("button[type=submit]").click();
        waiting().until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
    }

    /** The page as a desktop and as a phone shows it, whole, under target/screenshots. */
    void screenshots(String name) {
        screenshot(name + "-desktop", DESKTOP_WIDTH, false);
        screenshot(name + "-phone", PHONE_WIDTH, true);
    }

    private void screenshot(String name, int width, boolean mobile) {
        emulate(width, mobile);
        long height = (Long) driver.executeScript(
                "return Math.max(document.documentElement.scrollHeight, document.body.scrollHeight);");
        Map<String, Object> shot = driver.executeCdpCommand(
                "Page.captureScreenshot",
                Map.of(
                        "format",
                        "png",
                        "captureBeyondViewport",
                        true,
                        "clip",
                        Map.of("x", 0, "y", 0, "width", width, "height", Math.min(height, 6000), "scale", 1)));
        try {
            Files.createDirectories(SCREENSHOTS);
            Files.write(SCREENSHOTS.resolve(name + ".png"), Base64.getDecoder().decode((String) shot.get("data")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        desktop();
    }

    /** Lays the page out as a phone-sized screen does (CSS pixels, touch-sized viewport). */
    void phone() {
        emulate(PHONE_WIDTH, true);
    }

    void desktop() {
        driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
    }

    private void emulate(int width, boolean mobile) {
        driver.executeCdpCommand(
                "Emulation.setDeviceMetricsOverride",
                Map.of("width", width, "height", mobile ? 844 : 900, "deviceScaleFactor", 1, "mobile", mobile));
    }

    /** What the page's accessibility audit (accessibility-audit.js) finds wrong: labels, names, contrast, overflow. */
    @SuppressWarnings("unchecked")
    List<String> accessibilityProblems() {
        return (List<String>) driver.executeScript(AUDIT);
    }

    void assertAccessibleOnDesktopAndPhone(String page) {
        desktop();
        assertThat(accessibilityProblems()).as(page + " on a desktop").isEmpty();
        phone();
        assertThat(accessibilityProblems()).as(page + " on a phone").isEmpty();
        desktop();
    }

    private static final String AUDIT = resource("accessibility-audit.js");

    static String resource(String name) {
        try (InputStream in = Browser.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static boolean installed() {
        return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    }

    @Override
    public void close() {
        driver.quit();
        FileSystemUtils.deleteRecursively(profile.toFile());
    }

    /** Gives a test method or constructor the run's browser, starting it on first use. */
    static final class Extension implements ParameterResolver {

        @Override
        public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
            return parameter.getParameter().getType() == Browser.class;
        }

        @Override
        public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
            assumeTrue(
                    installed(),
                    "Browser tests need Debian's chromium and chromium-driver (/usr/bin/chromium,"
                            + " /usr/bin/chromedriver); .ci/run installs them");
            return context.getRoot()
                    .getStore(ExtensionContext.Namespace.create(Browser.class))
                    .getOrComputeIfAbsent(
                            Browser.class,
                            key -> {
                                try {
                                    return new Browser();
                                } catch (IOException e) {
                                    throw new UncheckedIOException(e);
                                }
                            },
                            Browser.class);
        }
    }
}
