package dev.yardstick.web.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.yardstick.auth.Principal;
import dev.yardstick.identity.IdentityResolver;
import dev.yardstick.identity.People.Team;
import dev.yardstick.model.Role;
import dev.yardstick.people.PeopleService;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** /api/v1/teams: nested teams with their managers. */
public final class TeamApi {
  private final PeopleService people;

  public TeamApi(PeopleService people) {
    this.people = people;
  }

  public void create(Context ctx) {
    JsonNode body = ApiRequests.body(ctx);
    List<String> managers = new ArrayList<>();
    body.path("managers").forEach(m -> managers.add(m.asText()));
    long id = people.createTeam(ApiRequests.org(ctx), ApiRequests.requiredText(body, "name", 200),
        ApiRequests.optionalText(body, "parent", 200), managers);
    ctx.status(201).json(Map.of("id", id));
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
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("id", t.id());
      m.put("name", t.name());
      m.put("parent", t.parentId() == null ? null : resolver.teamAndAncestors(t.parentId()).getFirst().name());
      m.put("managers", managers.getOrDefault(t.id(), List.of()));
      out.add(m);
    }
    ctx.json(Map.of("teams", out));
  }
}
