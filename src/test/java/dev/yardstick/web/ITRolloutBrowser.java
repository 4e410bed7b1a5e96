package dev.yardstick.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.yardstick.repos.SmallRepo;
import dev.yardstick.testing.Browser;
import dev.yardstick.testing.OrgSetup;
import dev.yardstick.testing.TestClock;
import dev.yardstick.testing.TestDatabases;
import dev.yardstick.testing.TestServer;
import java.nio.file.Files;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The rollout page in a real headless Chromium: an admin sees the planted states, filters by team, finds the unmatched. */
class ITRolloutBrowser {
  @Test
  void admin_seesEachDevelopersState_filtersByTeam_andReachesTheUnmatched() throws Exception {
    SmallRepo repo = new SmallRepo(Files.createTempDirectory("yardstick-rollout-page")).startingAt(TestClock.today().minusDays(3));
    repo.commit("committer@example.com", "a.txt", 2, "one");
    try (TestServer s = TestServer.start(TestDatabases.h2())) {
      OrgSetup.team(s, "Engineering", null);
      OrgSetup.team(s, "Platform", "Engineering");
      OrgSetup.team(s, "Payments", null);
      OrgSetup.member(s, OrgSetup.developer(s, "sender@example.com"), "Platform", null);
      OrgSetup.member(s, OrgSetup.developer(s, "quiet@example.com"), "Engineering", null);
      OrgSetup.member(s, OrgSetup.developer(s, "committer@example.com"), "Payments", null);
      OrgSetup.member(s, OrgSetup.developer(s, "nobody@example.com"), "Payments", null);
      String token = s.newIngestToken("laptops");
      RolloutContract.send(s, token, "sender@example.com", TestClock.now().minus(Duration.ofHours(2)));
      RolloutContract.send(s, token, "quiet@example.com", TestClock.now().minus(Duration.ofDays(10)));
      RolloutContract.send(s, token, "newcomer@example.com", TestClock.now().minus(Duration.ofHours(1)));
      OrgSetup.follow(s, "app", repo.dir);
      s.app().writeSeen();

      WebDriver browser = Browser.start();
      try {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(10));
        browser.get(s.url("/rollout"));
        wait.until(ExpectedConditions.urlContains("/login"));
        browser.findElement(By.name("email")).sendKeys(TestServer.ADMIN_EMAIL);
        browser.findElement(By.name("password")).sendKeys(TestServer.ADMIN_PASSWORD);
        Browser.follow(browser, By.xpath("//button[text()='Sign in']"));
        wait.until(ExpectedConditions.titleContains("Rollout"));
        Browser.screenshot(browser, "rollout-everyone");

        assertThat(states(browser)).containsExactlyInAnyOrderEntriesOf(Map.of("sender@example.com", "Sending",
            "quiet@example.com", "Configured but silent", "committer@example.com", "Only in git", "nobody@example.com", "Never seen"));
        assertThat(browser.findElement(By.id("rollout-summary")).getText()).contains("1 of 4 developers");
        assertThat(count(browser, "sending")).isEqualTo("1");
        assertThat(count(browser, "neverSeen")).isEqualTo("1");
        assertThat(browser.findElements(By.cssSelector(".rollout-bar rect"))).hasSize(4);
        assertThat(browser.findElement(By.xpath("//tr[@data-email='sender@example.com']//a")).getAttribute("href"))
            .endsWith("/developers/" + ITIdentityResolution.developerId(s, "sender@example.com"));
        assertThat(browser.findElement(By.xpath("//a[@aria-current='page']")).getText()).isEqualTo("Rollout");

        new Select(browser.findElement(By.name("team"))).selectByVisibleText("Engineering");
        Browser.follow(browser, By.xpath("//button[text()='Show']"));
        assertThat(browser.getCurrentUrl()).contains("team=Engineering");
        assertThat(states(browser)).containsOnlyKeys("sender@example.com", "quiet@example.com"); // Platform is under Engineering
        assertThat(new Select(browser.findElement(By.name("team"))).getFirstSelectedOption().getText()).isEqualTo("Engineering");

        new Select(browser.findElement(By.name("silentDays"))).selectByVisibleText("14 days");
        Browser.follow(browser, By.xpath("//button[text()='Show']"));
        assertThat(states(browser)).containsExactlyInAnyOrderEntriesOf(Map.of("sender@example.com", "Sending",
            "quiet@example.com", "Sending"));

        assertThat(browser.findElement(By.id("unmatched-link")).getText()).isEqualTo("1 unmatched identifier");
        Browser.follow(browser, By.id("unmatched-link"));
        assertThat(browser.findElement(By.id("unmatched")).getText()).contains("newcomer@example.com");
        assertThat(Browser.cspViolations(browser)).isEmpty();
      } finally {
        browser.quit();
      }
    }
  }

  private static Map<String, String> states(WebDriver browser) {
    Map<String, String> out = new LinkedHashMap<>();
    for (WebElement row : browser.findElements(By.cssSelector("#rollout tbody tr"))) {
      out.put(row.getAttribute("data-email"), row.findElement(By.cssSelector("td[data-state]")).getText().trim());
    }
    return out;
  }

  private static String count(WebDriver browser, String state) {
    return browser.findElement(By.cssSelector("#rollout-counts li[data-state='" + state + "'] strong")).getText();
  }
}
