package dev.yardstick.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.yardstick.testing.Browser;
import dev.yardstick.testing.OtlpExports;
import dev.yardstick.testing.OtlpExports.Point;
import dev.yardstick.testing.TestClock;
import dev.yardstick.testing.TestDatabases;
import dev.yardstick.testing.TestServer;
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
 * The admin's token section in headless Chromium, embedded as Integrations > Claude Code embeds it (the shared
 * contract's section and rollout input): create a token, read it off the page, export with it; rotate, and both
 * work during the grace period, only the new one after; revoke after confirming, and it stops.
 */
class ITTokenBrowser {
  private static final String EMBED = "document.querySelector('main').insertAdjacentHTML('beforeend',"
      + " '<form><input id=\"rollout-token\" name=\"token\" type=\"text\" autocomplete=\"off\" spellcheck=\"false\""
      + " aria-label=\"Ingest token\" value=\"\"></form><section id=\"tokens\" hx-get=\"/integrations/claude-code/tokens\""
      + " hx-trigger=\"load\" hx-swap=\"innerHTML\"></section>'); htmx.process(document.getElementById('tokens'));";

  @Test
  void admin_createsAToken_exportsWithIt_rotates_bothWorkInTheGrace_onlyTheNewAfter_revokes() throws Exception {
    TestClock clock = new TestClock();
    TestDatabases.Target target = TestDatabases.h2();
    try (TestServer server = TestServer.start(target, Map.of(), clock)) {
      WebDriver browser = Browser.start();
      try {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(10));
        browser.get(server.url("/login"));
        browser.findElement(By.name("email")).sendKeys(TestServer.ADMIN_EMAIL);
        browser.findElement(By.name("password")).sendKeys(TestServer.ADMIN_PASSWORD);
        Browser.follow(browser, By.xpath("//button[text()='Sign in']"));
        browser.get(server.url("/account")); // a page with the layout (htmx); the section goes in as cfg's page has it
        wait.until(d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
        wait.until(d -> (Boolean) ((JavascriptExecutor) d).executeScript("return typeof htmx !== 'undefined'"));
        ((JavascriptExecutor) browser).executeScript(EMBED);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#tokens form.token-create")));

        browser.findElement(By.cssSelector("#tokens input[name=name]")).sendKeys("laptops");
        browser.findElement(By.xpath("//section[@id='tokens']//button[text()='Create token']")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("new-token")));
        String first = browser.findElement(By.id("new-token")).getText().trim();

        assertThat(first).matches("tk_[a-z0-9]+:sk_.+");
        assertThat(browser.findElement(By.id("rollout-token")).getAttribute("value")).isEqualTo(first);
        assertThat(export(server, first, 1)).isEqualTo(200);

        String firstId = first.substring(3, first.indexOf(':'));
        new Select(browser.findElement(By.cssSelector("tr[data-token-id='" + firstId + "'] select[name=graceHours]")))
            .selectByVisibleText("1 day");
        browser.findElement(By.xpath("//tr[@data-token-id='" + firstId + "']//button[text()='Rotate']")).click();
        wait.until(d -> !d.findElement(By.id("new-token")).getText().trim().equals(first));
        String second = browser.findElement(By.id("new-token")).getText().trim();

        assertThat(browser.findElement(By.cssSelector(".token-shown")).getText()).contains("keeps working until");
        assertThat(browser.findElement(By.id("rollout-token")).getAttribute("value")).isEqualTo(second);
        assertThat(browser.findElement(By.cssSelector("tr[data-token-id='" + firstId + "']")).getText()).contains("expiring");
        assertThat(export(server, first, 2)).isEqualTo(200);
        assertThat(export(server, second, 3)).isEqualTo(200);

        clock.advance(Duration.ofDays(1).plusMinutes(1));

        assertThat(export(server, first, 4)).isEqualTo(401);
        assertThat(export(server, second, 5)).isEqualTo(200);

        String secondId = second.substring(3, second.indexOf(':'));
        browser.findElement(By.xpath("//tr[@data-token-id='" + secondId + "']//button[text()='Revoke']")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.xpath("//button[text()='Yes, revoke']")));
        assertThat(export(server, second, 6)).as("not revoked before the confirmation").isEqualTo(200);
        browser.findElement(By.xpath("//button[text()='Yes, revoke']")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("tr[data-token-id='" + secondId + "']"),
            "revoked"));

        assertThat(export(server, second, 7)).isEqualTo(401);
        assertThat(browser.findElements(By.id("new-token"))).isEmpty(); // shown once, not again
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
}
