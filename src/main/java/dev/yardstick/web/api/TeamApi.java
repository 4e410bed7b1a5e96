package dev.yardstick.web.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.yardstick.auth.Principal;
import dev.yardstick.identity.IdentityResolver;
import dev.yardstick.identity.People.Team;
import dev.yardstick.model.Role;
import dev.yardstick.people.PeopleEdits;
import dev.yardstick.people.PeopleService;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** /api/v1/teams: nested teams with their managers. */
public final class TeamApi {
  private static final String MANAGERS = "\"managers\" must be a list of email addresses";
  private final PeopleService people;
  private final PeopleEdits edits;

  public TeamApi(PeopleService people) {
    this.people = people;
    this.edits = new PeopleEdits(people);
  }

  /** {"name"?, "parent"?, "managers"?}: rename, move (parent null: to the top) and replace the managers; a field left out stays. */
  public void update(Context ctx) {
    JsonNode body = ApiRequests.body(ctx);
    long org = ApiRequests.org(ctx);
    long id = ApiRequests.pathId(ctx, "id");
    IdentityResolver before = people.resolver(org);
    Team old = before.team(id).orElseThrow(() -> new dev.yardstick.model.NotFoundException("no team " + id));
    String parent = body.has("parent") ? ApiRequests.optionalText(body, "parent", 200)
        : old.parentId() == null ? null : before.team(old.parentId()).map(Team::name).orElse(null);
    List<String> managers = body.has("managers") ? managers(body) : people.teamManagers(org).getOrDefault(id, List.of());
    edits.updateTeam(org, id, body.has("name") ? ApiRequests.requiredText(body, "name", 200) : old.name(), parent, managers);
    IdentityResolver resolver = people.resolver(org);
    ctx.json(PeopleJson.team(resolver.team(id).orElseThrow(), resolver, people.teamManagers(org).getOrDefault(id, List.of())));
  }

  /** {"name", "parent"?, "managers"?}: 201 with the new team, or 200 with the one of that name, updated. */
  public void create(Context ctx) {
    JsonNode body = ApiRequests.body(ctx);
    long org = ApiRequests.org(ctx);
    PeopleService.TeamSaved saved = people.saveTeam(org, ApiRequests.requiredText(body, "name", 200),
        ApiRequests.optionalText(body, "parent", 200), managers(body));
    IdentityResolver resolver = people.resolver(org);
    Team team = resolver.team(saved.id()).orElseThrow();
    ctx.status(saved.created() ? 201 : 200).json(PeopleJson.team(team, resolver, people.teamManagers(org).getOrDefault(team.id(), List.of())));
  }

  private static List<String> managers(JsonNode body) {
    JsonNode list = body.path("managers");
    List<String> managers = new ArrayList<>();
    if (!list.isMissingNode() && !list.isNull()) {
      if (!list.isArray()) {
        throw new IllegalArgumentException(MANAGERS);
      }
      for (JsonNode m : list) {
        if (!m.isTextual()) {
          throw new IllegalArgumentException(MANAGERS);
        }
        managers.add(m.asText());
      }
    }
    return managers;
  }

  /** Admins see every team, managers the teams they manage (and those under them). */
  public void list(Context ctx) {
    Principal p = ApiRequests.principal(ctx);
    IdentityResolver resolver = people.resolver(p.orgId());
    Set<Long> mine = p.role() == Role.ADMIN ? null : people.managedTeamIds(p.orgId(), p.email());
    Map<Long, List<String>> managers = people.teamManagers(p.orgId());
    List<Map<String, Object>> out = new ArrayList<>();
    for (Team t : resolver.teams().stream().sorted(java.util.Comparator.comparing(Team::name)).toList()) {
      if (mine != null && !mine.contains(t.id())) {
        continue;
      }
      out.add(PeopleJson.team(t, resolver, managers.getOrDefault(t.id(), List.of())));
    }
    ctx.json(Map.of("teams", out));
  }
}
