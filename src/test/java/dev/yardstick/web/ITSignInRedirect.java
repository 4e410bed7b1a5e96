package dev.yardstick.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.yardstick.testing.TestDatabases;
import dev.yardstick.testing.TestServer;
import dev.yardstick.testing.WebClient;
import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * After a successful sign-in the browser goes to {@code next} only when it is a path of this site:
 * the known ways of smuggling another site past a "starts with /" check all land on the dashboard.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ITSignInRedirect {
  private static final Pattern NEXT_FIELD = Pattern.compile("name=\"next\" value=\"([^\"]*)\"");
  private TestServer server;

  @BeforeAll
  void start() throws Exception {
    server = TestServer.start(TestDatabases.h2());
  }

  @AfterAll
  void stop() throws Exception {
    server.close();
  }

  /** Each value as it stands in a link's query string: {@code /login?next=<value>}. */
  @ParameterizedTest
  @ValueSource(strings = {"//evil.com", "///evil.com", "////evil.com", "/%2F/evil.com", "%2F%2Fevil.com", "/%5Cevil.com",
      "%5C%5Cevil.com", "/%5C/evil.com", "%5C/evil.com", "/%09/evil.com", "/%0A/evil.com", "/%0D%0A/evil.com", "/%0D/evil.com",
      "%09//evil.com", "%20//evil.com", "/%20/evil.com", "/%00/evil.com", "/%E3%80%80/evil.com", "/%EF%BC%8Fevil.com",
      "https:evil.com", "https://evil.com", "http:/evil.com", "HTTPS://evil.com", "javascript:alert(1)", "evil.com",
      "/%255Cevil.com", "/%252F/evil.com", "/%2509/evil.com", "/.//evil.com", "/./%2F/evil.com", "/a/..//evil.com",
      "/%2E%2E//evil.com", "", "%0A"})
  void foreignOrMalformedNext_landsOnTheDashboard(String query) throws Exception {
    assertThat(afterSignIn(query)).isEqualTo("/");
  }

  @ParameterizedTest
  @ValueSource(strings = {"/account", "/developers", "/api/v1/report%3Ffrom%3D2026-01-01%26to%3D2026-01-31%26groupBy%3Dteam",
      "/identities%3Fkind%3Demail%26value%3Da%2540example.com", "/developers%3Fteam%3DPlatform%2520Team"})
  void pathOfThisSite_isWhereTheBrowserGoes(String query) throws Exception {
    assertThat(afterSignIn(query)).isEqualTo(URLDecoder.decode(query, StandardCharsets.UTF_8));
  }

  /** Follows a link to the sign-in page, posts its form as a browser would, and returns where the browser is sent. */
  private String afterSignIn(String query) throws Exception {
    WebClient browser = new WebClient(server);
    HttpResponse<String> form = browser.get("/login?next=" + query);
    assertThat(form.statusCode()).isEqualTo(200);
    Matcher field = NEXT_FIELD.matcher(form.body());
    assertThat(field.find()).as("the sign-in form carries next").isTrue();
    String carried = field.group(1).replace("&amp;", "&").replace("&quot;", "\"").replace("&#39;", "'")
        .replace("&lt;", "<").replace("&gt;", ">");
    HttpResponse<String> viaForm = browser.post("/login", "email", TestServer.ADMIN_EMAIL, "password", TestServer.ADMIN_PASSWORD,
        "next", carried);
    // a hand-made form posting the raw value must fare no better than the page's own
    HttpResponse<String> direct = new WebClient(server).post("/login", "email", TestServer.ADMIN_EMAIL,
        "password", TestServer.ADMIN_PASSWORD, "next", URLDecoder.decode(query, StandardCharsets.UTF_8));
    assertThat(viaForm.statusCode()).as(query).isEqualTo(303);
    assertThat(direct.statusCode()).as(query).isEqualTo(303);
    assertThat(direct.headers().allValues("Location")).as(query).isEqualTo(viaForm.headers().allValues("Location"));
    return viaForm.headers().firstValue("Location").orElseThrow();
  }
}
