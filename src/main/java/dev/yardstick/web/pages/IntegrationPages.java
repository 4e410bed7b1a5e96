package dev.yardstick.web.pages;

import static dev.yardstick.web.pages.Html.esc;

import dev.yardstick.auth.Principal;
import dev.yardstick.ingest.anthropic.AnthropicSync;
import dev.yardstick.ingest.anthropic.ConnectionTest;
import dev.yardstick.ingest.anthropic.SyncProgress;
import dev.yardstick.web.api.ApiRequests;
import io.javalin.http.Context;
import java.time.LocalDate;
import java.util.Optional;

/** Path 1 of Integrations > Claude Code: the Admin API key (last four characters only), test, sync, and backfill progress. */
public final class IntegrationPages {
  private final AnthropicSync sync;

  public IntegrationPages(AnthropicSync sync) {
    this.sync = sync;
  }

  /** Post/redirect/get: reloading the page (it reloads itself while work runs) never submits the form again. */
  private static void done(Context ctx, String message, boolean error) {
    ctx.redirect("/integrations/claude-code?" + (error ? "error=" : "ok=") + java.net.URLEncoder.encode(message,
        java.nio.charset.StandardCharsets.UTF_8), io.javalin.http.HttpStatus.SEE_OTHER);
  }

  public void save(Context ctx) throws InterruptedException {
    Principal p = ApiRequests.principal(ctx);
    try {
      String from = ctx.formParam("backfillFrom");
      sync.configure(p.orgId(), ctx.formParam("adminApiKey"), from == null || from.isBlank()
          ? sync.today().minusDays(AnthropicSync.DEFAULT_BACKFILL_DAYS) : LocalDate.parse(from.trim()));
      done(ctx, "Saved. The backfill starts within a minute, or press Sync now.", false);
    } catch (java.time.DateTimeException e) {
      done(ctx, "History from must be a date (YYYY-MM-DD).", true);
    } catch (IllegalArgumentException e) {
      done(ctx, e.getMessage(), true);
    }
  }

  public void test(Context ctx) throws InterruptedException {
    Principal p = ApiRequests.principal(ctx);
    ConnectionTest t = sync.test(p.orgId());
    done(ctx, t.message(), !t.ok());
  }

  public void syncNow(Context ctx) {
    Principal p = ApiRequests.principal(ctx);
    try {
      var i = sync.integration(p.orgId()).orElseThrow(() -> new IllegalArgumentException("Save an Admin API key first."));
      LocalDate today = sync.today();
      sync.start(p.orgId(), i.nextDay().isAfter(today) ? today.minusDays(2) : i.nextDay(), today);
      done(ctx, "Sync started.", false);
    } catch (IllegalArgumentException | AnthropicSync.BusyException e) {
      done(ctx, e.getMessage(), true);
    }
  }

  /** Path 1 of Integrations > Claude Code, as HTML (escaped here): the key, its test, sync and progress. */
  public String box(Principal p, String message, boolean error) {
    Optional<SyncProgress.Snapshot> run = sync.progress(p.orgId());
    boolean running = run.map(r -> r.state().equals("running")).orElse(false);
    StringBuilder b = new StringBuilder(Html.refreshWhile(running)).append(Html.message(message, error));
    b.append("<div class=\"box\"><h2>Claude Code Analytics Admin API</h2><p class=\"muted\">For organizations on API keys: ")
        .append("daily usage per user and API key from Anthropic, with history, and nothing to roll out to developers.</p>");
    sync.integration(p.orgId()).ifPresentOrElse(i -> {
      LocalDate today = sync.today();
      long total = Math.max(0, today.toEpochDay() - i.backfillFrom().toEpochDay() + 1);
      long done = Math.min(total, Math.max(0, i.nextDay().toEpochDay() - i.backfillFrom().toEpochDay()));
      b.append("<p>Key <code>…").append(esc(i.keyLast4())).append("</code>, history from ").append(esc(i.backfillFrom()))
          .append(".</p><p id=\"backfill\">Backfill ").append(Html.progress(done, total, done + " of " + total + " days"))
          .append("</p><p class=\"muted\">Last sync ").append(esc(i.lastSyncAt() == null ? "never" : i.lastSyncAt()))
          .append("; recent days are fetched again every hour.</p>");
      if (i.lastError() != null) {
        b.append("<p class=\"err\" id=\"last-error\">Last error (").append(esc(i.lastErrorAt())).append("): ")
            .append(esc(i.lastError())).append("</p>");
      }
      run.ifPresent(r -> b.append("<p id=\"sync\">This server's last sync (").append(esc(r.kind())).append("): ")
          .append(Html.progress(r.daysDone(), r.daysTotal(), r.daysDone() + "/" + r.daysTotal() + " days, " + r.rows()
              + " rows, " + r.state() + (r.error() == null ? "" : ": " + r.error()))).append("</p>"));
      b.append("<form class=\"inline\" method=\"post\" action=\"/integrations/anthropic/test\">").append(Html.csrf(p))
          .append("<button type=\"submit\">Test connection</button></form> <form class=\"inline\" method=\"post\"")
          .append(" action=\"/integrations/anthropic/sync\">").append(Html.csrf(p)).append("<button type=\"submit\">Sync now</button></form>");
    }, () -> b.append("<p>No key saved yet.</p>"));
    b.append("<form method=\"post\" action=\"/integrations/anthropic\">").append(Html.csrf(p))
        .append("<p><label>Admin API key <input name=\"adminApiKey\" type=\"password\" autocomplete=\"off\" size=\"40\"")
        .append(" placeholder=\"sk-ant-admin01-…\"></label> <label>History from <input name=\"backfillFrom\" type=\"date\" min=\"")
        .append(AnthropicSync.EARLIEST).append("\" max=\"").append(sync.today()).append("\"></label>")
        .append(" <button type=\"submit\">Save key</button></p></form></div>");
    return b.toString();
  }
}
