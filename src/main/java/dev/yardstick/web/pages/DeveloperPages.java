package dev.yardstick.web.pages;

import static dev.yardstick.web.pages.Html.esc;

import dev.yardstick.auth.Principal;
import dev.yardstick.identity.IdentityResolver;
import dev.yardstick.identity.People.Developer;
import dev.yardstick.model.Role;
import dev.yardstick.people.PeopleService;
import dev.yardstick.web.api.ApiRequests;
import io.javalin.http.Context;
import java.time.LocalDate;
import java.util.Set;

/** Developers and their teams; admins add developers here. */
public final class DeveloperPages {
  private final PeopleService people;

  public DeveloperPages(PeopleService people) {
    this.people = people;
  }

  public void show(Context ctx) {
    ctx.html(page(ApiRequests.principal(ctx), null, false));
  }

  public void create(Context ctx) {
    Principal p = ApiRequests.principal(ctx);
    try {
      people.createDeveloper(p.orgId(), ctx.formParam("email"), ctx.formParam("name"), ctx.formParam("team"));
      ctx.html(page(p, "Developer added.", false));
    } catch (IllegalArgumentException e) {
      ctx.status(400).html(page(p, e.getMessage(), true));
    }
  }

  private String page(Principal p, String message, boolean error) {
    IdentityResolver resolver = people.resolver(p.orgId());
    LocalDate today = people.today();
    Set<Long> teams = p.role() == Role.ADMIN ? null : people.managedTeamIds(p.orgId(), p.email());
    StringBuilder b = new StringBuilder(Html.message(message, error));
    b.append("<div class=\"table-scroll\" tabindex=\"0\"><table id=\"developers\"><tr><th>Email</th><th>Name</th><th>Team</th></tr>");
    for (Developer d : people.developers(p.orgId())) {
      var team = resolver.teamOn(d.id(), today);
      if (teams != null && team.map(t -> !teams.contains(t.id())).orElse(true)) {
        continue;
      }
      b.append("<tr><td><a href=\"/developers/").append(d.id()).append("\">").append(esc(d.email())).append("</a></td><td>").append(esc(d.name())).append("</td><td>")
          .append(esc(team.map(t -> t.name()).orElse(""))).append("</td></tr>");
    }
    b.append("</table></div>");
    if (p.role() == Role.ADMIN) {
      b.append("<form class=\"box\" method=\"post\" action=\"/developers\">").append(Html.csrf(p))
          .append("<h2>Add a developer</h2><p><input name=\"email\" type=\"email\" placeholder=\"email\" required> ")
          .append("<input name=\"name\" placeholder=\"name\"> <input name=\"team\" placeholder=\"team\"> ")
          .append("<button type=\"submit\">Add</button></p></form>");
    }
    return Html.page("Developers", p, "developers", b.toString());
  }
}
