package dev.yardstick.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.yardstick.testing.Browser;
import dev.yardstick.testing.TestDatabases;
import dev.yardstick.testing.TestServer;
import dev.yardstick.testing.WebClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Integrations > Claude Code in Chromium: the chooser shows one path, and every block is the API's text byte for byte. */
class ITClaudeCodePage {
  static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void blocksOnThePage_areExactlyTheApisAnswer_andTheDownloadIsTheManagedBlock() throws Exception {
    TestDatabases.Target target = TestDatabases.h2();
    try (TestServer server = TestServer.start(target, Map.of("YARDSTICK_PUBLIC_URL", "http://yardstick.internal:8080"))) {
      String token = server.newIngestToken("laptops");
      String api = "{\"provider\":\"bedrock\",\"token\":\"" + token + "\",\"identity\":\"headers-helper\","
          + "\"variables\":{\"AWS_REGION\":\"eu-west-1\"}}";
      JsonNode expected = JSON.readTree(server.json("POST", "/api/v1/claude-code/config", api).body());
      WebDriver browser = Browser.start();
      try {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(10));
        Browser.signIn(browser, server.url("/login"), TestServer.ADMIN_EMAIL, TestServer.ADMIN_PASSWORD);
        browser.get(server.url("/integrations"));
        assertThat(browser.getCurrentUrl()).endsWith("/integrations/claude-code");

        assertThat(browser.findElement(By.id("path-2")).isDisplayed()).as("an ingest token and no Admin API key: subscriptions first").isTrue();
        assertThat(browser.findElement(By.id("path-1")).isDisplayed()).isFalse();
        browser.findElement(By.id("choose-3")).click();
        assertThat(browser.findElement(By.id("path-3")).isDisplayed()).isTrue();
        assertThat(browser.findElement(By.id("path-2")).isDisplayed()).isFalse();
        // the token management is part of the page (it works without JavaScript), shown with Paths 2 and 3
        assertThat(browser.findElement(By.id("telemetry")).isDisplayed()).isTrue();
        assertThat(browser.findElement(By.cssSelector("#telemetry #tokens")).getText()).contains("laptops");
        assertThat(browser.findElements(By.cssSelector("#telemetry #tokens form.token-create"))).hasSize(1);

        browser.findElement(By.id("rollout-token")).sendKeys(token);
        new Select(browser.findElement(By.name("provider"))).selectByValue("bedrock");
        browser.findElement(By.name("AWS_REGION")).sendKeys("eu-west-1");
        browser.findElement(By.cssSelector("input[name=identity][value=headers-helper]")).click();
        browser.findElement(By.xpath("//button[text()='Generate']")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("block-userSettings")));

        for (String block : new String[] {"userSettings", "managedSettings", "shell"}) {
          assertThat(text(browser, "block-" + block)).as(block).isEqualTo(expected.get(block).asText());
        }
        assertThat(text(browser, "block-headersHelper")).isEqualTo(expected.at("/headersHelper/script").asText());
        JSON.readTree(text(browser, "block-userSettings")); // and it parses
        assertThat(browser.findElements(By.cssSelector("button[data-copy=block-shell]"))).hasSize(1);
        assertThat(Browser.cspViolations(browser)).isEmpty();

        browser.findElement(By.id("choose-1")).click();
        assertThat(browser.findElement(By.id("path-1")).isDisplayed()).isTrue();
        assertThat(browser.findElement(By.id("path-1")).getText()).contains("Claude Code Analytics Admin API", "Not connected");
      } finally {
        browser.quit();
      }

      WebClient admin = new WebClient(server);
      admin.signIn(TestServer.ADMIN_EMAIL, TestServer.ADMIN_PASSWORD);
      HttpResponse<String> file = admin.post("/claude-code/managed-settings.json", "csrf", admin.csrf(), "provider", "bedrock",
          "token", token, "identity", "headers-helper", "AWS_REGION", "eu-west-1");
      assertThat(file.statusCode()).isEqualTo(200);
      assertThat(file.headers().firstValue("Content-Disposition")).hasValue("attachment; filename=\"managed-settings.json\"");
      assertThat(file.body()).isEqualTo(expected.get("managedSettings").asText());
      HttpResponse<String> refused = admin.post("/claude-code/config", "csrf", admin.csrf(), "provider", "anthropic",
          "token", token.substring(0, token.length() - 2) + "xx", "identity", "none");
      assertThat(refused.body()).contains("unknown ingest token").doesNotContain("block-");
    } finally {
      TestDatabases.drop(target);
    }
  }

  private static String text(WebDriver browser, String id) {
    return (String) ((JavascriptExecutor) browser).executeScript("return document.getElementById(arguments[0]).textContent", id);
  }
}
