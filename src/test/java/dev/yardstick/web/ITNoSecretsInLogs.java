package dev.yardstick.web;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.yardstick.testing.TestDatabases;
import dev.yardstick.testing.TestServer;
import dev.yardstick.testing.WebClient;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Passwords, tokens, session ids and invitation links never reach the log, even at debug level and on errors. */
class ITNoSecretsInLogs {
  @Test
  void everyFlowWithASecret_logsNoneOfThem() throws Exception {
    Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    ListAppender<ILoggingEvent> captured = new ListAppender<>();
    captured.start();
    root.addAppender(captured);
    ch.qos.logback.classic.Level before = root.getLevel();
    root.setLevel(ch.qos.logback.classic.Level.DEBUG);
    List<String> secrets = new ArrayList<>(List.of(TestServer.API_TOKEN, TestServer.ADMIN_PASSWORD));
    try (TestServer server = TestServer.start(TestDatabases.h2())) {
      String ingest = server.newIngestToken("laptops");
      secrets.add(ingest);
      secrets.add(ingest.substring(ingest.indexOf(":sk_") + 4));
      ITIdentityResolution.post(server, ingest, ITIdentityResolution.export("jane@example.com", null, "s1", 1_795_000_000L, 1));
      server.send(HttpRequest.newBuilder(URI.create(server.url("/otel/v1/metrics"))).header("Authorization", "Bearer " + ingest + "x")
          .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{not json")));
      WebClient admin = new WebClient(server);
      admin.signIn(TestServer.ADMIN_EMAIL, "a-wrong-password-123");
      secrets.add("a-wrong-password-123");
      admin.signIn(TestServer.ADMIN_EMAIL, TestServer.ADMIN_PASSWORD);
      secrets.add(admin.sessionCookie().orElseThrow());
      String csrf = admin.csrf();
      secrets.add(csrf);
      String page = admin.post("/account/tokens", "name", "script", "csrf", csrf).body();
      secrets.add(page.replaceAll("(?s).*id=\"new-token\">([^<]+)<.*", "$1"));
      admin.post("/account/password", "current", TestServer.ADMIN_PASSWORD, "new", "the-next-password-9", "csrf", csrf);
      secrets.add("the-next-password-9");
      String invitation = admin.json("POST", "/api/v1/invitations", "{\"email\":\"x@example.com\",\"role\":\"developer\"}", csrf).body();
      secrets.add(invitation.replaceAll(".*/invite/([^\"]+)\".*", "$1"));
    } finally {
      root.detachAppender(captured);
      root.setLevel(before);
    }

    assertThat(captured.list).isNotEmpty();
    for (ILoggingEvent e : captured.list) {
      String text = e.getFormattedMessage() + (e.getThrowableProxy() == null ? "" : e.getThrowableProxy().getMessage());
      for (String secret : secrets) {
        assertThat(text).as("log line from " + e.getLoggerName()).doesNotContain(secret);
      }
    }
  }
}
