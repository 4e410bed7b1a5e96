package dev.yardstick.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** People, teams and repositories set up through the admin API, as an admin would. */
public final class OrgSetup {
  private static final ObjectMapper JSON = new ObjectMapper();

  private OrgSetup() {}

  public static HttpResponse<String> call(TestServer s, String method, String path, String body) throws Exception {
    return s.send(s.api(path).header("Content-Type", "application/json")
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body)));
  }

  /** Creates a developer without a team; returns its id. */
  public static long developer(TestServer s, String email) throws Exception {
    HttpResponse<String> r = call(s, "POST", "/api/v1/developers", "{\"email\":\"" + email + "\"}");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    return JSON.readTree(r.body()).get("id").asLong();
  }

  /** Creates a team under an optional parent, managed by the given emails. */
  public static void team(TestServer s, String name, String parent, String... managers) throws Exception {
    List<String> quoted = new ArrayList<>();
    for (String m : managers) {
      quoted.add("\"" + m + "\"");
    }
    HttpResponse<String> r = call(s, "POST", "/api/v1/teams", "{\"name\":\"" + name + "\",\"parent\":"
        + (parent == null ? "null" : "\"" + parent + "\"") + ",\"managers\":[" + String.join(",", quoted) + "]}");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
  }

  /** Puts a developer in a team from a day on; without a day, as the API does without one (a first team: all their data). */
  public static void member(TestServer s, long developer, String team, LocalDate from) throws Exception {
    HttpResponse<String> r = call(s, "PUT", "/api/v1/developers/" + developer + "/team",
        "{\"team\":\"" + team + "\"" + (from == null ? "" : ",\"from\":\"" + from + "\"") + "}");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(204);
  }

  /** Follows a local repository and waits until its import has ended well. */
  public static void follow(TestServer s, String name, Path repo) throws Exception {
    HttpResponse<String> r = call(s, "POST", "/api/v1/repositories", "{\"name\":\"" + name + "\",\"path\":\"" + repo + "\"}");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    long id = JSON.readTree(r.body()).get("id").asLong();
    long deadline = System.nanoTime() + 60_000_000_000L;
    JsonNode status;
    do {
      assertThat(System.nanoTime()).as("the import of " + repo + " did not end").isLessThan(deadline);
      Thread.sleep(50);
      status = JSON.readTree(call(s, "GET", "/api/v1/repositories/" + id, null).body());
    } while (status.path("import").isNull() || status.path("import").path("state").asText().equals("running"));
    assertThat(status.path("import").path("state").asText()).as(status.toString()).isEqualTo("done");
  }
}
