package dev.yardstick.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.yardstick.testing.Browser;
import dev.yardstick.testing.TestDatabases;
import dev.yardstick.testing.TestServer;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Every page in a real Chromium under the Content-Security-Policy: the browser reports no
 * violation, and an inline style added to a page is refused (the policy is enforced and the check
 * sees violations).
 */
class ITContentSecurityPolicy {
  @Test
  void everyPage_satisfiesThePolicy_andInlineStyleIsRefused() throws Exception {
    try (TestServer server = TestServer.start(TestDatabases.h2());
        TestServer fresh = TestServer.startWithoutAdmin(TestDatabases.h2(), java.util.Map.of(), java.time.Clock.systemUTC())) {
      String token = server.newIngestToken("laptops");
      ITIdentityResolution.post(server, token, ITIdentityResolution.export("newcomer@example.com", null, "s1", 1_795_000_000L, 2));
      WebDriver browser = Browser.start();
      try {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(10));
        for (String page : List.of(fresh.url("/login"), fresh.url("/setup"), server.url("/setup"), server.url("/invite/not-a-token"),
            server.url("/login?next=%2Faccount"))) {
          browser.get(page);
          assertThat(Browser.cspViolations(browser)).as(page).isEmpty();
        }
        browser.findElement(By.name("email")).sendKeys(TestServer.ADMIN_EMAIL);
        browser.findElement(By.name("password")).sendKeys(TestServer.ADMIN_PASSWORD);
        Browser.follow(browser, By.xpath("//button[text()='Sign in']"));
        wait.until(ExpectedConditions.titleContains("Account"));
        assertThat(Browser.cspViolations(browser)).as("sign-in and /account").isEmpty();
        browser.get(server.url("/login"));
        assertThat(browser.manage().getCookieNamed("ys_device")).as("the browser keeps its device cookie for the sign-in form")
            .satisfies(c -> assertThat(c.getValue()).startsWith("v1:"));
        for (String page : List.of("/", "/developers", "/identities", "/repositories", "/integrations", "/account")) {
          browser.get(server.url(page));
          assertThat(browser.findElement(By.tagName("header")).getCssValue("background-color")).as(page + " is styled")
              .isEqualTo("rgba(29, 36, 48, 1)");
          assertThat(Browser.cspViolations(browser)).as(page).isEmpty();
        }
        browser.findElement(By.name("name")).sendKeys("my script");
        Browser.follow(browser, By.xpath("//button[text()='Create token']"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("new-token")));
        assertThat(Browser.cspViolations(browser)).as("a form's answer").isEmpty();

        ((JavascriptExecutor) browser).executeScript(
            "var s = document.createElement('style'); s.textContent = 'body{color:red}'; document.head.appendChild(s);");
        assertThat(Browser.cspViolations(browser)).as("an inline style added to the page").singleElement().asString()
            .contains("inline style violates the following Content Security Policy directive");
      } finally {
        browser.quit();
      }
    }
  }
}
