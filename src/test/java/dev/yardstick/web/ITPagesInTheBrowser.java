package dev.yardstick.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.yardstick.testing.Axe;
import dev.yardstick.testing.Browser;
import dev.yardstick.testing.OrgSetup;
import dev.yardstick.testing.OtlpExports;
import dev.yardstick.testing.OtlpExports.Point;
import dev.yardstick.testing.TestClock;
import dev.yardstick.testing.TestDatabases;
import dev.yardstick.testing.TestServer;
import dev.yardstick.web.pages.Assets;
import dev.yardstick.web.pages.ErrorPages;
import io.javalin.http.HandlerType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Every page of the route table in a real Chromium: no serious or critical axe-core violation at desktop
 * and phone width, no Content-Security-Policy violation, screenshots of each; the dashboard's chart drawn
 * from the planted figures; the menu behind its button at phone width.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ITPagesInTheBrowser {
  // htmx parts of pages, not pages: they are checked inside the pages that hold them
  private static final Set<String> FRAGMENTS = Set.of("/developers/{id}/telemetry/live", "/developers/{id}/ingest-tokens",
      "/integrations/claude-code/tokens");
  private static final String ANN = "ann@example.com";
  private static final int EARLY_LINES = 12;
  private static final int LATE_LINES = 30;

  private TestServer server;
  private WebDriver browser;
  private long ann;
  private long team;

  @BeforeAll
  void start() throws Exception {
    server = TestServer.start(TestDatabases.h2(), Map.of("YARDSTICK_MIN_GROUP_SIZE", "1"));
    ann = OrgSetup.developer(server, ANN);
    OrgSetup.team(server, "Platform", null);
    OrgSetup.member(server, ann, "Platform", null);
    team = new com.fasterxml.jackson.databind.ObjectMapper().readTree(OrgSetup.call(server, "GET", "/api/v1/teams", null).body())
        .path("teams").path(0).path("id").asLong();
    String token = server.newIngestToken("laptops");
    // two weeks more than 7 days apart, each with its own accepted AI lines
    send(token, TestClock.EPOCH.minus(Duration.ofDays(15)), EARLY_LINES);
    send(token, TestClock.EPOCH.minus(Duration.ofHours(30)), LATE_LINES);
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (server.report("2026-10-01", "2026-11-25", "org").path("rows").path(0).path("aiLinesAdded").asLong()
        != EARLY_LINES + LATE_LINES && System.nanoTime() < deadline) {
      Thread.sleep(100);
    }
    browser = Browser.start();
  }

  @AfterAll
  void stop() throws Exception {
    if (browser != null) {
      browser.quit();
    }
    server.close();
  }

  @Test
  void everyPage_hasNoSeriousAccessibilityViolation_atDesktopAndPhoneWidth_andNoCspViolation() throws Exception {
    List<Route> pages = server.app().web().routes().stream()
        .filter(r -> r.method() == HandlerType.GET && ErrorPages.isPage(r.path()) && !r.path().startsWith("/assets/")
            && !r.path().startsWith("/webjars/") && !r.path().equals(Assets.FAVICON_PATH))
        .sorted((a, b) -> Boolean.compare(a.access() != Access.PUBLIC, b.access() != Access.PUBLIC)).toList();
    List<String> problems = new ArrayList<>();
    List<String> checked = new ArrayList<>();
    boolean signedIn = false;
    for (Route r : pages) {
      if (r.access() != Access.PUBLIC && !signedIn) {
        Browser.signIn(browser, server.url("/login"), TestServer.ADMIN_EMAIL, TestServer.ADMIN_PASSWORD);
        signedIn = true;
      }
      String path = r.path().replace("{id}", Long.toString(r.path().startsWith("/teams/") ? team : ann))
          .replace("{token}", "no-such-invitation");
      open(path);
      if (browser.findElements(By.tagName("main")).isEmpty()) {
        assertThat(FRAGMENTS).as(r.path() + " renders no page frame: a fragment not listed as one?").contains(r.path());
        continue;
      }
      check(path, problems);
      checked.add(r.path());
    }
    open("/no/such/page"); // the error page in the frame
    check("/no/such/page", problems);

    assertThat(checked).contains("/", "/teams/{id}/dashboard", "/login", "/account", "/developers", "/developers/{id}", "/rollout", "/identities",
        "/repositories", "/integrations/claude-code");
    assertThat(problems).as("accessibility and CSP problems").isEmpty();
  }

  @Test
  void dashboardChart_isDrawnWithThePlantedWeeks() throws Exception {
    Browser.signIn(browser, server.url("/login"), TestServer.ADMIN_EMAIL, TestServer.ADMIN_PASSWORD);
    browser.manage().window().setSize(new Dimension(1366, 900));
    open("/");
    new WebDriverWait(browser, Duration.ofSeconds(20))
        .until(d -> !d.findElements(By.cssSelector("#chart-active-users[data-chart-drawn] canvas")).isEmpty());

    // what ECharts drew: the active users of each week of the last 30 days; Ann was active in two weeks, once each
    @SuppressWarnings("unchecked")
    List<Object> active = (List<Object>) ((JavascriptExecutor) browser).executeScript(
        "return echarts.getInstanceByDom(document.getElementById('chart-active-users')).getOption().series[0].data;");

    assertThat(active).hasSizeGreaterThanOrEqualTo(5);
    assertThat(active.stream().filter(v -> ((Number) v).intValue() == 1).count()).isEqualTo(2);
    assertThat(active.stream().mapToInt(v -> ((Number) v).intValue()).sum()).isEqualTo(2);
    assertThat(Browser.cspViolations(browser)).isEmpty();
  }

  @Test
  void atPhoneWidth_theMenuHidesBehindItsButton_andOpens() throws Exception {
    Browser.signIn(browser, server.url("/login"), TestServer.ADMIN_EMAIL, TestServer.ADMIN_PASSWORD);
    browser.manage().window().setSize(new Dimension(360, 800));
    try {
      open("/account");
      assertThat(shown("header a[href='/repositories']")).isFalse();
      browser.findElement(By.cssSelector("button.menu-button")).click();
      assertThat(shown("header a[href='/repositories']")).isTrue();
      Browser.screenshot(browser, "menu-open");
      assertThat(browser.findElement(By.cssSelector("a[aria-current=page]")).getText()).isEqualTo("Account");
      Long overflow = (Long) ((JavascriptExecutor) browser).executeScript(
          "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
      assertThat(overflow).as("the page scrolls sideways at 360 px").isLessThanOrEqualTo(0L);
    } finally {
      browser.manage().window().setSize(new Dimension(1366, 900));
    }
    open("/account");
    assertThat(shown("header a[href='/repositories']")).as("a wide window shows the menu").isTrue();
    assertThat(shown("button.menu-button")).isFalse();
  }

  private void check(String path, List<String> problems) throws Exception {
    for (int width : new int[] {1366, 390}) {
      browser.manage().window().setSize(new Dimension(width, 900));
      for (String v : Axe.seriousViolations(browser)) {
        problems.add(path + " at " + width + " px: " + v);
      }
    }
    Browser.cspViolations(browser).forEach(v -> problems.add(path + ": " + v));
    Browser.screenshot(browser, "page" + (path.equals("/") ? "-dashboard" : path.replaceAll("[^a-zA-Z0-9]+", "-")));
  }

  // the browser's own answer (Selenium's isDisplayed calls everything in a closed <details> hidden, whatever the CSS says)
  private boolean shown(String selector) {
    return (Boolean) ((JavascriptExecutor) browser).executeScript("return document.querySelector(arguments[0]).checkVisibility();",
        selector);
  }

  private void open(String path) {
    browser.get(server.url(path));
    new WebDriverWait(browser, Duration.ofSeconds(20))
        .until(d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
  }

  private void send(String token, Instant at, int lines) throws Exception {
    OtlpExports.send(server, token, OtlpExports.Transport.HTTP_JSON, OtlpExports.metrics(ANN, "s-" + at.getEpochSecond(), List.of(
        Point.delta("claude_code.lines_of_code.count", at, lines, "type", "added"),
        Point.delta("claude_code.session.count", at, 1))));
  }
}
