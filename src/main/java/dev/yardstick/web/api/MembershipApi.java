package dev.yardstick.web.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.yardstick.identity.TeamHistory;
import dev.yardstick.people.PeopleService;
import io.javalin.http.Context;
import java.time.LocalDate;
import java.util.Set;

/**
 * /api/v1/developers/{id}/memberships (changes; the list is in DeveloperApi): add a membership and
 * correct or delete one. {@code from} and {@code to} are a membership's first and last day; a null
 * {@code from} is since the start of the developer's data, a null {@code to} still in the team.
 * Memberships of one developer never overlap (409).
 */
public final class MembershipApi {
  private static final String SINCE_THE_START = "since the start";
  private static final String STILL = "still in the team";
  private final PeopleService people;

  public MembershipApi(PeopleService people) {
    this.people = people;
  }

  /** {"team", "from"?, "to"?} → 201 with the membership. */
  public void add(Context ctx) {
    JsonNode body = ApiRequests.body(ctx);
    long org = ApiRequests.org(ctx);
    TeamHistory.Entry e = people.addMembership(org, ApiRequests.pathId(ctx, "id"), ApiRequests.requiredText(body, "team", 200),
        ApiRequests.optionalDate(body, "from", SINCE_THE_START), after(ApiRequests.optionalDate(body, "to", STILL)));
    ctx.status(201).json(PeopleJson.membership(e, people.resolver(org)));
  }

  /** {"from"?, "to"?}: a field left out stays as it is; null opens that end. */
  public void update(Context ctx) {
    JsonNode body = ApiRequests.body(ctx);
    body.fieldNames().forEachRemaining(f -> {
      if (!Set.of("from", "to").contains(f)) {
        throw new IllegalArgumentException("only \"from\" and \"to\" of a membership can be corrected (got \"" + f
            + "\"); for another team, add a membership");
      }
    });
    long org = ApiRequests.org(ctx);
    LocalDate from = ApiRequests.optionalDate(body, "from", SINCE_THE_START);
    LocalDate to = after(ApiRequests.optionalDate(body, "to", STILL));
    TeamHistory.Entry e = people.updateMembership(org, ApiRequests.pathId(ctx, "id"), ApiRequests.pathId(ctx, "membershipId"),
        old -> new TeamHistory.Entry(old.id(), old.teamId(), body.has("from") ? from : old.from(), body.has("to") ? to : old.to()));
    ctx.json(PeopleJson.membership(e, people.resolver(org)));
  }

  public void delete(Context ctx) {
    people.deleteMembership(ApiRequests.org(ctx), ApiRequests.pathId(ctx, "id"), ApiRequests.pathId(ctx, "membershipId"));
    ctx.status(204);
  }

  /** The day after a membership's last day: stored ends are exclusive (the pages convert the same way). */
  public static LocalDate after(LocalDate lastDay) {
    return lastDay == null ? null : lastDay.plusDays(1);
  }
}
