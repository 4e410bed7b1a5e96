package dev.yardstick.web.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.yardstick.ingest.anthropic.AnthropicSync;
import dev.yardstick.ingest.anthropic.ConnectionTest;
import dev.yardstick.ingest.anthropic.SyncProgress;
import dev.yardstick.model.NotFoundException;
import dev.yardstick.storage.AnthropicStore.Integration;
import io.javalin.http.Context;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/** /api/v1/integrations/anthropic: save the Admin API key (never shown again), test it, sync, and show progress. */
public final class IntegrationApi {
  private final AnthropicSync sync;

  public IntegrationApi(AnthropicSync sync) {
    this.sync = sync;
  }

  /** {"adminApiKey", "backfillFrom"?}: backfillFrom defaults to 90 days back; the key is tried once before it is saved. */
  public void save(Context ctx) throws InterruptedException {
    JsonNode body = ApiRequests.body(ctx);
    String key = ApiRequests.optionalText(body, "adminApiKey", 500); // absent: the check says what a key looks like
    LocalDate from = ApiRequests.optionalDate(body, "backfillFrom", null);
    LocalDate backfillFrom = from == null ? sync.today().minusDays(AnthropicSync.DEFAULT_BACKFILL_DAYS) : from;
    sync.configure(ApiRequests.org(ctx), key, backfillFrom);
    ctx.json(status(ApiRequests.org(ctx)));
  }

  public void get(Context ctx) {
    ctx.json(status(ApiRequests.org(ctx)));
  }

  public void test(Context ctx) throws InterruptedException {
    ConnectionTest t = sync.test(ApiRequests.org(ctx));
    ctx.json(t);
  }

  /** {"from", "to"} syncs that range; with no body, the backlog and the recent days. Answers 202 and runs on. */
  public void sync(Context ctx) {
    long org = ApiRequests.org(ctx);
    Integration i = sync.integration(org).orElseThrow(() -> new NotFoundException("no Admin API key is saved for this organization"));
    JsonNode body = ctx.body().isBlank() ? null : ApiRequests.body(ctx);
    LocalDate today = sync.today();
    LocalDate from = body == null ? null : ApiRequests.optionalDate(body, "from", null);
    LocalDate to = body == null ? null : ApiRequests.optionalDate(body, "to", null);
    LocalDate f = from == null ? (i.nextDay().isAfter(today) ? today.minusDays(2) : i.nextDay()) : from;
    LocalDate t = to == null ? today : to;
    try {
      SyncProgress p = sync.start(org, f, t);
      ctx.status(202).json(Map.of("sync", p.snapshot()));
    } catch (AnthropicSync.BusyException e) {
      ctx.status(409).json(Map.of("error", "conflict", "message", e.getMessage()));
    }
  }

  public void delete(Context ctx) {
    if (!sync.remove(ApiRequests.org(ctx))) {
      throw new NotFoundException("no Admin API key is saved for this organization");
    }
    ctx.status(204);
  }

  private Map<String, Object> status(long org) {
    Map<String, Object> out = new LinkedHashMap<>();
    var found = sync.integration(org);
    out.put("configured", found.isPresent());
    found.ifPresent(i -> {
      LocalDate today = sync.today();
      long total = Math.max(0, today.toEpochDay() - i.backfillFrom().toEpochDay() + 1);
      long done = Math.min(total, Math.max(0, i.nextDay().toEpochDay() - i.backfillFrom().toEpochDay()));
      out.put("keyLast4", i.keyLast4());
      out.put("backfillFrom", i.backfillFrom().toString());
      out.put("backfilledThrough", i.nextDay().minusDays(1).isBefore(i.backfillFrom()) ? null : i.nextDay().minusDays(1).toString());
      out.put("backfillDays", Map.of("done", done, "total", total, "percent", total == 0 ? 100 : 100 * done / total));
      out.put("lastSyncAt", text(i.lastSyncAt()));
      out.put("lastRepollAt", text(i.lastRepollAt()));
      out.put("lastError", i.lastError());
      out.put("lastErrorAt", text(i.lastErrorAt()));
    });
    out.put("sync", sync.progress(org).orElse(null));
    return out;
  }

  private static String text(Object o) {
    return o == null ? null : o.toString();
  }
}
