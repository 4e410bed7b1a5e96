package dev.yardstick.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.yardstick.testing.Browser;
import dev.yardstick.testing.TestDatabases;
import dev.yardstick.testing.TestServer;
import dev.yardstick.testing.WebClient;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * An admin manages people in headless Chromium (teams, a developer's details, teams with dates and aliases, a CSV
 * import through its preview, an invitation); each result is read back through the JSON API. A manager then sees only
 * their team, read-only, and a developer is refused.
 */
class ITBrowserPeople {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void admin_managesTeamsDevelopersImportAndInvitations_managerSeesTheirTeam_developerIsRefused() throws Exception {
    try (TestServer server = TestServer.start(TestDatabases.h2())) {
      WebDriver b = Browser.start();
      try {
        Browser.signIn(b, server.url("/login"), TestServer.ADMIN_EMAIL, TestServer.ADMIN_PASSWORD);
        Browser.follow(b, By.linkText("Teams"));
        assertThat(b.findElement(By.id("no-teams")).getText()).contains("No teams yet");
        shoot(b, "people-teams-empty");

        createTeam(b, "Engineering", "");
        createTeam(b, "Payments", "Engineering");
        assertThat(team(server, "Payments").path("parent").asText()).isEqualTo("Engineering");
        createTeam(b, "Payments", "");
        assertThat(b.findElement(By.cssSelector("#create-team .err")).getText()).contains("a team named Payments exists");
        assertThat(b.findElement(By.cssSelector("#create-team input[name=name]")).getDomProperty("value")).isEqualTo("Payments");

        Browser.follow(b, By.xpath("//tr[th='Payments']//a[text()='Edit']"));
        set(b, By.cssSelector("#edit-team input[name=name]"), "Payments Core");
        set(b, By.cssSelector("#edit-team input[name=managers]"), "lead@example.com");
        shoot(b, "people-team-edit");
        Browser.follow(b, By.xpath("//button[text()='Save team']"));
        JsonNode core = team(server, "Payments Core");
        assertThat(core.path("parent").asText()).isEqualTo("Engineering");
        assertThat(core.path("managers").toString()).isEqualTo("[\"lead@example.com\"]");
        assertThat(team(server, "Payments")).isNull();
        assertThat(b.findElement(By.xpath("//tr[th='Payments Core']/th")).getDomAttribute("class")).isEqualTo("depth-1");
        shoot(b, "people-teams");

        b.get(server.url("/developers"));
        set(b, By.cssSelector("#add-developer input[name=email]"), "jane@example.com");
        set(b, By.cssSelector("#add-developer input[name=name]"), "Jane");
        Browser.follow(b, By.xpath("//button[text()='Add']"));
        long jane = JSON.readTree(server.json("GET", "/api/v1/developers", null).body()).path("developers").get(0).path("id").asLong();
        assertThat(b.getCurrentUrl()).contains("/developers/" + jane + "/edit");

        move(b, "Payments Core", "2026-03-01");
        move(b, "Engineering", "2026-04-01");
        JsonNode ms = developer(server, jane).path("memberships");
        assertThat(ms.toString()).isEqualTo("[{\"id\":" + ms.get(0).path("id") + ",\"team\":\"Payments Core\",\"from\":\"2026-03-01\",\"to\":\"2026-03-31\"},"
            + "{\"id\":" + ms.get(1).path("id") + ",\"team\":\"Engineering\",\"from\":\"2026-04-01\",\"to\":null}]");
        long first = ms.get(0).path("id").asLong();
        set(b, By.cssSelector("input[form=membership-" + first + "][name=to]"), "2026-04-15"); // into Engineering's days
        Browser.follow(b, By.cssSelector("#membership-" + first + " button"));
        assertThat(b.findElement(By.cssSelector("tr[data-membership-id='" + first + "'] .err")).getText()).containsIgnoringCase("overlap");
        assertThat(b.findElement(By.cssSelector("input[form=membership-" + first + "][name=to]")).getDomProperty("value")).isEqualTo("2026-04-15");
        assertThat(developer(server, jane).path("memberships").get(0).path("to").asText()).isEqualTo("2026-03-31");
        Browser.follow(b, By.xpath("//button[@aria-label='Delete membership in Engineering']"));
        assertThat(developer(server, jane).path("memberships").size()).isEqualTo(1);
        // a past team with both ends, then one that would overlap: refused, what was typed kept, nothing stored
        addMembership(b, "Data", "2026-01-10", "2026-02-20");
        assertThat(b.findElement(By.cssSelector("p.ok")).getText()).isEqualTo("Membership added.");
        ms = developer(server, jane).path("memberships");
        assertThat(ms.size()).isEqualTo(2);
        assertThat(ms.get(0).path("team").asText() + " " + ms.get(0).path("from").asText() + " " + ms.get(0).path("to").asText())
            .isEqualTo("Data 2026-01-10 2026-02-20");
        addMembership(b, "Web", "2026-02-15", "2026-03-05");
        assertThat(b.findElement(By.cssSelector("#add-membership .err")).getText()).containsIgnoringCase("overlap");
        assertThat(b.findElement(By.cssSelector("#add-membership input[name=to]")).getDomProperty("value")).isEqualTo("2026-03-05");
        assertThat(developer(server, jane).path("memberships").size()).isEqualTo(2);

        set(b, By.cssSelector("#add-alias input[name=value]"), "jane@users.noreply.github.com");
        Browser.follow(b, By.xpath("//button[text()='Add alias']"));
        assertThat(developer(server, jane).path("aliases").findValuesAsText("value")).containsExactly("jane@users.noreply.github.com");
        shoot(b, "people-developer-edit");
        Browser.follow(b, By.xpath("//button[@aria-label='Remove alias jane@users.noreply.github.com']"));
        assertThat(developer(server, jane).path("aliases").size()).isZero();

        set(b, By.cssSelector("#details input[name=activeTo]"), "2026-10-31");
        set(b, By.cssSelector("#details input[name=activeFrom]"), "2026-11-01");
        Browser.follow(b, By.xpath("//button[text()='Save details']"));
        assertThat(b.findElement(By.cssSelector("#details .err")).getText()).contains("active to (2026-10-31) is before active from");
        assertThat(b.findElement(By.cssSelector("#details input[name=activeTo]")).getDomProperty("value")).isEqualTo("2026-10-31");
        assertThat(developer(server, jane).path("activeTo").isNull()).isTrue();
        set(b, By.cssSelector("#details input[name=activeFrom]"), "");
        Browser.follow(b, By.xpath("//button[text()='Save details']"));
        assertThat(developer(server, jane).path("activeTo").asText()).isEqualTo("2026-10-31");
        b.get(server.url("/developers/" + jane));
        Browser.follow(b, By.id("edit-developer"));
        assertThat(b.getCurrentUrl()).endsWith("/developers/" + jane + "/edit");

        Path csv = Files.createTempFile("people", ".csv");
        Files.writeString(csv, "email,name,team,team_since,parent_team,manager\n"
            + "bob@example.com,Bob,Payments Core,2026-02-01,,\n"
            + "jane@example.com,Jane Doe,,,,\n"
            + "not-an-email,X,,,,\n"
            + "carol@example.com,Carol,Mobile,,Engineering,mob@example.com\n");
        b.get(server.url("/developers/import"));
        shoot(b, "people-import");
        b.findElement(By.name("file")).sendKeys(csv.toString());
        Browser.follow(b, By.xpath("//button[text()='Preview']"));
        List<String> actions = new ArrayList<>();
        b.findElements(By.cssSelector("#preview tbody tr td:nth-child(3)")).forEach(td -> actions.add(td.getText()));
        assertThat(actions).containsExactly("create", "change", "refused", "create");
        shoot(b, "people-import-preview");
        assertThat(server.json("GET", "/api/v1/developers", null).body()).doesNotContain("bob@example.com"); // nothing written yet
        Browser.follow(b, By.xpath("//button[text()='Confirm import']"));
        assertThat(b.findElement(By.id("result-created")).getText()).isEqualTo("2");
        assertThat(b.findElement(By.id("result-updated")).getText()).isEqualTo("1");
        assertThat(b.findElement(By.id("result-teams")).getText()).isEqualTo("1");
        shoot(b, "people-import-result");
        JsonNode devs = JSON.readTree(server.json("GET", "/api/v1/developers", null).body()).path("developers");
        assertThat(devs.findValuesAsText("email")).containsExactly("bob@example.com", "carol@example.com", "jane@example.com");
        assertThat(devs.findValuesAsText("name")).containsExactly("Bob", "Carol", "Jane Doe");
        assertThat(devs.get(0).path("team").asText()).isEqualTo("Payments Core");
        assertThat(team(server, "Mobile").path("parent").asText()).isEqualTo("Engineering");

        WebClient admin = new WebClient(server);
        admin.signIn(TestServer.ADMIN_EMAIL, TestServer.ADMIN_PASSWORD);
        String export = admin.get(b.findElement(By.partialLinkText("Export")).getDomAttribute("href")).body();
        assertThat(export).contains("bob@example.com,Bob,Payments Core,2026-02-01,Engineering,lead@example.com");

        b.get(server.url("/developers?sort=name&dir=desc"));
        assertThat(emails(b)).containsExactly("jane@example.com", "carol@example.com", "bob@example.com");
        new Select(b.findElement(By.name("team"))).selectByVisibleText("Engineering");
        Browser.follow(b, By.xpath("//button[text()='Filter']"));
        assertThat(emails(b)).containsExactly("carol@example.com", "bob@example.com"); // with its sub-teams; Jane is in none today
        assertThat(b.findElement(By.id("developers")).getText()).doesNotContain("jane");
        shoot(b, "people-developers");

        b.get(server.url("/invitations"));
        set(b, By.cssSelector("#invite input[name=email]"), "lead@example.com");
        new Select(b.findElement(By.name("role"))).selectByVisibleText("manager");
        Browser.follow(b, By.xpath("//button[text()='Create invitation link']"));
        String link = b.findElement(By.id("invitation-link")).getText();
        assertThat(URI.create(link).getPath()).startsWith("/invite/"); // under the configured public URL
        shoot(b, "people-invitation");
        assertThat(new WebClient(server).post(URI.create(link).getPath(), "password", "lead-password-42").statusCode()).isEqualTo(303);
        assertThat(Browser.cspViolations(b)).isEmpty();

        Browser.follow(b, By.xpath("//button[text()='Sign out']"));
        Browser.signIn(b, server.url("/login"), "lead@example.com", "lead-password-42");
        Browser.follow(b, By.linkText("Teams"));
        List<String> teams = new ArrayList<>();
        b.findElements(By.cssSelector("#teams tbody th")).forEach(th -> teams.add(th.getText()));
        assertThat(teams).containsExactly("Payments Core");
        assertThat(b.findElements(By.id("create-team"))).isEmpty();
        assertThat(b.findElements(By.linkText("Edit"))).isEmpty();
        shoot(b, "people-teams-manager");
        Browser.follow(b, By.xpath("//tr[th='Payments Core']//td//a"));
        assertThat(emails(b)).containsExactly("bob@example.com");
        WebClient lead = new WebClient(server);
        lead.signIn("lead@example.com", "lead-password-42");
        assertThat(lead.get("/teams/" + core.path("id").asLong()).statusCode()).isEqualTo(403);
        assertThat(lead.get("/developers?team=" + team(server, "Mobile").path("id").asLong()).statusCode()).isEqualTo(403);
        assertThat(lead.post("/teams", "csrf", lead.csrf(), "name", "Mine").statusCode()).isEqualTo(403);
        assertThat(lead.get("/developers/" + jane + "/edit").statusCode()).isEqualTo(403);

        WebClient dev = server.account("dev@example.com", "developer", "dev-password-42");
        Browser.follow(b, By.xpath("//button[text()='Sign out']"));
        Browser.signIn(b, server.url("/login"), "dev@example.com", "dev-password-42");
        assertThat(b.findElements(By.linkText("Teams"))).isEmpty();
        b.get(server.url("/teams"));
        assertThat(b.findElement(By.tagName("body")).getText()).contains("may not");
        Browser.screenshot(b, "people-teams-developer-403");
        for (String page : List.of("/teams", "/developers", "/developers/import", "/invitations", "/developers/" + jane + "/edit")) {
          assertThat(dev.get(page).statusCode()).as(page).isEqualTo(403);
        }
        assertThat(dev.post("/invitations", "csrf", dev.csrf(), "email", "x@example.com", "role", "admin").statusCode()).isEqualTo(403);
      } catch (Exception | AssertionError e) {
        Browser.screenshot(b, "people-failure");
        java.nio.file.Files.writeString(java.nio.file.Path.of("target/people-failure.html"), b.getPageSource());
        throw e;
      } finally {
        b.quit();
      }
    }
  }

  /** Takes the screenshots, and holds that at phone width the page itself never scrolls sideways (tables scroll in their box). */
  private static void shoot(WebDriver b, String name) throws Exception {
    Browser.screenshot(b, name);
    org.openqa.selenium.Dimension before = b.manage().window().getSize();
    b.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
    try {
      Object wide = ((JavascriptExecutor) b).executeScript("const w = document.documentElement.clientWidth;"
          + " return document.documentElement.scrollWidth <= w ? '' : [...document.querySelectorAll('body *')]"
          + ".filter(e => e.getBoundingClientRect().right > w + 1).map(e => e.tagName + '#' + e.id + '.' + e.className).join(', ');");
      assertThat(wide).as(name + ": the page scrolls sideways at phone width").isEqualTo("");
    } finally {
      b.manage().window().setSize(before);
    }
  }

  private static void createTeam(WebDriver b, String name, String parent) {
    set(b, By.cssSelector("#create-team input[name=name]"), name);
    new Select(b.findElement(By.cssSelector("#create-team select[name=parent]"))).selectByValue(parent.isEmpty() ? "" : parent);
    Browser.follow(b, By.xpath("//button[text()='Create team']"));
  }

  private static void addMembership(WebDriver b, String team, String from, String to) {
    set(b, By.cssSelector("#add-membership input[name=team]"), team);
    set(b, By.cssSelector("#add-membership input[name=from]"), from);
    set(b, By.cssSelector("#add-membership input[name=to]"), to);
    Browser.follow(b, By.xpath("//button[text()='Add membership']"));
  }

  private static void move(WebDriver b, String team, String from) {
    set(b, By.cssSelector("#move input[name=team]"), team);
    set(b, By.cssSelector("#move input[name=from]"), from);
    Browser.follow(b, By.xpath("//button[text()='Move']"));
  }

  /** Types a value (dates too, whatever the browser's date format) by setting it as a script would. */
  private static void set(WebDriver b, By field, String value) {
    WebElement e = b.findElement(field);
    ((JavascriptExecutor) b).executeScript("arguments[0].value = arguments[1];", e, value);
  }

  private static List<String> emails(WebDriver b) {
    List<String> out = new ArrayList<>();
    b.findElements(By.cssSelector("#developers tbody td:first-child")).forEach(td -> out.add(td.getText()));
    return out;
  }

  private static JsonNode team(TestServer s, String name) throws Exception {
    for (JsonNode t : JSON.readTree(s.json("GET", "/api/v1/teams", null).body()).path("teams")) {
      if (t.path("name").asText().equals(name)) {
        return t;
      }
    }
    return null;
  }

  private static JsonNode developer(TestServer s, long id) throws Exception {
    return JSON.readTree(s.json("GET", "/api/v1/developers/" + id, null).body());
  }
}
