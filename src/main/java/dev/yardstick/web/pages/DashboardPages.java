package dev.yardstick.web.pages;

import dev.yardstick.auth.Principal;
import dev.yardstick.identity.IdentityResolver;
import dev.yardstick.identity.People.Developer;
import dev.yardstick.identity.People.Team;
import dev.yardstick.metrics.GroupBy;
import dev.yardstick.metrics.ReportRow;
import dev.yardstick.metrics.Viewer;
import dev.yardstick.model.NotFoundException;
import dev.yardstick.model.Role;
import dev.yardstick.people.PeopleService;
import dev.yardstick.web.api.ApiRequests;
import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The company overview (/) and a team's dashboard (/teams/{id}/dashboard): a window and team chosen by a GET form (a
 * shareable URL), headline cards against the previous period, charts, comparisons and tables, all from DashboardData.
 */
public final class DashboardPages {
  private final DashboardData.Sources sources;
  private final PeopleService people;
  private final SetupChecklist setup;
  private final Function<Context, Viewer> viewer;
  private final Clock clock;

  public static DashboardPages of(dev.yardstick.metrics.ReportService reports, dev.yardstick.metrics.BreakdownService breakdowns,
      dev.yardstick.metrics.ImpactService impact, PeopleService people, SetupChecklist setup, Function<Context, Viewer> viewer,
      Clock clock) {
    return new DashboardPages(new DashboardData.Sources(reports, breakdowns, impact), people, setup, viewer, clock);
  }

  DashboardPages(DashboardData.Sources sources, PeopleService people, SetupChecklist setup,
      Function<Context, Viewer> viewer, Clock clock) {
    this.sources = sources;
    this.people = people;
    this.setup = setup;
    this.viewer = viewer;
    this.clock = clock;
  }

  /** The company page; with a team chosen in its filter, that team's dashboard for the same window. */
  public void company(Context ctx) {
    Principal p = ApiRequests.principal(ctx);
    DateRange range = range(ctx, p);
    String team = ctx.queryParam("team");
    if (team != null && !team.isBlank()) {
      ctx.redirect("/teams/" + teamId(team) + "/dashboard?" + range.query());
      return;
    }
    Viewer v = viewer.apply(ctx);
    GroupBy table = p.role() == Role.DEVELOPER ? null : GroupBy.TEAM;
    DashboardData d = sources.read(p.orgId(), range, null, v, table);
    List<DashboardView.TeamOption> options = teamOptions(v, people.resolver(p.orgId()), null);
    List<DashboardTable> tables = new ArrayList<>();
    if (d.rows() != null) {
      // links only to the dashboards the viewer may open (a manager's row of a parent team holds only their teams' part)
      Map<String, Long> ids = ids(options);
      tables.add(DashboardTable.of("team-table", "Teams in this window", "Team", d.rows(),
          k -> ids.containsKey(k) ? "/teams/" + ids.get(k) + "/dashboard?" + range.query() : null, csv(d, "team")));
    }
    render(ctx, "Dashboard", "dashboard", range, null, d, p.role() == Role.ADMIN ? setup.steps(p.orgId()) : List.of(), tables,
        options);
  }

  /** A team with its sub-teams: 404 for no such team, 403 (from the services) for a team the viewer does not manage. */
  public void team(Context ctx) {
    Principal p = ApiRequests.principal(ctx);
    DateRange range = range(ctx, p);
    IdentityResolver resolver = people.resolver(p.orgId());
    Team team = resolver.team(ApiRequests.pathId(ctx, "id")).orElseThrow(() -> new NotFoundException("There is no such team."));
    Viewer v = viewer.apply(ctx);
    DashboardData d = sources.read(p.orgId(), range, team.name(), v, GroupBy.DEVELOPER);
    List<DashboardView.TeamOption> options = teamOptions(v, resolver, team.id());
    List<DashboardTable> tables = new ArrayList<>();
    Map<String, Long> teamIds = ids(options);
    tables.add(DashboardTable.of("subteam-table", "This team and the teams under it", "Team", d.subTeams(),
        k -> teamIds.containsKey(k) && teamIds.get(k) != team.id() ? "/teams/" + teamIds.get(k) + "/dashboard?" + range.query() : null,
        csv(d, "team")));
    if (d.rows() != null) {
      // the report names developers by the resolver's emails: the same resolver finds their pages
      Map<String, Long> devs = resolver.developers().stream()
          .collect(Collectors.toMap(Developer::email, Developer::id, (a, b) -> a));
      tables.add(DashboardTable.of("developer-table", "Developers in this team", "Developer", d.rows(),
          k -> devs.containsKey(k) ? "/developers/" + devs.get(k) : null, csv(d, "developer")));
    }
    render(ctx, "Team " + team.name(), "teams", range, team.id(), d, List.of(), tables, options);
  }

  private static Map<String, Long> ids(List<DashboardView.TeamOption> options) {
    return options.stream().collect(Collectors.toMap(DashboardView.TeamOption::name, DashboardView.TeamOption::id, (a, b) -> a));
  }

  private void render(Context ctx, String title, String nav, DateRange range, Long teamId, DashboardData d,
      List<SetupChecklist.Step> steps, List<DashboardTable> tables, List<DashboardView.TeamOption> teams) {
    ReportRow now = d.now().rows().getFirst();
    boolean widened = !d.now().from().equals(range.from()) || !d.now().to().equals(range.to());
    DateRange prev = range.previous();
    String withheld = Boolean.TRUE.equals(now.withheld())
        ? (teamId == null ? "Company" : "Team") + " figures are withheld: fewer contributors than the minimum group size." : null;
    List<DashboardView.Link> exports = new ArrayList<>(List.of(new DashboardView.Link("Report (CSV)", csv(d, "org"))));
    if (d.breakdownsRefused() == null) {
      exports.add(new DashboardView.Link("Adoption by week (CSV)", api("adoption", d, "&interval=week")));
      exports.add(new DashboardView.Link("Acceptance (CSV)", api("acceptance", d, "")));
      exports.add(new DashboardView.Link("Spend (CSV)", api("spend", d, "")));
    }
    if (d.impactRefused() == null) {
      exports.add(new DashboardView.Link("Effect on delivery (CSV)", api("impact", d, "")));
    }
    Pages.render(ctx, "dashboard/page.jte", Map.of("view", new DashboardView(Frame.of(ctx, nav), title, range, teams, teamId,
        range.from() + " to " + range.to(), prev.from() + " to " + prev.to(),
        widened ? d.now().from() + " to " + d.now().to() : null, withheld, steps, DashboardCards.of(d), DashboardCharts.of(d),
        d.impact() == null ? List.of() : DashboardImpact.of(d.impact().report()), d.impactRefused(), tables, d.rowsRefused(), exports)));
  }

  private DateRange range(Context ctx, Principal p) {
    LocalDate today = LocalDate.ofInstant(clock.instant(), sources.reports().zone(p.orgId()));
    return DateRange.parse(ctx.queryParam("range"), ctx.queryParam("from"), ctx.queryParam("to"), today);
  }

  private static long teamId(String v) {
    try {
      return Long.parseLong(v.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("team must be a team's id (got \"" + v.substring(0, Math.min(20, v.length())) + "\")");
    }
  }

  /** The teams the viewer may open: all for admins, a manager's own (with those under them: the viewer's), none for developers. */
  private static List<DashboardView.TeamOption> teamOptions(Viewer v, IdentityResolver resolver, Long selected) {
    if (v.role() == Role.DEVELOPER) {
      return List.of();
    }
    var visible = v.role() == Role.ADMIN ? null : v.teamIds();
    return resolver.teams().stream().filter(t -> visible == null || visible.contains(t.id()))
        .sorted(Comparator.comparing(Team::name)).map(t -> new DashboardView.TeamOption(t.id(), t.name(), Long.valueOf(t.id()).equals(selected)))
        .toList();
  }

  private static String csv(DashboardData d, String groupBy) {
    return api("report", d, "&groupBy=" + groupBy);
  }

  private static String api(String path, DashboardData d, String extra) {
    return "/api/v1/" + path + "?from=" + d.now().from() + "&to=" + d.now().to() + extra + teamParam(d.team()) + "&format=csv";
  }

  private static String teamParam(String team) {
    return team == null ? "" : "&team=" + URLEncoder.encode(team, StandardCharsets.UTF_8);
  }
}
