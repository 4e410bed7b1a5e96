package dev.yardstick.web.pages;

import static dev.yardstick.web.pages.Html.esc;

import dev.yardstick.auth.Principal;
import dev.yardstick.repos.ImportProgress;
import dev.yardstick.repos.RepositoryService;
import dev.yardstick.repos.RepositorySources;
import dev.yardstick.storage.RepositoryStore.Repository;
import dev.yardstick.web.api.ApiRequests;
import io.javalin.http.Context;
import java.util.List;

/** Repositories: what is followed, import progress, the last error and history rewrites; add one; import now. */
public final class RepositoryPages {
  private final RepositoryService repos;

  public RepositoryPages(RepositoryService repos) {
    this.repos = repos;
  }

  public void show(Context ctx) {
    ctx.html(page(ApiRequests.principal(ctx), ctx.queryParam("ok") != null ? ctx.queryParam("ok") : ctx.queryParam("error"),
        ctx.queryParam("ok") == null));
  }

  /** Post/redirect/get: reloading the page (it reloads itself while work runs) never submits the form again. */
  private static void done(Context ctx, String message, boolean error) {
    ctx.redirect("/repositories?" + (error ? "error=" : "ok=") + java.net.URLEncoder.encode(message,
        java.nio.charset.StandardCharsets.UTF_8), io.javalin.http.HttpStatus.SEE_OTHER);
  }

  public void add(Context ctx) {
    Principal p = ApiRequests.principal(ctx);
    try {
      String source = ctx.formParam("source") == null ? "" : ctx.formParam("source").trim();
      boolean url = RepositorySources.looksLikeUrl(source);
      Repository r = repos.add(p.orgId(), new RepositoryService.NewRepository(blank(ctx.formParam("name")), url ? source : null,
          url ? null : blank(source), blank(ctx.formParam("token")), blank(ctx.formParam("branch")), null, null, null));
      repos.start(r);
      done(ctx, "Added " + r.name() + "; the import has started.", false);
    } catch (IllegalArgumentException e) {
      done(ctx, e.getMessage(), true);
    }
  }

  public void importNow(Context ctx) {
    Principal p = ApiRequests.principal(ctx);
    long id = ApiRequests.pathId(ctx, "id");
    try {
      repos.start(repos.find(p.orgId(), id).orElseThrow(() -> new IllegalArgumentException("no repository " + id)));
      done(ctx, "Import started.", false);
    } catch (IllegalArgumentException | RepositoryService.BusyException e) {
      done(ctx, e.getMessage(), true);
    }
  }

  private static String blank(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }

  private String page(Principal p, String message, boolean error) {
    List<Repository> list = repos.list(p.orgId());
    boolean running = list.stream().anyMatch(r -> repos.progress(r.id()).map(x -> x.state().equals("running")).orElse(false));
    StringBuilder b = new StringBuilder(Html.refreshWhile(running)).append(Html.message(message, error));
    b.append("<div class=\"table-scroll\" tabindex=\"0\"><table id=\"repositories\"><tr><th>Name</th><th>Source</th><th>State</th><th>Import</th><th></th></tr>");
    for (Repository r : list) {
      b.append("<tr><td>").append(esc(r.name())).append("</td><td><code>").append(esc(r.url() != null ? r.url() : r.path()))
          .append("</code>").append(r.branch() == null ? "" : " (" + esc(r.branch()) + ")").append("</td><td>")
          .append(esc(r.state())).append(r.lastError() == null ? "" : "<div class=\"err\">" + esc(r.lastError()) + "</div>")
          .append(r.historyNote() == null ? "" : "<div class=\"muted\">" + esc(r.historyNote()) + "</div>").append("</td><td>");
      repos.progress(r.id()).ifPresentOrElse(x -> b.append(bar(x)),
          () -> b.append(esc(r.lastImportAt() == null ? "not imported yet" : "imported " + r.lastImportAt())));
      b.append("</td><td><form class=\"inline\" method=\"post\" action=\"/repositories/").append(r.id()).append("/import\">")
          .append(Html.csrf(p)).append("<button type=\"submit\">Import now</button></form></td></tr>");
    }
    if (list.isEmpty()) {
      b.append("<tr><td colspan=\"5\" class=\"muted\">No repository yet.</td></tr>");
    }
    b.append("</table></div><div class=\"box\"><h2>Follow a repository</h2><form method=\"post\" action=\"/repositories\">")
        .append(Html.csrf(p)).append("<p><label>Name <input name=\"name\" required></label> <label>Path on this server or")
        .append(" https clone URL <input name=\"source\" size=\"40\" required></label></p><p><label>Branch <input name=\"branch\"")
        .append(" placeholder=\"default\"></label> <label>Token (private https) <input name=\"token\" type=\"password\"")
        .append(" autocomplete=\"off\"></label> <button type=\"submit\">Add and import</button></p></form>")
        .append("<p class=\"muted\">Only commit metadata and line counts are kept, never source code.</p></div>");
    return Html.page("Repositories", p, "repositories", b.toString());
  }

  private static String bar(ImportProgress.Snapshot s) {
    boolean running = s.state().equals("running");
    return Html.progress(s.done(), s.total(), (running ? s.phase() + " " : "") + s.done() + "/" + s.total() + " commits, "
        + s.newCommits() + " new" + (running ? "" : ", " + s.state()) + (s.error() == null ? "" : ": " + s.error()))
        + (s.note() == null ? "" : "<div class=\"muted\">" + esc(s.note()) + "</div>");
  }
}
