package dev.yardstick.web.api;

import dev.yardstick.auth.Principal;
import dev.yardstick.model.Role;
import dev.yardstick.people.PeopleService;
import dev.yardstick.rollout.RolloutService;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;

/** GET /api/v1/rollout: every developer in the caller's scope with their setup state (managers and admins). */
public final class RolloutApi {
  private final RolloutService rollout;
  private final PeopleService people;

  public RolloutApi(RolloutService rollout, PeopleService people) {
    this.rollout = rollout;
    this.people = people;
  }

  public void get(Context ctx) {
    RolloutService.View v = view(ApiRequests.principal(ctx), ctx.queryParam("team"), ctx.queryParam("silentDays"), rollout, people);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("asOf", v.asOf().toString());
    out.put("silentDays", v.silentDays());
    out.put("team", v.team() == null ? null : v.team().name());
    Map<String, Integer> counts = new LinkedHashMap<>();
    v.counts().forEach((s, n) -> counts.put(s.wire(), n));
    out.put("counts", counts);
    out.put("developers", v.rows().stream().map(RolloutApi::row).toList());
    if (v.unmatched() != null) {
      out.put("unmatchedIdentities", v.unmatched());
    }
    ctx.json(out);
  }

  /**
   * The tracker for a caller, shared by this API and the page: admins see everyone and the unmatched
   * count, managers the developers of the teams they manage (and the teams under them).
   */
  public static RolloutService.View view(Principal p, String team, String silentDays, RolloutService rollout, PeopleService people) {
    int days = RolloutService.silentDays(silentDays);
    boolean admin = p.role() == Role.ADMIN;
    String teamName = team == null || team.isBlank() ? null : team;
    return rollout.view(p.orgId(), admin ? null : people.managedTeamIds(p.orgId(), p.email()), teamName, days, admin);
  }

  private static Map<String, Object> row(RolloutService.Row r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", r.developer().id());
    m.put("email", r.developer().email());
    m.put("name", r.developer().name());
    m.put("team", r.team() == null ? null : r.team().name());
    m.put("state", r.state().wire());
    m.put("firstEventAt", text(r.evidence().firstEventAt()));
    m.put("lastEventAt", text(r.evidence().lastEventAt()));
    m.put("adminApiLastDay", text(r.evidence().adminApiLastDay()));
    m.put("lastCommitAt", text(r.evidence().lastCommitAt()));
    return m;
  }

  private static String text(Object o) {
    return o == null ? null : o.toString();
  }
}
