package dev.yardstick.web.api;

import dev.yardstick.auth.Principal;
import dev.yardstick.people.PeopleService;
import dev.yardstick.profile.ProfileService;
import dev.yardstick.profile.TelemetryStatus;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** GET /api/v1/developers/{id}/telemetry: what has arrived of a developer, and by which path. */
public final class TelemetryStatusApi {
  private final ProfileService profiles;
  private final PeopleService people;

  public TelemetryStatusApi(ProfileService profiles, PeopleService people) {
    this.profiles = profiles;
    this.people = people;
  }

  public void get(Context ctx) {
    Principal p = ApiRequests.principal(ctx);
    long id = DeveloperAccess.visible(people, p, ApiRequests.pathId(ctx, "id")).id();
    ctx.json(json(profiles.status(p.orgId(), id)));
  }

  /** The wire form: instants and dates as ISO-8601 text, null when nothing arrived. */
  public static Map<String, Object> json(TelemetryStatus s) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("firstEventAt", text(s.firstEventAt()));
    out.put("lastEventAt", text(s.lastEventAt()));
    out.put("lastReceivedAt", text(s.lastReceivedAt()));
    out.put("clientVersions", s.clientVersions());
    out.put("terminals", s.terminals());
    out.put("identifiedBy", s.identifiedBy().stream().map(i -> {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("path", i.path());
      m.put("kind", i.kind());
      m.put("attribute", i.attribute());
      m.put("value", i.value());
      m.put("firstSeen", i.firstSeen());
      m.put("lastSeen", i.lastSeen());
      return m;
    }).toList());
    Map<String, Object> admin = new LinkedHashMap<>();
    admin.put("days", s.adminApi().days());
    admin.put("firstDay", s.adminApi().firstDay() == null ? null : s.adminApi().firstDay().toString());
    admin.put("lastDay", s.adminApi().lastDay() == null ? null : s.adminApi().lastDay().toString());
    out.put("adminApi", admin);
    Map<String, Object> git = new LinkedHashMap<>();
    git.put("commits", s.git().commits());
    git.put("firstAt", text(s.git().firstAt()));
    git.put("lastAt", text(s.git().lastAt()));
    out.put("git", git);
    return out;
  }

  private static String text(Instant t) {
    return t == null ? null : t.toString();
  }
}
