package dev.yardstick.web.pages;

import static dev.yardstick.web.pages.Html.esc;

import dev.yardstick.auth.Principal;
import dev.yardstick.identity.AliasKind;
import dev.yardstick.identity.People.Developer;
import dev.yardstick.identity.People.RawId;
import dev.yardstick.identity.UnmatchedQueue;
import dev.yardstick.people.PeopleService;
import dev.yardstick.web.api.ApiRequests;
import io.javalin.http.Context;
import java.util.List;

/** The unmatched identities: what was seen, suggestions, and link / create / ignore buttons. */
public final class IdentityPages {
  private final PeopleService people;

  public IdentityPages(PeopleService people) {
    this.people = people;
  }

  public void show(Context ctx) {
    ctx.html(page(ApiRequests.principal(ctx), null, false));
  }

  public void link(Context ctx) {
    act(ctx, p -> people.link(p.orgId(), Long.parseLong(ctx.formParam("developerId")), raw(ctx), p.email()), "Linked.");
  }

  public void create(Context ctx) {
    act(ctx, p -> people.createFromUnmatched(p.orgId(), raw(ctx), null), "Developer created and linked.");
  }

  public void ignore(Context ctx) {
    act(ctx, p -> people.ignore(p.orgId(), raw(ctx)), "Ignored: its data still counts as unattributed.");
  }

  private void act(Context ctx, java.util.function.Consumer<Principal> action, String done) {
    Principal p = ApiRequests.principal(ctx);
    try {
      action.accept(p);
      ctx.html(page(p, done, false));
    } catch (IllegalArgumentException e) {
      ctx.status(400).html(page(p, e.getMessage(), true));
    }
  }

  private static RawId raw(Context ctx) {
    return new RawId(AliasKind.parse(ctx.formParam("kind")), ctx.formParam("value"));
  }

  private String page(Principal p, String message, boolean error) {
    List<UnmatchedQueue.Entry> entries = people.unmatched(p.orgId());
    List<Developer> developers = people.developers(p.orgId());
    StringBuilder b = new StringBuilder(Html.message(message, error));
    b.append("<p class=\"muted\">Data of these identifiers counts as unattributed until you link them to a developer.</p>");
    b.append("<div class=\"table-scroll\" tabindex=\"0\"><table id=\"unmatched\"><tr><th>Identifier</th><th>Seen</th><th>Volume</th><th>Clients</th><th>Suggestions</th>")
        .append("<th>Actions</th></tr>");
    for (UnmatchedQueue.Entry e : entries) {
      String hidden = Html.csrf(p) + "<input type=\"hidden\" name=\"kind\" value=\"" + esc(e.id().kind().wire())
          + "\"><input type=\"hidden\" name=\"value\" value=\"" + esc(e.id().value()) + "\">";
      b.append("<tr><td>").append(esc(e.id().kind().wire())).append(" <code>").append(esc(e.id().value())).append("</code></td><td>")
          .append(esc(e.firstSeen())).append(" – ").append(esc(e.lastSeen())).append("</td><td class=\"n\">").append(e.volume())
          .append("</td><td>").append(esc(String.join(", ", e.clientVersions()))).append(" ")
          .append(esc(String.join(", ", e.terminals()))).append("</td><td>");
      for (UnmatchedQueue.Suggestion s : e.suggestions()) {
        b.append("<div>").append(esc(s.action())).append(" ").append(esc(s.email())).append(": <span class=\"muted\">")
            .append(esc(s.reason())).append("</span></div>");
      }
      b.append("</td><td><form class=\"inline\" method=\"post\" action=\"/identities/link\">").append(hidden)
          .append("<select name=\"developerId\">");
      for (Developer d : developers) {
        b.append("<option value=\"").append(d.id()).append("\">").append(esc(d.email())).append("</option>");
      }
      b.append("</select><button type=\"submit\">Link</button></form>");
      if (e.id().kind() == AliasKind.EMAIL || e.id().kind() == AliasKind.GIT_EMAIL) {
        b.append(" <form class=\"inline\" method=\"post\" action=\"/identities/create\">").append(hidden)
            .append("<button type=\"submit\">Create developer</button></form>");
      }
      b.append(" <form class=\"inline\" method=\"post\" action=\"/identities/ignore\">").append(hidden)
          .append("<button type=\"submit\">Ignore</button></form></td></tr>");
    }
    if (entries.isEmpty()) {
      b.append("<tr><td colspan=\"6\" class=\"muted\">Every identifier belongs to a developer.</td></tr>");
    }
    b.append("</table></div>");
    return Html.page("Unmatched identities", p, "identities", b.toString());
  }
}
