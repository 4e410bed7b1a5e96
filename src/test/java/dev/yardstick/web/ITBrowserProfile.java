package dev.yardstick.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.yardstick.testing.Browser;
import dev.yardstick.testing.OrgSetup;
import dev.yardstick.testing.TestDatabases;
import dev.yardstick.testing.TestServer;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** A developer opens their profile from the menu and watches the live check turn green on their next export, in headless Chromium. */
class ITBrowserProfile {
  @Test
  void developer_opensMyProfile_liveCheckTurnsGreenOnTheirExport_withoutReload() throws Exception {
    try (TestServer server = TestServer.start(TestDatabases.h2())) {
      String token = server.newIngestToken("laptops");
      long jane = OrgSetup.developer(server, "jane@example.com");
      server.account("jane@example.com", "developer", "jane-password-42");
      WebDriver browser = Browser.start();
      try {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(10));
        browser.get(server.url("/login"));
        browser.findElement(By.name("email")).sendKeys("jane@example.com");
        browser.findElement(By.name("password")).sendKeys("jane-password-42");
        Browser.follow(browser, By.xpath("//button[text()='Sign in']"));
        wait.until(ExpectedConditions.titleContains("Dashboard"));
        Browser.follow(browser, By.linkText("My profile"));
        wait.until(ExpectedConditions.urlContains("/developers/" + jane));
        assertThat(browser.findElement(By.id("live-check")).getText()).contains("Waiting for data");
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("Telemetry is not historical");
        assertThat(browser.findElement(By.id("first-event")).getText()).isEqualTo("never");
        Thread.sleep(2500); // at least one poll answered "still waiting" and kept polling
        ((JavascriptExecutor) browser).executeScript("document.body.setAttribute('data-marker', 'same-page')");
        assertThat(browser.findElement(By.id("live-check")).getText()).contains("Waiting for data");

        TelemetryStatusContract.send(server, token, "jane@example.com", "s1", server.clock().instant(), "2.1.230", "vscode");
        long sent = System.nanoTime();
        new WebDriverWait(browser, Duration.ofSeconds(8))
            .until(ExpectedConditions.textToBePresentInElementLocated(By.id("live-check"), "Data received at"));

        assertThat((System.nanoTime() - sent) / 1_000_000).as("milliseconds until green").isLessThan(6000);
        assertThat(browser.findElement(By.tagName("body")).getDomAttribute("data-marker")).isEqualTo("same-page"); // not reloaded
        assertThat(browser.findElement(By.id("live-check")).getDomAttribute("hx-trigger")).isNull(); // stopped polling
        assertThat(Browser.cspViolations(browser)).isEmpty();
      } finally {
        browser.quit();
      }
    }
  }
}
