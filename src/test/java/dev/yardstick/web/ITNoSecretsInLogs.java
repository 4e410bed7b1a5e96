package dev.yardstick.web;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.yardstick.testing.MovableClock;
import dev.yardstick.testing.TestDatabases;
import dev.yardstick.testing.TestServer;
import dev.yardstick.testing.WebClient;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Passwords, tokens, session ids, setup codes and invitation links never reach the log, even at
 * debug level and on errors. Each secret is read from where the product shows it and must have its
 * known form (so that a changed page cannot turn it into something no log line could contain), and
 * the check must catch a planted log line holding it.
 */
class ITNoSecretsInLogs {
  private static final Pattern SECRET_43 = Pattern.compile("[A-Za-z0-9_-]{43}");

  @Test
  void everyFlowWithASecret_logsNoneOfThem() throws Exception {
    Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    ListAppender<ILoggingEvent> captured = new ListAppender<>();
    captured.start();
    root.addAppender(captured);
    Level before = root.getLevel();
    root.setLevel(Level.DEBUG);
    Map<String, String> secrets = new LinkedHashMap<>();
    secrets.put("bootstrap API token", TestServer.API_TOKEN);
    secrets.put("bootstrap admin password", TestServer.ADMIN_PASSWORD);
    try {
      try (TestServer server = TestServer.start(TestDatabases.h2())) {
        String ingest = server.newIngestToken("laptops");
        assertThat(ingest).matches("tk_[a-z0-9]{16}:sk_[A-Za-z0-9_-]{43}");
        secrets.put("ingest token", ingest);
        secrets.put("ingest secret", ingest.substring(ingest.indexOf(":sk_") + 4));
        ITIdentityResolution.post(server, ingest, ITIdentityResolution.export("jane@example.com", null, "s1", 1_795_000_000L, 1));
        server.send(HttpRequest.newBuilder(URI.create(server.url("/otel/v1/metrics"))).header("Authorization", "Bearer " + ingest + "x")
            .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{not json")));
        WebClient admin = new WebClient(server);
        assertThat(admin.signIn(TestServer.ADMIN_EMAIL, "a-wrong-password-123").statusCode()).isEqualTo(401);
        secrets.put("wrong password", "a-wrong-password-123");
        HttpResponse<String> in = admin.signIn(TestServer.ADMIN_EMAIL, TestServer.ADMIN_PASSWORD);
        assertThat(in.statusCode()).isEqualTo(303);
        secrets.put("session id", known(admin.sessionCookie().orElseThrow(), SECRET_43));
        secrets.put("device cookie", known(cookie(in, "ys_device"), Pattern.compile("v1:[A-Za-z0-9+/=]{100,}")));
        String csrf = known(admin.csrf(), SECRET_43);
        secrets.put("CSRF token", csrf);
        String page = admin.post("/account/tokens", "name", "script", "csrf", csrf).body();
        secrets.put("personal API token", find(page, "id=\"new-token\">(ys_[A-Za-z0-9_-]{40})<"));
        assertThat(admin.post("/account/password", "current", TestServer.ADMIN_PASSWORD, "new", "the-next-password-9", "csrf", csrf)
            .statusCode()).isEqualTo(200);
        secrets.put("new password", "the-next-password-9");
        String invitation = admin.json("POST", "/api/v1/invitations", "{\"email\":\"x@example.com\",\"role\":\"developer\"}", csrf).body();
        secrets.put("invitation token", find(invitation, "/invite/([A-Za-z0-9_-]{43})\""));
      }
      try (TestServer fresh = TestServer.startWithoutAdmin(TestDatabases.h2(), Map.of(), new MovableClock(Instant.now()))) {
        secrets.put("setup code", known(fresh.setupCode(), Pattern.compile("[A-Z0-9]{5}(-[A-Z0-9]{5}){3}")));
        assertThat(new WebClient(fresh).post("/setup", "code", fresh.setupCode(), "email", "first@example.com",
            "password", "first-admin-password-5").statusCode()).isEqualTo(303);
        secrets.put("first admin password", "first-admin-password-5");
      }
    } finally {
      root.detachAppender(captured);
      root.setLevel(before);
    }

    assertThat(captured.list).isNotEmpty();
    assertThat(leaks(captured.list, secrets)).isEmpty();
    // the check itself: a line holding any of the secrets, in its message or its exception, is caught
    for (Map.Entry<String, String> s : secrets.entrySet()) {
      LoggingEvent inMessage = new LoggingEvent("planted", root, Level.INFO, "a line with " + s.getValue() + " in it", null, null);
      LoggingEvent inException = new LoggingEvent("planted", root, Level.WARN, "failed", new IllegalStateException("wrapped",
          new IllegalArgumentException("bad value " + s.getValue())), null);
      assertThat(leaks(List.of(inMessage, inException), Map.of(s.getKey(), s.getValue()))).as(s.getKey()).hasSize(2);
    }
  }

  /** The log lines (message, and messages of the exception and its causes) holding a secret, named. */
  private static List<String> leaks(List<? extends ILoggingEvent> events, Map<String, String> secrets) {
    List<String> found = new ArrayList<>();
    for (ILoggingEvent e : events) {
      StringBuilder text = new StringBuilder(e.getFormattedMessage());
      for (var t = e.getThrowableProxy(); t != null; t = t.getCause()) {
        text.append('\n').append(t.getClassName()).append(": ").append(t.getMessage());
      }
      secrets.forEach((name, secret) -> {
        if (text.indexOf(secret) >= 0) {
          found.add(name + " in a line from " + e.getLoggerName() + ": " + e.getFormattedMessage());
        }
      });
    }
    return found;
  }

  private static String find(String text, String regex) {
    Matcher m = Pattern.compile(regex).matcher(text);
    assertThat(m.find()).as("the secret " + regex + " is where the product shows it").isTrue();
    return m.group(1);
  }

  private static String known(String secret, Pattern form) {
    assertThat(secret).matches(form);
    return secret;
  }

  private static String cookie(HttpResponse<String> r, String name) {
    return r.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith(name + "=")).findFirst()
        .map(c -> c.substring(name.length() + 1, c.indexOf(';'))).orElseThrow();
  }
}
