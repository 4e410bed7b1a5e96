package dev.yardstick.web.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.yardstick.auth.Principal;
import dev.yardstick.identity.AliasKind;
import dev.yardstick.identity.IdentityResolver;
import dev.yardstick.identity.People.Developer;
import dev.yardstick.identity.People.RawId;
import dev.yardstick.model.Role;
import dev.yardstick.people.PeopleCsv;
import dev.yardstick.people.PeopleEdits;
import dev.yardstick.people.PeopleService;
import io.javalin.http.Context;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** /api/v1/developers: create, list, read, memberships, aliases, team moves, CSV import and export. */
public final class DeveloperApi {
  private final PeopleService people;
  private final PeopleCsv csv;
  private final PeopleEdits edits;

  public DeveloperApi(PeopleService people) {
    this.people = people;
    this.csv = new PeopleCsv(people);
    this.edits = new PeopleEdits(people);
  }

  public void create(Context ctx) {
    JsonNode body = ApiRequests.body(ctx);
    long org = ApiRequests.org(ctx);
    Developer d = people.createDeveloper(org, ApiRequests.requiredText(body, "email", 320),
        ApiRequests.optionalText(body, "name", 200), ApiRequests.optionalText(body, "team", 200));
    ctx.status(201).json(PeopleJson.developer(d, people.resolver(org), people.today()));
  }

  /** {"email"?, "name"?, "activeFrom"?, "activeTo"?}: a field left out stays; activeTo is the last active day (deactivation). */
  public void update(Context ctx) {
    JsonNode body = ApiRequests.body(ctx);
    body.fieldNames().forEachRemaining(f -> {
      if (!Set.of("email", "name", "activeFrom", "activeTo").contains(f)) {
        throw new IllegalArgumentException("a developer's \"" + f + "\" cannot be changed here (email, name, activeFrom, activeTo);"
            + " teams and aliases have their own routes");
      }
    });
    long org = ApiRequests.org(ctx);
    Developer old = people.developer(org, ApiRequests.pathId(ctx, "id"));
    LocalDate from = ApiRequests.optionalDate(body, "activeFrom", "no first day");
    LocalDate to = ApiRequests.optionalDate(body, "activeTo", "still active");
    Developer d = edits.updateDeveloper(org, old.id(), body.has("email") ? ApiRequests.requiredText(body, "email", 320) : old.email(),
        body.has("name") ? ApiRequests.optionalText(body, "name", 200) : old.name(), body.has("activeFrom") ? from : old.activeFrom(),
        body.has("activeTo") ? to : old.activeTo());
    ctx.json(PeopleJson.developer(d, people.resolver(org), people.today()));
  }

  /** Admins see everyone; managers the developers of their teams. */
  public void list(Context ctx) {
    Principal p = ApiRequests.principal(ctx);
    IdentityResolver resolver = people.resolver(p.orgId());
    Set<Long> teams = p.role() == Role.ADMIN ? null : people.managedTeamIds(p.orgId(), p.email());
    LocalDate today = people.today();
    var rows = people.developers(p.orgId()).stream()
        .filter(d -> teams == null || resolver.teamOn(d.id(), today).map(t -> teams.contains(t.id())).orElse(false))
        .map(d -> PeopleJson.developer(d, resolver, today)).toList();
    ctx.json(Map.of("developers", rows));
  }

  public void get(Context ctx) {
    Principal p = ApiRequests.principal(ctx);
    Developer d = visible(p, ApiRequests.pathId(ctx, "id"));
    IdentityResolver resolver = people.resolver(p.orgId());
    Map<String, Object> out = PeopleJson.developer(d, resolver, people.today());
    out.put("memberships", people.memberships(p.orgId(), d.id()).stream().map(m -> PeopleJson.membership(m, resolver)).toList());
    out.put("aliases", people.aliases(p.orgId(), d.id()).stream().map(PeopleJson::alias).toList());
    ctx.json(out);
  }

  /** The teams a developer was in, earliest first: {"memberships": [{"id", "team", "from", "to"}]}. */
  public void memberships(Context ctx) {
    Principal p = ApiRequests.principal(ctx);
    Developer d = visible(p, ApiRequests.pathId(ctx, "id"));
    IdentityResolver resolver = people.resolver(p.orgId());
    ctx.json(Map.of("memberships", people.memberships(p.orgId(), d.id()).stream().map(m -> PeopleJson.membership(m, resolver)).toList()));
  }

  public void addAlias(Context ctx) {
    JsonNode body = ApiRequests.body(ctx);
    Principal p = ApiRequests.principal(ctx);
    RawId id = new RawId(AliasKind.parse(ApiRequests.requiredText(body, "kind", 20)), ApiRequests.requiredText(body, "value", 512));
    ctx.status(201).json(PeopleJson.alias(people.link(p.orgId(), ApiRequests.pathId(ctx, "id"), id, p.email())));
  }

  public void removeAlias(Context ctx) {
    people.unlink(ApiRequests.org(ctx), ApiRequests.pathId(ctx, "id"), ApiRequests.pathId(ctx, "aliasId"));
    ctx.status(204);
  }

  /** {"team", "from"?}: in the team since {@code from}; without it, a first team covers all their data, a move applies from today. */
  public void moveTeam(Context ctx) {
    JsonNode body = ApiRequests.body(ctx);
    people.moveToTeam(ApiRequests.org(ctx), ApiRequests.pathId(ctx, "id"), ApiRequests.requiredText(body, "team", 200),
        ApiRequests.optionalDate(body, "from", null));
    ctx.status(204);
  }

  public void importCsv(Context ctx) {
    PeopleCsv.ImportResult r = csv.importCsv(ApiRequests.org(ctx), ctx.body());
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("created", r.created());
    out.put("updated", r.updated());
    out.put("teamsCreated", r.teamsCreated());
    out.put("errors", r.errors());
    ctx.json(out);
  }

  public void exportCsv(Context ctx) {
    ctx.contentType("text/csv; charset=utf-8").header("Content-Disposition", "attachment; filename=developers.csv")
        .result(csv.exportCsv(ApiRequests.org(ctx)));
  }

  private Developer visible(Principal p, long id) {
    return DeveloperAccess.visible(people, p, id);
  }
}
