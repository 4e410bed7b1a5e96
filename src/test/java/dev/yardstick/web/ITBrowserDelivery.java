package dev.yardstick.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.yardstick.repos.SmallRepo;
import dev.yardstick.testing.AdminDataset;
import dev.yardstick.testing.Browser;
import dev.yardstick.testing.FakeAdminApi;
import dev.yardstick.testing.TestClock;
import dev.yardstick.testing.TestDatabases;
import dev.yardstick.testing.TestServer;
import java.nio.file.Files;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Repositories and Integrations in a real headless Chromium: add and import with a progress bar; save a key, sync, watch the backfill. */
class ITBrowserDelivery {
  @Test
  void admin_followsARepository_andConnectsTheAdminApi_watchingProgress() throws Exception {
    SmallRepo repo = new SmallRepo(Files.createTempDirectory("yardstick-browser-repo"))
        .startingAt(TestClock.today().minusDays(5));
    repo.commit("erin@example.com", "a.txt", 6, "first");
    repo.commit("erin@example.com", "a.txt", 2, "second");
    try (FakeAdminApi fake = new FakeAdminApi(new AdminDataset(10, 3), 5);
        TestServer server = TestServer.start(TestDatabases.h2(), Map.of("YARDSTICK_ANTHROPIC_API_URL", fake.url().toString()))) {
      WebDriver browser = Browser.start();
      try {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        browser.get(server.url("/login"));
        browser.findElement(By.name("email")).sendKeys(TestServer.ADMIN_EMAIL);
        browser.findElement(By.name("password")).sendKeys(TestServer.ADMIN_PASSWORD);
        Browser.follow(browser, By.xpath("//button[text()='Sign in']"));
        wait.until(ExpectedConditions.titleContains("Dashboard"));

        Browser.follow(browser, By.linkText("Repositories"));
        browser.findElement(By.name("name")).sendKeys("app");
        browser.findElement(By.name("source")).sendKeys(repo.dir.toString());
        Browser.follow(browser, By.xpath("//button[text()='Add and import']"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[role=status]"), "Added app"));
        wait.until(d -> {
          d.navigate().refresh();
          return d.findElement(By.id("repositories")).getText().contains("following");
        });
        assertThat(browser.findElement(By.id("repositories")).getText()).contains("2/2 commits, 2 new");
        assertThat(browser.findElements(By.cssSelector("#repositories progress"))).hasSize(1);
        Browser.screenshot(browser, "repositories");
        Browser.follow(browser, By.linkText("Dashboard"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#chart-output[data-chart-drawn] canvas")));
        assertThat(browser.findElement(By.id("card-commits")).getText()).contains("2\n").contains("0 carry Claude Code's mark");
        Browser.screenshot(browser, "dashboard");

        Browser.follow(browser, By.linkText("Integrations"));
        browser.findElement(By.name("adminApiKey")).sendKeys(FakeAdminApi.ADMIN_KEY);
        // a date input takes typing in the browser's locale; set its value as a date picker would
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1]",
            browser.findElement(By.name("backfillFrom")), TestClock.today().minusDays(4).toString());
        Browser.follow(browser, By.xpath("//button[text()='Save key']"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[role=status]"), "Saved"));
        assertThat(browser.getPageSource()).contains("WXYZ").doesNotContain(FakeAdminApi.ADMIN_KEY);
        Browser.follow(browser, By.xpath("//button[text()='Sync now']"));
        wait.until(d -> {
          d.navigate().refresh();
          return d.findElement(By.id("backfill")).getText().contains("5 of 5 days");
        });
        Browser.follow(browser, By.xpath("//button[text()='Test connection']"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[role=status]"), "Connected"));
        Browser.screenshot(browser, "integrations");
      } finally {
        browser.quit();
      }
    }
  }
}
