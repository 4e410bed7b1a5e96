package dev.yardstick.web.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.yardstick.model.NotFoundException;
import dev.yardstick.repos.ImportProgress;
import dev.yardstick.repos.RepositoryService;
import dev.yardstick.storage.RepositoryStore.Repository;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** /api/v1/repositories: add (and start importing), list with status and progress, import now. */
public final class RepositoryApi {
  private final RepositoryService repos;

  public RepositoryApi(RepositoryService repos) {
    this.repos = repos;
  }

  /** {"name", "url" or "path", "token"?, "branch"?, "excludePaths"?, "includePaths"?, "fixPatterns"?} → 201, importing. */
  public void create(Context ctx) {
    JsonNode b = ApiRequests.body(ctx);
    Repository r = repos.add(ApiRequests.org(ctx), new RepositoryService.NewRepository(ApiRequests.requiredText(b, "name", 200),
        ApiRequests.optionalText(b, "url", 2000), ApiRequests.optionalText(b, "path", 2000), ApiRequests.optionalText(b, "token", 500),
        ApiRequests.optionalText(b, "branch", 400), list(b, "excludePaths"), list(b, "includePaths"), list(b, "fixPatterns")));
    repos.start(r);
    ctx.status(201).json(json(repos.find(r.orgId(), r.id()).orElseThrow()));
  }

  public void list(Context ctx) {
    ctx.json(Map.of("repositories", repos.list(ApiRequests.org(ctx)).stream().map(this::json).toList()));
  }

  public void get(Context ctx) {
    long id = ApiRequests.pathId(ctx, "id");
    var progress = repos.progress(id); // before the row: a run that ends in between then reads as running, never as done-but-importing
    Repository r = repos.find(ApiRequests.org(ctx), id).orElseThrow(() -> new NotFoundException("no repository " + id));
    Map<String, Object> m = json(r);
    m.put("import", progress.orElse(null));
    ctx.json(m);
  }

  /** Fetches and imports new commits now: 202, or 409 while an import runs. */
  public void importNow(Context ctx) {
    Repository r = find(ctx);
    try {
      ImportProgress p = repos.start(r);
      ctx.status(202).json(Map.of("import", p.snapshot()));
    } catch (RepositoryService.BusyException e) {
      ctx.status(409).json(Map.of("error", "conflict", "message", e.getMessage()));
    }
  }

  /** Stops following: 204; 409 while it imports. */
  public void delete(Context ctx) {
    long id = ApiRequests.pathId(ctx, "id");
    try {
      if (!repos.remove(ApiRequests.org(ctx), id)) {
        throw new NotFoundException("no repository " + id);
      }
      ctx.status(204);
    } catch (RepositoryService.BusyException e) {
      ctx.status(409).json(Map.of("error", "conflict", "message", e.getMessage()));
    }
  }

  private Repository find(Context ctx) {
    long id = ApiRequests.pathId(ctx, "id");
    return repos.find(ApiRequests.org(ctx), id).orElseThrow(() -> new NotFoundException("no repository " + id));
  }

  private Map<String, Object> json(Repository r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", r.id());
    m.put("name", r.name());
    m.put("url", r.url());
    m.put("path", r.path());
    m.put("hasToken", r.tokenSealed() != null);
    m.put("branch", r.branch());
    m.put("excludePaths", lines(r.excludePaths()));
    m.put("includePaths", lines(r.includePaths()));
    m.put("fixPatterns", lines(r.fixPatterns()));
    m.put("state", r.state());
    m.put("headSha", r.headSha());
    m.put("lastFetchAt", r.lastFetchAt() == null ? null : r.lastFetchAt().toString());
    m.put("lastImportAt", r.lastImportAt() == null ? null : r.lastImportAt().toString());
    m.put("lastError", r.lastError());
    m.put("historyNote", r.historyNote());
    m.put("import", repos.progress(r.id()).orElse(null));
    return m;
  }

  private static List<String> lines(String s) {
    return s == null || s.isBlank() ? List.of() : List.of(s.split("\n"));
  }

  private static List<String> list(JsonNode body, String field) {
    JsonNode v = body.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isArray()) {
      throw new IllegalArgumentException("\"" + field + "\" must be an array of strings");
    }
    List<String> out = new ArrayList<>();
    v.forEach(e -> {
      if (!e.isTextual()) {
        throw new IllegalArgumentException("\"" + field + "\" must be an array of strings");
      }
      out.add(e.asText().trim());
    });
    return out;
  }
}
