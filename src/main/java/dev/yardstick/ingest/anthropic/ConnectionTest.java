package dev.yardstick.ingest.anthropic;

import java.time.LocalDate;

/** The answer to "test connection", in plain words. */
public record ConnectionTest(boolean ok, String outcome, String message) {

  static ConnectionTest of(AdminApiClient client, String key, LocalDate day) throws InterruptedException {
    try {
      var page = client.probe(key, day);
      if (page.rows().isEmpty()) {
        return new ConnectionTest(true, "NO_DATA", "The key works, but Anthropic reports no Claude Code usage for " + day
            + ". Either nobody used Claude Code through the API that day, or this organization's Claude Code runs"
            + " elsewhere (Bedrock, Vertex, or claude.ai Enterprise, which has its own analytics API).");
      }
      return new ConnectionTest(true, "OK", "Connected: Anthropic reports Claude Code usage for " + day + ".");
    } catch (AdminApiException e) {
      return new ConnectionTest(false, e.kind().name(), e.plainWords());
    }
  }
}
