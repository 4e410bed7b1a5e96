package dev.yardstick.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.yardstick.repos.SmallRepo;
import dev.yardstick.testing.Axe;
import dev.yardstick.testing.Browser;
import dev.yardstick.testing.OrgSetup;
import dev.yardstick.testing.OtlpExports;
import dev.yardstick.testing.OtlpExports.Point;
import dev.yardstick.testing.TestClock;
import dev.yardstick.testing.TestDatabases;
import dev.yardstick.testing.TestServer;
import dev.yardstick.testing.WebClient;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A developer's numbers on /developers/{id} in headless Chromium: telemetry planted over OTLP and commits in a real
 * repository for jane; signed in as jane, as an admin and as her team's manager the cards equal the report API's row
 * for the same window and the sums planted here, the charts are drawn with data, a narrower range changes the figures,
 * another developer gets the 403 page, and a manager without access to individuals gets the page without the numbers.
 */
class ITBrowserDeveloperNumbers {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final LocalDate TODAY = TestClock.today();
  private static final String JANE = "jane@example.com";
  private static final String BOB = "bob@example.com";
  private static final String MIA = "mia@example.com";
  private static final String OTHER = "ben@example.com";
  private static final String PASSWORD = "numbers-password-42";
  /** Three days of jane's: in the 30-day window all three, in the 7-day window the last, the one before in the 7 before. */
  private static final LocalDate D1 = TODAY.minusDays(20);
  private static final LocalDate D0 = TODAY.minusDays(10);
  private static final LocalDate D2 = TODAY.minusDays(3);

  @Test
  void janesNumbers_equalTheReportApi_forHerself_anAdminAndHerManager_andChangeWithTheRange() throws Exception {
    TestDatabases.Target target = TestDatabases.h2();
    try (TestServer server = TestServer.start(target, Map.of("YARDSTICK_MANAGERS_SEE_INDIVIDUALS", "true"))) {
      long jane = plant(server);
      long ben = OrgSetup.developer(server, OTHER); // a developer jane may not open
      server.account(OTHER, "developer", PASSWORD);
      WebDriver browser = Browser.start();
      try {
        for (String who : List.of(JANE, TestServer.ADMIN_EMAIL, MIA)) {
          String password = who.equals(TestServer.ADMIN_EMAIL) ? TestServer.ADMIN_PASSWORD : PASSWORD;
          Browser.signIn(browser, server.url("/login"), who, password);
          WebClient api = new WebClient(server);
          assertThat(api.signIn(who, password).statusCode()).isEqualTo(303);
          browser.get(server.url("/developers/" + jane));

          // 30 days: D1, D0 and D2
          JsonNode row = apiRow(api, TODAY.minusDays(29), TODAY);
          assertThat(row.get("sessions").asLong()).isEqualTo(1 + 1 + 2);
          assertThat(row.get("committedLinesAdded").asLong()).isEqualTo(100 + 20 + 50);
          assertThat(row.get("aiUsagePercent").asDouble()).isEqualTo(percent(40 + 10 + 30, 100 + 20 + 50));
          Map<String, String> cards = cards(browser);
          assertThat(cards).as(who).containsEntry("ai-usage", plain(percent(80, 170)) + " %").containsEntry("sessions", "4")
              .containsEntry("active-days", "3").containsEntry("active-time", "30 min").containsEntry("acceptance", "80 %")
              .containsEntry("cost", "$1.50").containsEntry("commits", "3").containsEntry("committed-lines", "170")
              .containsEntry("ai-co-authored", "1");
          assertThat(cards.get("cost")).isEqualTo(String.format("$%.2f", row.get("costUsd").asDouble()));
          assertThat(cards.get("commits")).isEqualTo(row.get("commits").asText());
          assertThat(cards.get("ai-co-authored")).isEqualTo(row.get("aiCoAuthoredCommits").asText());
          assertThat(cards.get("active-time")).isEqualTo(row.get("activeTimeSeconds").asLong() / 60 + " min");
          assertThat(cards.get("rework")).isEqualTo(shownPercent(row.get("reworkPercentAiCoAuthored")));
          assertThat(change(browser, "sessions")).isEqualTo("no data to compare"); // nothing planted 60 to 30 days ago
          assertThat(browser.findElement(By.cssSelector("#card-ai-usage abbr")).getDomAttribute("title")).contains("committed lines");
          assertThat(browser.findElement(By.id("card-ai-usage")).getText()).contains("usage data and commits both present");
          chartsDrawnWithData(browser);
          // the next level down: her three commits of the window, newest first, the planted one with Claude marked
          List<List<String>> commits = commitTable(browser);
          assertThat(commits).as(who).extracting(c -> c.get(0)).containsExactly(D2.toString(), D0.toString(), D1.toString());
          assertThat(commits).extracting(c -> c.get(3)).containsExactly("+50 \u22120", "+20 \u22120", "+100 \u22120");
          assertThat(commits).extracting(c -> c.get(4)).containsExactly("yes", "", "");
          assertThat(browser.findElement(By.id("commits-count")).getText()).startsWith("3 commits in the window");
          assertThat(browser.findElement(By.id("numbers-csv")).getDomAttribute("href"))
              .isEqualTo("/api/v1/report?groupBy=developer&from=" + TODAY.minusDays(29) + "&to=" + TODAY + "&format=csv");
          Browser.screenshot(browser, "developer-numbers-" + who.substring(0, who.indexOf('@')));
          sectionShots(browser, "developer-numbers-section-" + who.substring(0, who.indexOf('@')));
          assertThat(Axe.seriousViolations(browser)).as(who).isEmpty();

          // the last 7 days: D2 only, against D0 in the 7 days before
          new Select(browser.findElement(By.id("range"))).selectByValue("7d");
          Browser.follow(browser, By.cssSelector("#range-form button[type=submit]"));
          new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().contains("range=7d"));
          JsonNode week = apiRow(api, TODAY.minusDays(6), TODAY);
          cards = cards(browser);
          assertThat(cards).as(who).containsEntry("sessions", "2").containsEntry("ai-usage", plain(percent(30, 50)) + " %")
              .containsEntry("commits", "1").containsEntry("cost", "$0.50").containsEntry("active-days", "1")
              .containsEntry("acceptance", "50 %").containsEntry("active-time", "20 min");
          assertThat(cards.get("sessions")).isEqualTo(week.get("sessions").asText());
          assertThat(cards.get("ai-usage")).isEqualTo(shownPercent(week.get("aiUsagePercent")));
          assertThat(change(browser, "sessions")).isEqualTo("+1 vs previous period");
          assertThat(change(browser, "ai-usage")).isEqualTo("+" + plain(percent(30, 50) - percent(10, 20)) + " pp vs previous period");
          assertThat(change(browser, "commits")).isEqualTo("\u00b10 vs previous period");
          chartsDrawnWithData(browser);
          if (who.equals(TestServer.ADMIN_EMAIL)) { // a custom window of D1 alone, as a shared URL; a bad range is a 400 page
            browser.get(server.url("/developers/" + jane + "?range=custom&from=" + D1 + "&to=" + D1));
            assertThat(cards(browser)).containsEntry("sessions", "1").containsEntry("cost", "$0.75")
                .containsEntry("acceptance", "100 %").containsEntry("committed-lines", "100");
            assertThat(browser.findElement(By.id("range-from")).getDomAttribute("value")).isEqualTo(D1.toString());
            browser.get(server.url("/developers/" + jane + "?range=year"));
            assertThat(browser.findElement(By.id("error")).getDomAttribute("data-status")).isEqualTo("400");
            assertThat(browser.findElement(By.id("error")).getText()).contains("range must be one of 7d, 30d, 90d, quarter, custom");
          }
          browser.manage().deleteAllCookies();
        }

        // another developer opens jane's page: the 403 page in the frame
        Browser.signIn(browser, server.url("/login"), OTHER, PASSWORD);
        browser.get(server.url("/developers/" + jane));
        assertThat(browser.findElement(By.id("error")).getDomAttribute("data-status")).isEqualTo("403");
        browser.get(server.url("/developers/" + ben + "?range=90d"));
        assertThat(cards(browser)).containsEntry("sessions", "no data").containsEntry("commits", "no data");
        assertThat(browser.findElement(By.id("usage-missing")).getText()).contains("Set up Claude Code");
        assertThat(browser.findElement(By.id("commits-missing")).getText()).contains("alias");
        assertThat(browser.findElement(By.id("commits-none")).getText()).startsWith("No commits of theirs in this window");
        assertThat(Axe.seriousViolations(browser)).isEmpty();
        Browser.screenshot(browser, "developer-numbers-empty");
        assertThat(Browser.cspViolations(browser)).isEmpty();
      } finally {
        browser.quit();
      }
    } finally {
      TestDatabases.drop(target);
    }
  }

  @Test
  void aManagerWithoutAccessToIndividuals_getsThePage_andTheReasonInPlaceOfTheNumbers() throws Exception {
    TestDatabases.Target target = TestDatabases.h2();
    try (TestServer server = TestServer.start(target, Map.of("YARDSTICK_MANAGERS_SEE_INDIVIDUALS", "false"))) {
      long jane = plant(server);
      WebClient api = new WebClient(server);
      assertThat(api.signIn(MIA, PASSWORD).statusCode()).isEqualTo(303);
      HttpResponse<String> refused = api.get("/api/v1/report?groupBy=developer&from=" + TODAY.minusDays(29) + "&to=" + TODAY);
      assertThat(refused.statusCode()).isEqualTo(403);
      WebDriver browser = Browser.start();
      try {
        Browser.signIn(browser, server.url("/login"), MIA, PASSWORD);
        browser.get(server.url("/developers/" + jane));
        assertThat(browser.findElement(By.id("profile-email")).getText()).isEqualTo(JANE);
        assertThat(browser.findElement(By.id("numbers-refused")).getText()).contains("managers do not see individual numbers");
        assertThat(browser.findElements(By.cssSelector("#cards, .chart, #numbers-csv"))).isEmpty();
        assertThat(Axe.seriousViolations(browser)).isEmpty();
        Browser.screenshot(browser, "developer-numbers-refused");
      } finally {
        browser.quit();
      }
    } finally {
      TestDatabases.drop(target);
    }
  }

  /** Jane in Platform (managed by mia) with telemetry and commits on D1, D0 and D2; bob in Platform too. */
  private static long plant(TestServer server) throws Exception {
    OrgSetup.team(server, "Platform", null, MIA);
    long jane = OrgSetup.developer(server, JANE);
    OrgSetup.member(server, jane, "Platform", TODAY.minusDays(90));
    OrgSetup.member(server, OrgSetup.developer(server, BOB), "Platform", TODAY.minusDays(90));
    server.account(JANE, "developer", PASSWORD);
    server.account(MIA, "manager", PASSWORD);
    String token = server.newIngestToken("laptops");
    send(server, token, JANE, D1, List.of(lines(D1, 40), sessions(D1, 1), cost(D1, 0.75, "claude-sonnet"),
        active(D1, 600), decisions(D1, 3, "accept")));
    send(server, token, JANE, D0, List.of(lines(D0, 10), sessions(D0, 1), cost(D0, 0.25, "claude-sonnet")));
    send(server, token, JANE, D2, List.of(lines(D2, 30), sessions(D2, 2), cost(D2, 0.5, "claude-opus"), active(D2, 1200),
        decisions(D2, 1, "accept"), decisions(D2, 1, "reject")));
    send(server, token, BOB, D2, List.of(lines(D2, 500), sessions(D2, 5), cost(D2, 9, "claude-opus")));
    SmallRepo repo = new SmallRepo(Files.createTempDirectory("yardstick-numbers"));
    commit(repo, JANE, D1, 100, "plain work");
    commit(repo, JANE, D0, 20, "more work");
    commit(repo, JANE, D2, 50, "work with Claude\n\nCo-Authored-By: Claude <noreply@anthropic.com>");
    commit(repo, BOB, D2, 7, "bob's work");
    OrgSetup.follow(server, "app", repo.dir);
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (server.report(TODAY.minusDays(29).toString(), TODAY.toString(), "developer").toString().indexOf("\"sessions\":4") < 0
        && System.nanoTime() < deadline) {
      Thread.sleep(100);
    }
    return jane;
  }

  private static Point lines(LocalDate day, int n) {
    return Point.delta("claude_code.lines_of_code.count", noon(day), n, "type", "added");
  }

  private static Point sessions(LocalDate day, int n) {
    return Point.delta("claude_code.session.count", noon(day), n);
  }

  private static Point cost(LocalDate day, double usd, String model) {
    return Point.delta("claude_code.cost.usage", noon(day), usd, "model", model);
  }

  private static Point active(LocalDate day, int seconds) {
    return Point.delta("claude_code.active_time.total", noon(day), seconds, "type", "user");
  }

  private static Point decisions(LocalDate day, int n, String decision) {
    return Point.delta("claude_code.code_edit_tool.decision", noon(day), n, "tool_name", "Edit", "decision", decision,
        "language", "Java", "source", "user_temporary");
  }

  private static Instant noon(LocalDate day) {
    return day.atTime(12, 0).toInstant(ZoneOffset.UTC);
  }

  private static void send(TestServer server, String token, String email, LocalDate day, List<Point> points) throws Exception {
    var answer = OtlpExports.send(server, token, OtlpExports.Transport.HTTP_JSON,
        OtlpExports.metrics(email, "s-" + email + "-" + day, points));
    assertThat(answer.rejected()).as(answer.message()).isZero();
  }

  private static void commit(SmallRepo repo, String author, LocalDate day, int lines, String message) throws Exception {
    repo.commitAt(author, author.substring(0, author.indexOf('@')) + ".txt", lines, message,
        OffsetDateTime.of(day.atTime(10, 0), ZoneOffset.UTC));
  }

  private static JsonNode apiRow(WebClient api, LocalDate from, LocalDate to) throws Exception {
    HttpResponse<String> r = api.get("/api/v1/report?groupBy=developer&from=" + from + "&to=" + to);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    for (JsonNode row : JSON.readTree(r.body()).get("rows")) {
      if (row.get("key").asText().equals(JANE)) {
        return row;
      }
    }
    throw new AssertionError("no row of jane in " + r.body());
  }

  private static Map<String, String> cards(WebDriver browser) {
    Map<String, String> out = new java.util.HashMap<>();
    for (var card : browser.findElements(By.cssSelector("#cards .card"))) {
      out.put(card.getDomAttribute("id").substring("card-".length()), card.findElement(By.className("card-value")).getText());
    }
    return out;
  }

  private static String change(WebDriver browser, String card) {
    return browser.findElement(By.cssSelector("#card-" + card + " .card-change")).getText();
  }

  /** Each chart drawn by ECharts, from an option whose series hold at least one known value. */
  private static void chartsDrawnWithData(WebDriver browser) throws Exception {
    new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> d.findElements(By.cssSelector(".chart")).size() == 3
        && d.findElements(By.cssSelector(".chart[data-chart-drawn] canvas")).size() == 3);
    List<String> empty = new ArrayList<>();
    for (var chart : browser.findElements(By.cssSelector(".chart"))) {
      boolean known = false;
      for (JsonNode s : JSON.readTree(chart.getDomAttribute("data-chart")).get("series")) {
        for (JsonNode v : s.get("data")) {
          known |= v.isNumber() && v.asDouble() > 0;
        }
      }
      if (!known) {
        empty.add(chart.getDomAttribute("id"));
      }
    }
    assertThat(empty).as("charts without a known value").isEmpty();
  }

  /** The whole numbers section (below the fold of a window-sized shot) at 1366, 390 and 360 px, to look at. */
  private static void sectionShots(WebDriver browser, String name) throws Exception {
    var dir = java.nio.file.Path.of("target/screenshots");
    Files.createDirectories(dir);
    var before = browser.manage().window().getSize();
    try {
      for (int width : new int[] {1366, 390, 360}) {
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(width, 2600));
        new WebDriverWait(browser, Duration.ofSeconds(5)).until(d -> d.findElements(By.cssSelector(".chart canvas")).size() == 3);
        Thread.sleep(800); // ECharts redraws at the new width and animates in
        assertThat(((Number) ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
            "return document.documentElement.scrollWidth")).intValue()).as("no sideways scroll at " + width).isLessThanOrEqualTo(width);
        Files.write(dir.resolve(name + "-" + width + ".png"),
            browser.findElement(By.id("numbers")).getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
      }
    } finally {
      browser.manage().window().setSize(before);
    }
  }

  /** The commit table's cells, row by row (none when the page has no table). */
  private static List<List<String>> commitTable(WebDriver browser) {
    return browser.findElements(By.cssSelector("#commits tbody tr")).stream()
        .map(r -> r.findElements(By.tagName("td")).stream().map(WebElement::getText).toList()).toList();
  }

  private static double percent(double counted, double committed) {
    return Math.round(10000.0 * counted / committed) / 100.0;
  }

  private static String plain(double d) {
    return java.math.BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
  }

  private static String shownPercent(JsonNode v) {
    return v == null || v.isNull() ? "no data"
        : new java.math.BigDecimal(v.asText()).stripTrailingZeros().toPlainString() + " %";
  }
}
