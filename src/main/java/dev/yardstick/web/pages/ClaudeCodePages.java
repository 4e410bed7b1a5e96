package dev.yardstick.web.pages;

import dev.yardstick.auth.Principal;
import dev.yardstick.claudecode.ClaudeCodeConfig;
import dev.yardstick.claudecode.Provider;
import dev.yardstick.ingest.anthropic.AnthropicSync;
import dev.yardstick.model.ForbiddenException;
import dev.yardstick.storage.ClaudeCodeStatusStore;
import dev.yardstick.web.api.ApiRequests;
import dev.yardstick.web.api.ClaudeCodeConfigApi;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Integrations > Claude Code: the three paths, each with its status, and the configuration blocks (the API's text). */
public final class ClaudeCodePages {
  static final int SEEN_DAYS = 30;
  private final ClaudeCodeConfigApi configs;
  private final IntegrationPages adminApi;
  private final AnthropicSync sync;
  private final ClaudeCodeStatusStore status;
  private final Clock clock;
  private final java.util.function.Function<Context, String> tokensSection;

  /** @param tokensSection the token management section, rendered into the page so that it works without JavaScript */
  public ClaudeCodePages(ClaudeCodeConfigApi configs, IntegrationPages adminApi, AnthropicSync sync,
      ClaudeCodeStatusStore status, Clock clock, java.util.function.Function<Context, String> tokensSection) {
    this.tokensSection = tokensSection;
    this.configs = configs;
    this.adminApi = adminApi;
    this.sync = sync;
    this.status = status;
    this.clock = clock;
  }

  /** The old address of the Admin API page. */
  public void redirect(Context ctx) {
    ctx.redirect("/integrations/claude-code", HttpStatus.SEE_OTHER);
  }

  public void show(Context ctx) {
    Principal p = ApiRequests.principal(ctx);
    boolean adminApiOn = sync.integration(p.orgId()).isPresent();
    String chosen = ctx.queryParam("path");
    if (chosen == null || !List.of("1", "2", "3").contains(chosen)) {
      // an organization sending telemetry without an Admin API key is on Path 2 or 3; everyone else starts at the top
      boolean telemetry = !adminApiOn && status.tokens(p.orgId()).active() > 0;
      chosen = ctx.queryParam("ok") == null && ctx.queryParam("error") == null && telemetry ? "2" : "1";
    }
    String message = ctx.queryParam("ok") != null ? ctx.queryParam("ok") : ctx.queryParam("error");
    Map<String, Object> params = new HashMap<>();
    params.put("frame", Frame.of(ctx, "integrations"));
    params.put("path", chosen);
    params.put("adminApiHtml", adminApi.box(p, message, ctx.queryParam("ok") == null));
    params.put("adminApiActors", adminApiOn ? status.adminApiActors(p.orgId(), sync.today().minusDays(SEEN_DAYS)) : -1);
    params.put("lastSync", sync.integration(p.orgId()).map(i -> i.lastSyncAt()).orElse(null));
    params.put("tokens", status.tokens(p.orgId()));
    params.put("senders", status.senders(p.orgId(), clock.instant().minus(Duration.ofDays(SEEN_DAYS))));
    params.put("providers", List.of(Provider.values()));
    params.put("tokensHtml", (gg.jte.Content) out -> out.writeContent(tokensSection.apply(ctx))); // escaped by its own template
    Pages.render(ctx, "integrations/claude-code.jte", params);
  }

  /** POST /claude-code/config: the blocks as an htmx fragment; a problem is shown in words in the same place. */
  public void blocks(Context ctx) {
    Map<String, Object> params = new HashMap<>();
    params.put("csrf", Frame.of(ctx, null).csrf());
    params.put("fields", fields(ctx));
    try {
      params.put("config", generate(ctx));
      params.put("error", null);
    } catch (IllegalArgumentException | ForbiddenException e) {
      params.put("config", null);
      params.put("error", e.getMessage());
    }
    Pages.fragment(ctx, "integrations/claude-code-blocks.jte", params);
  }

  /** The managed settings as a file to save; the same text as the block and the API. */
  public void download(Context ctx) {
    ClaudeCodeConfig c = generate(ctx);
    ctx.header("Content-Disposition", "attachment; filename=\"managed-settings.json\"")
        .contentType("application/json; charset=utf-8").result(c.managedSettings());
  }

  private ClaudeCodeConfig generate(Context ctx) {
    return configs.generate(ApiRequests.principal(ctx), ctx::formParam, ctx::formParam);
  }

  /** The form's values, carried into the download form. */
  private static Map<String, String> fields(Context ctx) {
    Map<String, String> f = new java.util.LinkedHashMap<>();
    for (String name : List.of("provider", "token", "identity", "email")) {
      f.put(name, ctx.formParam(name) == null ? "" : ctx.formParam(name));
    }
    Provider provider;
    try {
      provider = Provider.parse(ctx.formParam("provider"));
    } catch (IllegalArgumentException e) {
      return f;
    }
    provider.variables().forEach(v -> f.put(v.name(), ctx.formParam(v.name()) == null ? "" : ctx.formParam(v.name())));
    return f;
  }
}
