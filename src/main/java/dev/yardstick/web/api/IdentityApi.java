package dev.yardstick.web.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.yardstick.auth.Principal;
import dev.yardstick.identity.AliasKind;
import dev.yardstick.identity.People.RawId;
import dev.yardstick.people.PeopleService;
import io.javalin.http.Context;
import java.util.Map;

/** /api/v1/identities: the unmatched queue and what an admin does with it: link, create, ignore. */
public final class IdentityApi {
  private final PeopleService people;

  public IdentityApi(PeopleService people) {
    this.people = people;
  }

  public void unmatched(Context ctx) {
    ctx.json(Map.of("unmatched", people.unmatched(ApiRequests.org(ctx)).stream().map(PeopleJson::unmatched).toList()));
  }

  public void link(Context ctx) {
    JsonNode body = ApiRequests.body(ctx);
    Principal p = ApiRequests.principal(ctx);
    JsonNode id = body.get("developerId");
    if (id == null || !id.isIntegralNumber() || !id.canConvertToLong()) {
      throw new IllegalArgumentException("\"developerId\" is required and must be a number");
    }
    long developer = id.asLong();
    ctx.status(201).json(PeopleJson.alias(people.link(p.orgId(), developer, rawId(body), p.email())));
  }

  public void ignore(Context ctx) {
    people.ignore(ApiRequests.org(ctx), rawId(ApiRequests.body(ctx)));
    ctx.status(204);
  }

  public void createDeveloper(Context ctx) {
    JsonNode body = ApiRequests.body(ctx);
    long org = ApiRequests.org(ctx);
    var d = people.createFromUnmatched(org, rawId(body), ApiRequests.optionalText(body, "name", 200));
    ctx.status(201).json(PeopleJson.developer(d, people.resolver(org), people.today()));
  }

  private static RawId rawId(JsonNode body) {
    return new RawId(AliasKind.parse(ApiRequests.requiredText(body, "kind", 20)), ApiRequests.requiredText(body, "value", 512));
  }
}
