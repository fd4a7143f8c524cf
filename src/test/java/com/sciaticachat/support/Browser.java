package com.sciaticachat.support;

import java.io.File;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoSuchShadowRootException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Debian Chromium driven by Selenium, with the driver path given so Selenium Manager never
 * goes to the network. Without a browser the test is skipped on a developer machine and fails under
 * {@code CI=true}: CI must run it.
 */
public final class Browser implements AutoCloseable {
    private static final String CHROMIUM = "/usr/bin/chromium";
    private static final String DRIVER = "/usr/bin/chromedriver";

    public final ChromeDriver driver;

    private Browser(ChromeDriver driver) {
        this.driver = driver;
    }

    /** A phone: Chrome's mobile emulation (headless windows cannot be narrower than 500 pixels). */
    public static Browser phone(int width, int height) {
        return start(width, height, true);
    }

    public static Browser start(int width, int height) {
        return start(width, height, false);
    }

    private static Browser start(int width, int height, boolean mobile) {
        boolean present = new File(CHROMIUM).canExecute() && new File(DRIVER).canExecute();
        if (!present) {
            String why = "Chromium and its driver are needed (apt-get install -y chromium chromium-driver; .ci/run does it)";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) Assertions.fail(why);
            Assumptions.abort(why);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=" + Math.max(width, 500) + "," + height);
        if (mobile) {
            options.setExperimentalOption("mobileEmulation", java.util.Map.of(
                    "deviceMetrics", java.util.Map.of("width", width, "height", height, "pixelRatio", 3.0, "touch", true)));
        }
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(DRIVER)).build();
        return new Browser(new ChromeDriver(service, options));
    }

    public static Browser start() {
        return start(1280, 900);
    }

    /**
     * The widget's shadow root on the current page, with no conversation kept from an earlier test (the
     * widget reads what this browser kept only when it is first opened).
     */
    public SearchContext widget() {
        // what an earlier test left in this browser (a conversation, the panel left open) is dropped; the widget read it when
        // the page loaded, so the page loads again without it
        Object kept = js("var n = 0; [localStorage, sessionStorage].forEach(function (s) { try { Object.keys(s).filter(function (k) {"
                + " return k.indexOf('sciatica-chat:') === 0; }).forEach(function (k) { s.removeItem(k); n++; }); } catch (e) {} });"
                + " return n;");
        if (kept instanceof Number n && n.intValue() > 0) driver.navigate().refresh();
        return widgetKeepingConversation();
    }

    /** The widget's shadow root, once the element exists and its shadow root is reachable; what the browser kept stays. */
    public SearchContext widgetKeepingConversation() {
        return waitFor(d -> {
            for (WebElement host : d.findElements(By.cssSelector("sciatica-chat"))) {
                try {
                    return host.getShadowRoot();
                } catch (NoSuchShadowRootException | StaleElementReferenceException notYet) {
                    return null;
                }
            }
            return null;
        });
    }

    public WebElement in(SearchContext root, String css) {
        return waitFor(d -> root.findElements(By.cssSelector(css)).stream().findFirst().orElse(null));
    }

    public List<WebElement> all(SearchContext root, String css) {
        return root.findElements(By.cssSelector(css));
    }

    public <T> T waitFor(Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, Duration.ofSeconds(15)).until(condition::apply);
    }

    public Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    @Override
    public void close() {
        driver.quit();
    }
}
