package dev.yardstick.web.pages;

import dev.yardstick.auth.Principal;
import dev.yardstick.identity.IdentityResolver;
import dev.yardstick.identity.People.Team;
import dev.yardstick.model.NotFoundException;
import dev.yardstick.model.Role;
import dev.yardstick.people.PeopleEdits;
import dev.yardstick.people.PeopleService;
import dev.yardstick.web.api.ApiRequests;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** /teams: the nested teams with managers and members; admins create, rename, move and set managers, managers read theirs. */
public final class TeamPages {
  private static final Map<String, String> DONE = Map.of("created", "Team created.", "saved", "Team saved.");
  private final PeopleService people;
  private final PeopleEdits edits;

  public TeamPages(PeopleService people) {
    this.people = people;
    this.edits = new PeopleEdits(people);
  }

  public void show(Context ctx) {
    render(ctx, FormState.NONE);
  }

  public void create(Context ctx) {
    Principal p = ApiRequests.principal(ctx);
    FormState.submit(ctx, "create", () -> {
      edits.createTeam(p.orgId(), ctx.formParam("name"), ctx.formParam("parent"), PeopleEdits.managerList(ctx.formParam("managers")));
      return "/teams?done=created";
    }, form -> render(ctx, form));
  }

  public void edit(Context ctx) {
    renderEdit(ctx, FormState.NONE);
  }

  public void update(Context ctx) {
    Principal p = ApiRequests.principal(ctx);
    long id = ApiRequests.pathId(ctx, "id");
    team(p, id);
    FormState.submit(ctx, "team", () -> {
      edits.updateTeam(p.orgId(), id, ctx.formParam("name"), ctx.formParam("parent"), PeopleEdits.managerList(ctx.formParam("managers")));
      return "/teams?done=saved";
    }, form -> renderEdit(ctx, form));
  }

  private void render(Context ctx, FormState form) {
    Principal p = ApiRequests.principal(ctx);
    IdentityResolver resolver = people.resolver(p.orgId());
    Set<Long> visible = p.role() == Role.ADMIN ? null : people.managedTeamIds(p.orgId(), p.email());
    List<TeamTree.Row> rows = TeamTree.rows(resolver, List.copyOf(resolver.developers()), people.today(), people.teamManagers(p.orgId()), visible);
    Pages.render(ctx, "teams/list.jte", Map.of("frame", Frame.of(ctx, "teams"), "rows", rows, "names", names(resolver),
        "form", form, "done", DONE.getOrDefault(String.valueOf(ctx.queryParam("done")), "")));
  }

  private void renderEdit(Context ctx, FormState form) {
    Principal p = ApiRequests.principal(ctx);
    Team team = team(p, ApiRequests.pathId(ctx, "id"));
    IdentityResolver resolver = people.resolver(p.orgId());
    String parent = team.parentId() == null ? "" : resolver.team(team.parentId()).map(Team::name).orElse("");
    String managers = String.join(", ", people.teamManagers(p.orgId()).getOrDefault(team.id(), List.of()));
    List<String> parents = names(resolver).stream().filter(n -> !n.equals(team.name())).toList();
    Pages.render(ctx, "teams/edit.jte", Map.of("frame", Frame.of(ctx, "teams"), "team", team, "parent", parent,
        "managers", managers, "names", parents, "form", form));
  }

  private Team team(Principal p, long id) {
    return people.resolver(p.orgId()).team(id).orElseThrow(() -> new NotFoundException("no team " + id));
  }

  private static List<String> names(IdentityResolver resolver) {
    return resolver.teams().stream().map(Team::name).sorted(String.CASE_INSENSITIVE_ORDER).toList();
  }

}
