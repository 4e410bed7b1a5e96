package dev.yardstick;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.yardstick.testing.Browser;
import dev.yardstick.testing.OrgSetup;
import dev.yardstick.testing.TestDatabases;
import dev.yardstick.testing.TestServer;
import dev.yardstick.testing.WebClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The company and team dashboards in headless Chromium on the demo organization (20 developers, 120 days; teams
 * Engineering > Platform (5), Product > Web (6), Mobile (4), and Data (5)): every chart drawn with data, figures as the
 * JSON API answers them for the same viewer and window, the date range changing them, drill-down from company to team
 * to developer; a manager of Product sees only Product, Web and Mobile, with Mobile (4 of a minimum of 5) withheld as
 * the API withholds it; a developer sees the company page only.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ITDashboardsOnDemo {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String LEAD = "lead@example.com";
  private static final String PASSWORD = "a-long-password-1234";
  private static final List<String> CHARTS = List.of("chart-ai-usage", "chart-active-users", "chart-cost-by-model",
      "chart-acceptance-by-tool", "chart-output");

  private TestServer server;
  private WebDriver browser;
  private WebClient lead;
  private WebClient developer;
  private String developerEmail;
  private final Map<String, Long> teams = new HashMap<>();

  @BeforeAll
  void start() throws Exception {
    Path dir = Files.createTempDirectory("yardstick-demo-dash");
    TestDatabases.Target db = TestDatabases.h2();
    Map<String, String> env = CliTest.env(dir.resolve("data"), db);
    // the test server's today is 2026-11-25 (TestClock): the demo ends the day before
    CliTest.Run demo = CliTest.run(env, "demo", "--developers", "20", "--days", "120", "--end", "2026-11-24", "--seed", "7");
    assertThat(demo.code()).as(demo.err()).isZero();
    JsonNode truth = JSON.readTree(dir.resolve("data/demo-truth.json").toFile());
    developerEmail = truth.get("developers").get(0).get("email").asText();
    server = TestServer.start(db, Map.of("YARDSTICK_DATA_DIR", env.get("YARDSTICK_DATA_DIR"), "YARDSTICK_MIN_GROUP_SIZE", "5",
        "YARDSTICK_MANAGERS_SEE_INDIVIDUALS", "false"));
    lead = server.account(LEAD, "manager", PASSWORD);
    assertThat(OrgSetup.call(server, "POST", "/api/v1/teams",
        "{\"name\":\"Product\",\"parent\":\"Engineering\",\"managers\":[\"" + LEAD + "\"]}").statusCode()).isEqualTo(200);
    developer = server.account(developerEmail, "developer", PASSWORD);
    for (JsonNode t : JSON.readTree(OrgSetup.call(server, "GET", "/api/v1/teams", null).body()).path("teams")) {
      teams.put(t.path("name").asText(), t.path("id").asLong());
    }
    browser = Browser.start();
  }

  @AfterAll
  void stop() throws Exception {
    if (browser != null) {
      browser.quit();
    }
    if (server != null) {
      server.close();
    }
  }

  @Test
  void admin_seesEveryChartDrawn_figuresAsTheApi_aChangedRange_andDrillsDown() throws Exception {
    signIn(TestServer.ADMIN_EMAIL, TestServer.ADMIN_PASSWORD);
    open("/");
    assertThat(browser.findElements(By.id("setup"))).as("every setup step is done in the demo").isEmpty();
    assertChartsDrawn(CHARTS);
    JsonNode month = adminApi("/api/v1/report?from=2026-10-27&to=2026-11-25&groupBy=org").path("rows").path(0);
    assertThat(card("card-commits")).isEqualTo(month.path("commits").asLong());
    assertThat(text("card-ai-usage")).contains(month.path("aiUsagePercent").asDouble() + " %");
    Browser.screenshot(browser, "dashboard-demo-company");
    open("/?range=90d"); // four weeks on each side of a comparison need a longer window than 30 days
    assertImpactAsTheApi(adminApi("/api/v1/impact?from=2026-08-28&to=2026-11-25"));
    for (String part : List.of("charts", "impact", "team-table")) { // the parts below the first screen
      ((JavascriptExecutor) browser).executeScript("document.getElementById(arguments[0]).scrollIntoView()", part);
      Browser.screenshot(browser, "dashboard-demo-company-" + part);
    }
    WebClient admin = new WebClient(server);
    admin.signIn(TestServer.ADMIN_EMAIL, TestServer.ADMIN_PASSWORD);
    System.out.println("page weight: company page HTML " + admin.get("/").body().getBytes(java.nio.charset.StandardCharsets.UTF_8).length
        + " bytes, team page HTML " + admin.get("/teams/" + teams.get("Product") + "/dashboard").body()
            .getBytes(java.nio.charset.StandardCharsets.UTF_8).length + " bytes");

    open("/");
    new Select(browser.findElement(By.id("range"))).selectByValue("7d");
    Browser.follow(browser, By.xpath("//button[text()='Show']"));
    assertThat(browser.getCurrentUrl()).contains("range=7d");
    JsonNode week = adminApi("/api/v1/report?from=2026-11-19&to=2026-11-25&groupBy=org").path("rows").path(0);
    assertThat(card("card-commits")).isEqualTo(week.path("commits").asLong()).isNotEqualTo(month.path("commits").asLong());
    assertThat(browser.findElement(By.id("window")).getText()).startsWith("2026-11-19 to 2026-11-25, against the previous period"
        + " 2026-11-12 to 2026-11-18");

    browser.findElement(By.xpath("//table[@id='team-table']//button[text()='Commits']")).click();
    assertThat(columnNumbers("team-table", 5)).isSorted();
    browser.findElement(By.xpath("//table[@id='team-table']//button[text()='Commits']")).click();
    assertThat(columnNumbers("team-table", 5).reversed()).as("a second press reverses").isSorted();

    Browser.follow(browser, By.cssSelector("#team-table a[href^='/teams/" + teams.get("Product") + "/dashboard']"));
    assertThat(browser.getCurrentUrl()).endsWith("/teams/" + teams.get("Product") + "/dashboard?range=7d");
    assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Team Product");
    JsonNode product = adminApi("/api/v1/report?from=2026-11-19&to=2026-11-25&groupBy=org&team=Product").path("rows").path(0);
    assertThat(card("card-commits")).isEqualTo(product.path("commits").asLong());
    assertThat(rowNames("subteam-table")).containsExactlyInAnyOrder("Product", "Web", "Mobile");
    Browser.screenshot(browser, "dashboard-demo-team");
    WebElement someone = browser.findElement(By.cssSelector("#developer-table tbody a[href^='/developers/']"));
    String href = someone.getAttribute("href");
    Browser.follow(browser, By.cssSelector("#developer-table tbody a[href^='/developers/']"));
    assertThat(browser.getCurrentUrl()).isEqualTo(href);
    assertThat(browser.findElements(By.id("error"))).isEmpty();
    assertThat(Browser.cspViolations(browser)).isEmpty();
  }

  @Test
  void manager_seesOnlyTheirTeams_withTheSmallTeamWithheldAsTheApiWithholdsIt() throws Exception {
    signIn(LEAD, PASSWORD);
    open("/");
    JsonNode api = JSON.readTree(lead.get("/api/v1/report?from=2026-10-27&to=2026-11-25&groupBy=team").body());
    List<String> apiTeams = new ArrayList<>();
    api.path("rows").forEach(r -> apiTeams.add(r.path("key").asText()));
    // the API's rows: their teams, and Engineering holding only Product's part (a row per ancestor, as for everyone)
    assertThat(apiTeams).containsExactlyInAnyOrder("Engineering", "Product", "Web", "Mobile");
    assertThat(rowNames("team-table")).containsExactlyInAnyOrderElementsOf(apiTeams);
    assertWithheldAsTheApi("team-table", api);
    List<String> linked = new ArrayList<>();
    api.path("rows").forEach(r -> {
      if (!r.path("withheld").asBoolean(false) && List.of("Product", "Web", "Mobile").contains(r.path("key").asText())) {
        linked.add(r.path("key").asText());
      }
    });
    assertThat(browser.findElements(By.cssSelector("#team-table tbody a")).stream().map(WebElement::getText).toList())
        .as("links only to the dashboards they may open").containsExactlyInAnyOrderElementsOf(linked).contains("Product");
    assertThat(new Select(browser.findElement(By.id("team"))).getOptions().stream().map(WebElement::getText).toList())
        .containsExactlyInAnyOrder("Whole company", "Product", "Web", "Mobile");
    assertThat(browser.getPageSource()).doesNotContain("Platform").doesNotContain(">Data<");
    assertChartsDrawn(CHARTS);
    Browser.screenshot(browser, "dashboard-demo-manager");

    open("/teams/" + teams.get("Product") + "/dashboard");
    JsonNode sub = JSON.readTree(lead.get("/api/v1/report?from=2026-10-27&to=2026-11-25&groupBy=team&team=Product").body());
    assertThat(assertWithheldAsTheApi("subteam-table", sub)).containsEntry("Mobile", true).containsEntry("Product", false);
    assertThat(browser.findElements(By.id("developer-table"))).as("individuals are not for this manager").isEmpty();
    assertThat(browser.findElement(By.id("impact")).getText()).contains("team comparisons need permission");
    // the API refuses this manager a team's spend and adoption: the page says so where their charts would be
    assertThat(lead.get("/api/v1/spend?from=2026-10-27&to=2026-11-25&team=Product").statusCode()).isEqualTo(403);
    assertThat(text("chart-cost-by-model")).startsWith("Not shown to you");
    assertThat(card("card-commits")).isEqualTo(JSON.readTree(lead.get("/api/v1/report?from=2026-10-27&to=2026-11-25&groupBy=org"
        + "&team=Product").body()).path("rows").path(0).path("commits").asLong());
    Browser.screenshot(browser, "dashboard-demo-manager-team");

    open("/teams/" + teams.get("Data") + "/dashboard");
    assertThat(browser.findElement(By.id("error")).getAttribute("data-status")).isEqualTo("403");
    assertThat(browser.getPageSource()).doesNotContain("card-commits");
  }

  @Test
  void developer_seesTheCompanyPageOnly() throws Exception {
    signIn(developerEmail, PASSWORD);
    open("/");
    assertThat(browser.findElements(By.id("team-table"))).isEmpty();
    assertThat(browser.findElements(By.id("team"))).isEmpty();
    assertChartsDrawn(CHARTS);
    JsonNode company = JSON.readTree(developer.get("/api/v1/report?from=2026-10-27&to=2026-11-25&groupBy=org").body());
    assertThat(card("card-commits")).isEqualTo(company.path("rows").path(0).path("commits").asLong());
    Browser.screenshot(browser, "dashboard-demo-developer");
    browser.manage().window().setSize(new org.openqa.selenium.Dimension(360, 800));
    try { // cards wrap and tables scroll in their own box: the page itself never scrolls sideways
      String sideways = "return document.documentElement.scrollWidth - document.documentElement.clientWidth;";
      try { // the charts redraw at the new width on the window's resize event, a moment after it
        new WebDriverWait(browser, Duration.ofSeconds(5)).until(d -> (Long) ((JavascriptExecutor) d).executeScript(sideways) <= 0);
      } catch (org.openqa.selenium.TimeoutException e) {
        // the assertion below names what sticks out
      }
      Long overflow = (Long) ((JavascriptExecutor) browser).executeScript(sideways);
      assertThat(overflow).as("the page scrolls sideways at 360 px: %s", ((JavascriptExecutor) browser).executeScript(
          "return [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right"
          + " > document.documentElement.clientWidth + 1).map(e => e.tagName + '.' + e.className + '#' + e.id).slice(0, 8)"
          + ".join(', ');")).isLessThanOrEqualTo(0L);
    } finally {
      browser.manage().window().setSize(new org.openqa.selenium.Dimension(1366, 900));
    }
    open("/teams/" + teams.get("Web") + "/dashboard");
    assertThat(browser.findElement(By.id("error")).getAttribute("data-status")).isEqualTo("403");
  }

  /** Each chart drawn by ECharts with at least one number in its series. */
  private void assertChartsDrawn(List<String> ids) {
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
    for (String id : ids) {
      wait.until(d -> !d.findElements(By.cssSelector("#" + id + "[data-chart-drawn] canvas")).isEmpty());
      Long numbers = (Long) ((JavascriptExecutor) browser).executeScript("""
          var o = echarts.getInstanceByDom(document.getElementById(arguments[0])).getOption(), n = 0;
          o.series.forEach(function (s) { s.data.forEach(function (v) {
            var x = Array.isArray(v) ? v[0] : v; if (typeof x === 'number') n++; }); });
          return n;""", id);
      assertThat(numbers).as(id + " draws numbers").isPositive();
    }
  }

  /** The lift and before/after: a chart where the API has an estimate, "not enough data" written where it has none. */
  private void assertImpactAsTheApi(JsonNode impact) {
    int drawn = 0;
    for (String[] c : new String[][] {{"lift", "highVsLowAi"}, {"before-after", "afterVsBeforeAdoption"},
        {"split", "aiCoAuthoredVsOther"}}) {
      JsonNode d = impact.path(c[1]);
      int estimates = 0;
      int notEnough = 0;
      for (String m : c[0].equals("split") ? List.of("reworkPercent", "defectRate")
          : List.of("commitsPerWeek", "linesPerWeek", "reworkPercent", "defectRate")) {
        estimates += d.path(m).path("estimate").isNumber() ? 1 : 0;
        notEnough += d.path(m).path("notEnoughData").isTextual() ? 1 : 0;
      }
      if (estimates > 0) {
        assertChartsDrawn(List.of("chart-" + c[0]));
        drawn++;
        JsonNode rework = d.path("reworkPercent"); // the third measure of the delivery comparisons, the first of the split
        if (rework.path("estimate").isNumber()) { // the range bar spans the API's interval, the point is its estimate
          int at = c[0].equals("split") ? 0 : 2;
          @SuppressWarnings("unchecked")
          List<Object> box = (List<Object>) ((JavascriptExecutor) browser).executeScript("return echarts.getInstanceByDom("
              + "document.getElementById(arguments[0])).getOption().series[0].data[arguments[1]];", "chart-" + c[0], at);
          assertThat(((Number) box.get(0)).doubleValue()).isCloseTo(rework.path("low").asDouble(), within(0.006));
          assertThat(((Number) box.get(1)).doubleValue()).isCloseTo(rework.path("high").asDouble(), within(0.006));
        }
      }
      assertThat(browser.findElements(By.cssSelector("#" + c[0] + " td.not-enough"))).as(c[0]).hasSize(notEnough);
    }
    assertThat(drawn).as("the demo's 90 days hold at least one comparison with an interval").isPositive();
  }

  /** The table's rows are the API's rows, each withheld on the page exactly when the API withholds it. */
  private Map<String, Boolean> assertWithheldAsTheApi(String table, JsonNode api) {
    Map<String, Boolean> withheld = new HashMap<>();
    api.path("rows").forEach(r -> withheld.put(r.path("key").asText(), r.path("withheld").asBoolean(false)));
    Map<String, Boolean> page = new HashMap<>();
    for (WebElement row : browser.findElements(By.cssSelector("#" + table + " tbody tr"))) {
      page.put(row.findElement(By.tagName("th")).getText(), !row.findElements(By.cssSelector("td.withheld")).isEmpty());
    }
    assertThat(page).as(table).isEqualTo(withheld);
    return page;
  }

  private JsonNode adminApi(String path) throws Exception {
    return JSON.readTree(OrgSetup.call(server, "GET", path, null).body());
  }

  private long card(String id) {
    return Long.parseLong(browser.findElement(By.cssSelector("#" + id + " strong.big")).getText().replace(",", ""));
  }

  private String text(String id) {
    return browser.findElement(By.id(id)).getText();
  }

  /** A column's sort values from top to bottom, the rows without a figure left out. */
  private List<Double> columnNumbers(String table, int column) {
    return browser.findElements(By.cssSelector("#" + table + " tbody tr")).stream()
        .map(r -> r.findElements(By.cssSelector("th, td"))).filter(cells -> cells.size() > column)
        .map(cells -> cells.get(column).getAttribute("data-sort")).filter(v -> v != null && !v.isEmpty())
        .map(Double::valueOf).toList();
  }

  private List<String> rowNames(String table) {
    return browser.findElements(By.cssSelector("#" + table + " tbody th")).stream().map(WebElement::getText).toList();
  }

  private void signIn(String email, String password) {
    browser.manage().deleteAllCookies();
    Browser.signIn(browser, server.url("/login"), email, password);
  }

  private void open(String path) {
    browser.get(server.url(path));
    new WebDriverWait(browser, Duration.ofSeconds(20))
        .until(d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
  }
}
