package dev.cloakroom.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The demo in headless Chromium (Debian's {@code chromium} and {@code chromium-driver}; Selenium Manager is
 * never asked to download anything), on the default engine, db on SQLite: counter, cart, wizard, login,
 * flash messages, logout and the session cookie's attributes. Saves a screenshot to {@code docs/demo.png}.
 */
class DemoBrowserIT {

    private static final String CHROMIUM = "/usr/bin/chromium";
    private static final String CHROMEDRIVER = "/usr/bin/chromedriver";

    private Path directory;
    private DemoServer server;
    private ChromeDriver browser;

    @BeforeEach
    void start() throws Exception {
        assertThat(new File(CHROMIUM).canExecute()).as("Chromium at " + CHROMIUM
                + ": apt-get install -y chromium chromium-driver").isTrue();
        assertThat(new File(CHROMEDRIVER).canExecute()).as("chromedriver at " + CHROMEDRIVER
                + ": apt-get install -y chromium-driver").isTrue();
        directory = Files.createTempDirectory("cloakroom-browser");
        server = DemoServer.start(DemoSettings.read(Map.of("CLOAKROOM_PORT", "0"), Map.of(), directory));
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                        "--no-first-run",
                "--window-size=1200,860",
                        "--user-data-dir=" + Files.createDirectories(directory.resolve("chromium")));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(20));
        // the next page may still be loading
        browser.manage().timeouts().implicitlyWait(Duration.ofSeconds(5));
    }

    @AfterEach
    void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (server != null) {
            server.close();
        }
    }

    private void open(String path) {
        browser.get(server.uri().resolve(path).toString());
    }

    private String text(String id) {
        return browser.findElement(By.id(id)).getText();
    }

    /** Clicks a link or submit button and waits for the next page to replace this one. */
    private void click(String id) {
        WebElement page = browser.findElement(By.tagName("html"));
        browser.findElement(By.id(id)).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(driver -> isGone(page));
    }

    /**
     * Whether {@code element}'s page has been replaced. Chromium answers a question about a node of a page
     * being replaced with either a stale-element error or "Node ... does not belong to the document".
     */
    private static boolean isGone(WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (StaleElementReferenceException e) {
            return true;
        } catch (WebDriverException e) {
            if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
                return true;
            }
            throw e;
        }
    }

    private void type(String id, String value) {
        WebElement field = browser.findElement(By.id(id));
        field.clear();
        field.sendKeys(value);
    }

    private String messages() {
        return browser.findElements(By.id("messages")).stream().map(WebElement::getText).findFirst()
                .orElse("");
    }

    @Test
    void aVisitorCountsShopsRegistersLogsInAndOut() throws Exception {
        open("/counter");
        assertThat(text("count")).isEqualTo("1");
        assertThat(text("panel-engine")).isEqualTo("db");
        click("again");
        assertThat(text("count")).isEqualTo("2");
        Cookie anonymous = browser.manage().getCookieNamed("sessionid");
        assertThat(text("panel-key")).isEqualTo("…" + anonymous.getValue().substring(26));

        open("/cart");
        assertThat(text("cart-empty")).isEqualTo("Your cart is empty.");
        click("add-hat");
        click("add-hat");
        click("add-umbrella");
        assertThat(browser.findElement(By.cssSelector("#line-hat .qty")).getText()).isEqualTo("2");
        assertThat(text("cart-total")).isEqualTo("€84.50");
        click("remove-hat");
        assertThat(text("cart-total")).isEqualTo("€49.50");

        open("/register");
        type("name", "Alice Liddell");
        type("email", "alice@example.com");
        click("next");
        browser.findElement(By.id("plan-pro")).click(); // a radio button: no navigation
        click("next");
        assertThat(text("review-plan")).isEqualTo("pro");
        click("back");
        assertThat(browser.findElement(By.id("plan-pro")).isSelected()).isTrue();
        open("/");
        assertThat(browser.getPageSource()).contains("Unfinished: resume at step 2 of 3.");
        open("/register");
        assertThat(text("resumed")).contains("step 2 of 3");
        click("next");
        click("finish");
        assertThat(messages()).isEqualTo("Welcome aboard, Alice Liddell! Your registration is complete.");

        open("/login");
        type("username", "alice");
        type("password", "alice");
        click("login-submit");
        assertThat(messages()).isEqualTo("Welcome back, alice!");
        assertThat(text("who")).isEqualTo("alice");
        saveScreenshot(); // the home page: flash message, what the session holds, the panel
        Cookie session = browser.manage().getCookieNamed("sessionid");
        assertThat(session.getValue()).as("login cycles the key").isNotEqualTo(anonymous.getValue());
        assertThat(session.isHttpOnly()).isTrue();
        assertThat(session.getSameSite()).isEqualTo("Lax");
        assertThat(session.getPath()).isEqualTo("/");
        assertThat(session.isSecure()).isFalse();
        assertThat(session.getExpiry()).isNotNull();

        open("/cart");
        assertThat(text("cart-total")).as("the cart survives login").isEqualTo("€49.50");

        open("/sessions");
        assertThat(browser.findElement(By.id("sessions")).getText()).contains("this browser");

        open("/contact");
        type("contact-message", "Lovely cloakroom.");
        click("contact-submit");
        assertThat(messages()).isEqualTo("Thank you for the feedback!");

        click("logout");
        assertThat(messages()).isEqualTo("You have been logged out.");
        assertThat(browser.findElements(By.id("who"))).isEmpty();
        Cookie afterLogout = browser.manage().getCookieNamed("sessionid");
        assertThat(afterLogout == null ? null : afterLogout.getValue()).isNotEqualTo(session.getValue());
        open("/cart");
        assertThat(text("cart-empty")).as("logout flushes the session").isEqualTo("Your cart is empty.");
    }

    @Test
    void theDarkThemeAppliesToEveryPage() {
        open("/preferences");
        browser.findElement(By.id("theme-dark")).click();
        click("save-preferences");
        assertThat(messages()).isEqualTo("Preferences saved.");
        open("/counter");
        assertThat(browser.findElement(By.tagName("body")).getAttribute("class")).isEqualTo("theme-dark");
    }

    private void saveScreenshot() throws Exception {
        Path docs = Path.of(System.getProperty("basedir", ".")).toAbsolutePath().resolve("../docs")
                .normalize();
        Files.createDirectories(docs);
        byte[] png = browser.getScreenshotAs(OutputType.BYTES);
        assertThat(png).startsWith(0x89, 'P', 'N', 'G');
        Files.write(docs.resolve("demo.png"), png);
    }
}
