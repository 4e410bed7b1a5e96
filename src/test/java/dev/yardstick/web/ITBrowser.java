package dev.yardstick.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.yardstick.testing.Browser;
import dev.yardstick.testing.TestDatabases;
import dev.yardstick.testing.TestServer;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The pages in a real headless Chromium: sign in, account, unmatched identities, sign out. */
class ITBrowser {
  @Test
  void admin_signsIn_managesAccount_resolvesAnIdentity_signsOut() throws Exception {
    try (TestServer server = TestServer.start(TestDatabases.h2())) {
      String token = server.newIngestToken("laptops");
      ITIdentityResolution.post(server, token, ITIdentityResolution.export("newcomer@example.com", null, "s1", 1_795_000_000L, 2));
      WebDriver browser = Browser.start();
      try {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(10));
        browser.get(server.url("/"));
        wait.until(ExpectedConditions.urlContains("/login"));
        signIn(browser, TestServer.ADMIN_PASSWORD);
        wait.until(ExpectedConditions.titleContains("Dashboard"));
        assertThat(browser.findElement(By.id("team-table")).getText()).contains("Team");

        browser.get(server.url("/account"));
        browser.findElement(By.name("name")).sendKeys("my script");
        Browser.follow(browser, By.xpath("//button[text()='Create token']"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("new-token")));
        assertThat(browser.findElement(By.id("new-token")).getText()).startsWith("ys_");
        browser.findElement(By.name("current")).sendKeys(TestServer.ADMIN_PASSWORD);
        browser.findElement(By.name("new")).sendKeys("a-browser-password-7");
        Browser.follow(browser, By.xpath("//button[text()='Change password']"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[role=status]"), "Password changed"));

        browser.get(server.url("/identities"));
        assertThat(browser.findElement(By.id("unmatched")).getText()).contains("newcomer@example.com");
        Browser.follow(browser, By.xpath("//tr[td/code[text()='newcomer@example.com']]//button[text()='Create developer']"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[role=status]"), "Developer created"));
        browser.get(server.url("/developers"));
        assertThat(browser.findElement(By.id("developers")).getText()).contains("newcomer@example.com");

        Browser.follow(browser, By.xpath("//button[text()='Sign out']"));
        wait.until(ExpectedConditions.urlContains("/login"));
        browser.get(server.url("/account"));
        wait.until(ExpectedConditions.urlContains("/login?next=%2Faccount"));
        signIn(browser, "a-browser-password-7");
        wait.until(ExpectedConditions.urlContains("/account"));
        assertThat(browser.getTitle()).contains("Account");
      } finally {
        browser.quit();
      }
    }
  }

  private static void signIn(WebDriver browser, String password) {
    browser.findElement(By.name("email")).sendKeys(TestServer.ADMIN_EMAIL);
    browser.findElement(By.name("password")).sendKeys(password);
    Browser.follow(browser, By.xpath("//button[text()='Sign in']"));
  }
}
