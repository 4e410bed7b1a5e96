package dev.yardstick.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.yardstick.testing.Browser;
import dev.yardstick.testing.OtlpExports;
import dev.yardstick.testing.OtlpExports.Point;
import dev.yardstick.testing.TestClock;
import dev.yardstick.testing.TestDatabases;
import dev.yardstick.testing.TestServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The whole rollout in headless Chromium on Integrations > Claude Code: create a token, read every generated block
 * off the page (equal to the API's answer, and it parses), watch a developer's profile turn green on the first
 * export made with that token, rotate (both work during the grace period, only the new one after), revoke.
 */
class ITRolloutInTheBrowser {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void admin_createsAToken_copiesTheBlocks_seesTheDeveloperArrive_rotates_revokes() throws Exception {
    TestClock clock = new TestClock();
    TestDatabases.Target target = TestDatabases.h2();
    try (TestServer server = TestServer.start(target, Map.of(), clock)) {
      JsonNode dev = JSON.readTree(server.json("POST", "/api/v1/developers", "{\"email\":\"dev@example.com\",\"name\":\"Dev\"}").body());
      WebDriver browser = Browser.start();
      try {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(10));
        Browser.signIn(browser, server.url("/login"), TestServer.ADMIN_EMAIL, TestServer.ADMIN_PASSWORD);
        browser.get(server.url("/integrations/claude-code?path=2"));
        assertThat(browser.findElement(By.id("path-2")).isDisplayed()).isTrue();

        browser.findElement(By.cssSelector("#tokens input[name=name]")).sendKeys("laptops");
        browser.findElement(By.xpath("//section[@id='tokens']//button[text()='Create token']")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("new-token")));
        String first = browser.findElement(By.id("new-token")).getText().trim();
        assertThat(first).matches("tk_[a-z0-9]+:sk_.+");
        assertThat(browser.findElement(By.id("rollout-token")).getAttribute("value")).as("filled out of band").isEqualTo(first);

        new Select(browser.findElement(By.name("provider"))).selectByValue("anthropic");
        browser.findElement(By.cssSelector("input[name=identity][value=none]")).click();
        browser.findElement(By.xpath("//button[text()='Generate']")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("block-userSettings")));
        JsonNode api = JSON.readTree(server.json("POST", "/api/v1/claude-code/config",
            "{\"provider\":\"anthropic\",\"token\":\"" + first + "\",\"identity\":\"none\"}").body());
        for (String block : new String[] {"userSettings", "managedSettings", "shell"}) {
          assertThat(text(browser, "block-" + block)).as(block).isEqualTo(api.get(block).asText());
        }
        assertThat(JSON.readTree(text(browser, "block-userSettings")).at("/env/OTEL_EXPORTER_OTLP_HEADERS").asText())
            .isEqualTo("Authorization=Bearer " + first);
        JSON.readTree(text(browser, "block-managedSettings"));
        assertThat(shellParses(text(browser, "block-shell"))).as("sh -n").isZero();
        Browser.screenshot(browser, "integrations-claude-code");

        browser.get(server.url("/developers/" + dev.get("id").asText()));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("live-check"), "Waiting for data"));
        assertThat(export(server, first, 1)).isEqualTo(200);
        new WebDriverWait(browser, Duration.ofSeconds(8))
            .until(ExpectedConditions.textToBePresentInElementLocated(By.id("live-check"), "Data received at"));
        // and the facts below it were read again, without a reload
        wait.until(ExpectedConditions.not(ExpectedConditions.textToBe(By.id("last-event"), "never")));
        assertThat(browser.findElement(By.id("identified-by")).getText()).contains("dev@example.com");
        Browser.screenshot(browser, "developer-profile");

        browser.get(server.url("/integrations/claude-code?path=2"));
        String firstId = first.substring(3, first.indexOf(':'));
        assertThat(browser.findElement(By.cssSelector("tr[data-token-id='" + firstId + "']")).getText()).contains("laptops");
        new Select(browser.findElement(By.cssSelector("tr[data-token-id='" + firstId + "'] select[name=graceHours]")))
            .selectByVisibleText("1 day");
        browser.findElement(By.xpath("//tr[@data-token-id='" + firstId + "']//button[text()='Rotate']")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("new-token")));
        String second = browser.findElement(By.id("new-token")).getText().trim();
        assertThat(second).isNotEqualTo(first);
        assertThat(browser.findElement(By.id("rollout-token")).getAttribute("value")).isEqualTo(second);
        assertThat(export(server, first, 2)).as("old token in its grace period").isEqualTo(200);
        assertThat(export(server, second, 3)).isEqualTo(200);

        clock.advance(Duration.ofDays(1).plusMinutes(1));
        assertThat(export(server, first, 4)).as("old token after its grace period").isEqualTo(401);
        assertThat(export(server, second, 5)).isEqualTo(200);

        String secondId = second.substring(3, second.indexOf(':'));
        browser.findElement(By.xpath("//tr[@data-token-id='" + secondId + "']//button[text()='Revoke']")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.xpath("//button[text()='Yes, revoke']")));
        assertThat(export(server, second, 6)).as("not revoked before the confirmation").isEqualTo(200);
        browser.findElement(By.xpath("//button[text()='Yes, revoke']")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("tr[data-token-id='" + secondId + "']"), "revoked"));
        assertThat(export(server, second, 7)).isEqualTo(401);
        assertThat(Browser.cspViolations(browser)).isEmpty();
      } finally {
        browser.quit();
      }
    } finally {
      TestDatabases.drop(target);
    }
  }

  private static int export(TestServer server, String token, int n) throws Exception {
    Instant at = TestClock.EPOCH.minus(Duration.ofHours(20)).plusSeconds(n);
    return OtlpExports.send(server, token, OtlpExports.Transport.HTTP_JSON, OtlpExports.metrics("dev@example.com", "s" + n,
        List.of(Point.delta("claude_code.lines_of_code.count", at, n, "type", "added")))).status();
  }

  private static int shellParses(String script) throws Exception {
    Path file = Files.createTempFile("exports", ".sh");
    try {
      Files.writeString(file, script, StandardCharsets.UTF_8);
      return new ProcessBuilder("/bin/sh", "-n", file.toString()).inheritIO().start().waitFor();
    } finally {
      Files.delete(file);
    }
  }

  private static String text(WebDriver browser, String id) {
    return (String) ((JavascriptExecutor) browser).executeScript("return document.getElementById(arguments[0]).textContent", id);
  }
}
