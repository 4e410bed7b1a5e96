package dev.yardstick.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium (Debian's chromium and chromium-driver) driven by Selenium. Without them
 * the test is skipped, except under CI=true, where it fails.
 */
public final class Browser {
  private static final String CHROMIUM = System.getenv().getOrDefault("YARDSTICK_TEST_CHROMIUM", "/usr/bin/chromium");
  private static final String DRIVER = System.getenv().getOrDefault("YARDSTICK_TEST_CHROMEDRIVER", "/usr/bin/chromedriver");

  private Browser() {}

  public static WebDriver start() throws Exception {
    if (!new File(CHROMIUM).canExecute() || !new File(DRIVER).canExecute()) {
      String why = "no Chromium at " + CHROMIUM + " or ChromeDriver at " + DRIVER
          + " (apt-get install chromium chromium-driver, or set YARDSTICK_TEST_CHROMIUM / YARDSTICK_TEST_CHROMEDRIVER)";
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        fail(why);
      }
      Assumptions.abort(why);
    }
    Path profile = Files.createTempDirectory("yardstick-chromium");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM);
    // the flags that keep Chromium from reaching for the network at start (closed network here)
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
        "--disable-quic", "--user-data-dir=" + profile);
    // the console, read by cspViolations: Chromium reports every Content-Security-Policy violation there
    options.setCapability("goog:loggingPrefs", java.util.Map.of("browser", "ALL"));
    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(DRIVER))
        .usingAnyFreePort().build();
    return new ChromeDriver(service, options);
  }

  /**
   * Clicks a button or link that leads to another page and waits for that page, loaded, so that what
   * is looked up next is on the new page, never on the one being left (ChromeDriver fails on a node
   * leaving the document, and on one found before it has taken in the new document's load).
   */
  public static void follow(WebDriver driver, By target) {
    WebElement page = driver.findElement(By.tagName("html"));
    driver.findElement(target).click();
    WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(20));
    wait.until(d -> gone(page));
    wait.until(d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
  }

  // ChromeDriver answers "does not belong to the document" instead of stale while the old document is being replaced
  private static boolean gone(WebElement page) {
    try {
      page.isEnabled();
      return false;
    } catch (org.openqa.selenium.StaleElementReferenceException e) {
      return true;
    } catch (org.openqa.selenium.WebDriverException e) {
      if (e.getMessage() != null && e.getMessage().contains("does not belong to the document")) {
        return true;
      }
      throw e;
    }
  }

  /**
   * The Content-Security-Policy violations Chromium reported on its console since the last call
   * (reading the console empties it).
   */
  public static java.util.List<String> cspViolations(WebDriver driver) {
    return driver.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER).getAll().stream()
        .map(org.openqa.selenium.logging.LogEntry::getMessage).filter(m -> m.contains("Content Security Policy")).toList();
  }

  /**
   * Saves PNGs of the page at desktop (1366 px) and phone (390 px) width into target/screenshots (or
   * YARDSTICK_TEST_SCREENSHOTS), to look at the pages; the window gets its size back afterwards.
   */
  public static void screenshot(WebDriver driver, String name) throws java.io.IOException {
    Path dir = Path.of(System.getenv().getOrDefault("YARDSTICK_TEST_SCREENSHOTS", "target/screenshots"));
    if (!(driver instanceof org.openqa.selenium.TakesScreenshot t)) {
      return;
    }
    Files.createDirectories(dir);
    org.openqa.selenium.Dimension before = driver.manage().window().getSize();
    try {
      for (int width : new int[] {1366, 390}) {
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(width, width == 390 ? 844 : 900));
        Files.write(dir.resolve(name + "-" + width + ".png"), t.getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
      }
    } finally {
      driver.manage().window().setSize(before);
    }
  }

  /** Signs in on the sign-in page and waits for the page that follows. */
  public static void signIn(WebDriver driver, String loginUrl, String email, String password) {
    driver.get(loginUrl);
    driver.findElement(By.name("email")).sendKeys(email);
    driver.findElement(By.name("password")).sendKeys(password);
    follow(driver, By.xpath("//button[text()='Sign in']"));
  }
}
