package dev.yardstick.web.pages;

import dev.yardstick.auth.Principal;
import dev.yardstick.identity.AliasKind;
import dev.yardstick.identity.IdentityResolver;
import dev.yardstick.identity.People.Developer;
import dev.yardstick.identity.People.RawId;
import dev.yardstick.identity.People.Team;
import dev.yardstick.identity.TeamHistory;
import dev.yardstick.people.PeopleEdits;
import dev.yardstick.people.PeopleService;
import dev.yardstick.web.api.ApiRequests;
import dev.yardstick.web.api.MembershipApi;
import io.javalin.http.Context;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * /developers/{id}/edit (admins): a developer's email, name and active days, their teams with dates (a move from
 * a day, corrections, deletions) and their aliases. Each form posts to its own route and comes back here.
 */
public final class DeveloperEditPages {
  private static final Map<String, String> DONE = Map.of("created", "Developer added.", "details", "Details saved.",
      "moved", "Team changed.", "added", "Membership added.", "membership", "Membership corrected.", "deleted",
      "Membership deleted.", "alias", "Alias added.",
      "unlinked", "Alias removed.");
  private final PeopleService people;
  private final PeopleEdits edits;

  public DeveloperEditPages(PeopleService people) {
    this.people = people;
    this.edits = new PeopleEdits(people);
  }

  /** A membership as shown: {@code to} is its last day (inclusive), blank ends open. */
  public record Line(long id, String team, String from, String to) {}

  public void show(Context ctx) {
    render(ctx, FormState.NONE);
  }

  public void details(Context ctx) {
    change(ctx, "details", (org, id) -> edits.updateDeveloper(org, id, ctx.formParam("email"), ctx.formParam("name"),
        date(ctx, "activeFrom"), date(ctx, "activeTo")));
  }

  public void move(Context ctx) {
    change(ctx, "moved", (org, id) -> {
      String team = ctx.formParam("team");
      if (team == null || team.isBlank()) {
        throw new IllegalArgumentException("choose the team to move to");
      }
      people.moveToTeam(org, id, team, date(ctx, "from"));
    });
  }

  /** A membership with both ends, as a past team or a stint: refused when it overlaps another (the message names it). */
  public void addMembership(Context ctx) {
    change(ctx, "added", (org, id) -> {
      String team = ctx.formParam("team");
      if (team == null || team.isBlank()) {
        throw new IllegalArgumentException("choose the team");
      }
      LocalDate from = date(ctx, "from");
      LocalDate last = date(ctx, "to");
      if (from == null || last == null) {
        throw new IllegalArgumentException("give both the first and the last day (to move from a day on, use Move)");
      }
      people.addMembership(org, id, team, from, MembershipApi.after(last));
    });
  }

  public void membership(Context ctx) {
    long mid = ApiRequests.pathId(ctx, "membershipId");
    change(ctx, "membership", (org, id) -> {
      LocalDate from = date(ctx, "from");
      LocalDate to = MembershipApi.after(date(ctx, "to"));
      people.updateMembership(org, id, mid, old -> new TeamHistory.Entry(old.id(), old.teamId(), from, to));
    });
  }

  public void deleteMembership(Context ctx) {
    long mid = ApiRequests.pathId(ctx, "membershipId");
    change(ctx, "deleted", (org, id) -> people.deleteMembership(org, id, mid));
  }

  public void addAlias(Context ctx) {
    change(ctx, "alias", (org, id) -> people.link(org, id, new RawId(AliasKind.parse(String.valueOf(ctx.formParam("kind"))),
        String.valueOf(ctx.formParam("value"))), ApiRequests.principal(ctx).email()));
  }

  public void removeAlias(Context ctx) {
    long alias = ApiRequests.pathId(ctx, "aliasId");
    change(ctx, "unlinked", (org, id) -> people.unlink(org, id, alias));
  }

  private interface Change {
    void run(long org, long developerId);
  }

  /** Runs a form's change: back to the page with a word of what was done, or the page again with the form as typed. */
  private void change(Context ctx, String done, Change change) {
    Principal p = ApiRequests.principal(ctx);
    long id = ApiRequests.pathId(ctx, "id");
    people.developer(p.orgId(), id); // 404 before anything else
    String form = ctx.formParam("form");
    FormState.submit(ctx, form == null ? done : form, () -> {
      change.run(p.orgId(), id);
      return "/developers/" + id + "/edit?done=" + done;
    }, refused -> render(ctx, refused));
  }

  private void render(Context ctx, FormState form) {
    Principal p = ApiRequests.principal(ctx);
    Developer d = people.developer(p.orgId(), ApiRequests.pathId(ctx, "id"));
    IdentityResolver resolver = people.resolver(p.orgId());
    List<Line> lines = people.memberships(p.orgId(), d.id()).stream().map(m -> new Line(m.id(),
        resolver.team(m.teamId()).map(Team::name).orElse("?"), m.from() == null ? "" : m.from().toString(),
        m.to() == null ? "" : m.to().minusDays(1).toString())).toList();
    Map<String, Object> params = new HashMap<>();
    params.put("frame", Frame.of(ctx, "developers"));
    params.put("d", d);
    params.put("team", resolver.teamOn(d.id(), people.today()).map(Team::name).orElse(""));
    params.put("lines", lines);
    params.put("aliases", people.aliases(p.orgId(), d.id()));
    params.put("kinds", Arrays.stream(AliasKind.values()).filter(k -> k != AliasKind.INGEST_TOKEN).map(AliasKind::wire).toList());
    params.put("teams", resolver.teams().stream().map(Team::name).sorted(String.CASE_INSENSITIVE_ORDER).toList());
    params.put("form", form);
    params.put("done", DONE.getOrDefault(String.valueOf(ctx.queryParam("done")), ""));
    Pages.render(ctx, "developers/edit.jte", params);
  }

  /** A date field as YYYY-MM-DD (what a date input sends); blank is null. */
  private static LocalDate date(Context ctx, String field) {
    String v = ctx.formParam(field);
    if (v == null || v.isBlank()) {
      return null;
    }
    try {
      return LocalDate.parse(v.trim());
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(field + " must be a date as YYYY-MM-DD (got \"" + v + "\")");
    }
  }
}
