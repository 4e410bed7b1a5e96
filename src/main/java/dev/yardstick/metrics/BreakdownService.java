package dev.yardstick.metrics;

import dev.yardstick.identity.IdentityResolver;
import dev.yardstick.identity.People.Developer;
import dev.yardstick.identity.People.Team;
import dev.yardstick.metrics.BreakdownAnswers.AcceptanceRow;
import dev.yardstick.metrics.BreakdownAnswers.AdoptionRow;
import dev.yardstick.metrics.BreakdownAnswers.Answer;
import dev.yardstick.metrics.BreakdownAnswers.SpendRow;
import dev.yardstick.metrics.adoption.Interval;
import dev.yardstick.metrics.adoption.KnownDeveloper;
import dev.yardstick.model.ForbiddenException;
import dev.yardstick.model.Role;
import dev.yardstick.people.PeopleService;
import dev.yardstick.storage.BreakdownQueries;
import dev.yardstick.storage.ReportQueries;
import dev.yardstick.storage.RepositoryStore;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Adoption, acceptance and spend of the company or a team (with its sub-teams, by membership on each day), from the
 * report's own resolved and merged day rows and the per-model and per-decision breakdowns, under the report's access
 * rules: a team only for managers of it (never for developers), whole weeks and the minimum group size for viewers
 * who may not see everyone in the figures.
 */
public final class BreakdownService {
  private final ReportService reports;
  private final BreakdownQueries breakdowns;
  private final ReportQueries identities;
  private final RepositoryStore repositories;
  private final PeopleService people;
  /** A page's breakdown reads by window (null: every call reads); see {@link #memoized(ReportService)}. */
  private final java.util.Map<List<Object>, BreakdownRows.Rows> memo;

  public BreakdownService(ReportService reports, BreakdownQueries breakdowns, ReportQueries identities,
      RepositoryStore repositories, PeopleService people) {
    this(reports, breakdowns, identities, repositories, people, null);
  }

  private BreakdownService(ReportService reports, BreakdownQueries breakdowns, ReportQueries identities,
      RepositoryStore repositories, PeopleService people, java.util.Map<List<Object>, BreakdownRows.Rows> memo) {
    this.memo = memo;
    this.reports = reports;
    this.breakdowns = breakdowns;
    this.identities = identities;
    this.repositories = repositories;
    this.people = people;
  }

  /** The window as answered, the team's scope (null: the company) and what the viewer may see. */
  record Window(long orgId, LocalDate from, LocalDate to, String team, Set<Long> scope, boolean restricted,
      IdentityResolver resolver, Viewer viewer) {}

  public Answer<AdoptionRow> adoption(long orgId, LocalDate from, LocalDate to, Interval interval, String team, Viewer viewer) {
    ReportService.checkWindow(from, to, "a window");
    long span = ChronoUnit.DAYS.between(from, to) + 1; // the previous window too
    return reports.kept(orgId, from.minusDays(span), to, java.util.Arrays.asList("adoption", interval, team, viewer),
        () -> adoptionNow(orgId, from, to, interval, team, viewer));
  }

  private Answer<AdoptionRow> adoptionNow(long orgId, LocalDate from, LocalDate to, Interval interval, String team, Viewer viewer) {
    Window w = window(orgId, from, to, team, viewer);
    if (w.restricted() && interval != Interval.WEEK) {
      throw new ForbiddenException("figures of people you may not see individually come by whole weeks: use interval=week");
    }
    long days = ChronoUnit.DAYS.between(w.from(), w.to()) + 1;
    LocalDate previousFrom = w.from().minusDays(days);
    BreakdownTables.Data d = data(w, previousFrom, w.to(), false);
    List<AdoptionRow> rows = BreakdownTables.adoption(d, known(w, w.from(), w.to()), known(w, previousFrom, w.from().minusDays(1)),
        interval, w, previousFrom, reports.minGroupSize());
    return new Answer<>(w.from(), w.to(), w.team(), interval.name().toLowerCase(java.util.Locale.ROOT), rows);
  }

  public Answer<AcceptanceRow> acceptance(long orgId, LocalDate from, LocalDate to, String team, Viewer viewer) {
    ReportService.checkWindow(from, to, "a window");
    return reports.kept(orgId, from, to, java.util.Arrays.asList("acceptance", team, viewer), () -> {
      Window w = window(orgId, from, to, team, viewer);
      return new Answer<>(w.from(), w.to(), w.team(), null,
          BreakdownTables.acceptance(data(w, w.from(), w.to(), true).decisions(), viewer, reports.minGroupSize()));
    });
  }

  public Answer<SpendRow> spend(long orgId, LocalDate from, LocalDate to, String team, Viewer viewer) {
    ReportService.checkWindow(from, to, "a window");
    return reports.kept(orgId, from, to, java.util.Arrays.asList("spend", team, viewer), () -> {
      Window w = window(orgId, from, to, team, viewer);
      return new Answer<>(w.from(), w.to(), w.team(), null,
          BreakdownTables.spend(data(w, w.from(), w.to(), true), w, reports.minGroupSize()));
    });
  }

  /** The report's rows by model or by edit tool, for the company or a team, as the report answers groupBy=org. */
  public Report report(long orgId, LocalDate from, LocalDate to, GroupBy groupBy, String team, Viewer viewer) {
    ReportService.checkWindow(from, to, "a window");
    return reports.kept(orgId, from, to, java.util.Arrays.asList("breakdown", groupBy, team, viewer), () -> {
      Window w = window(orgId, from, to, team, viewer);
      BreakdownTables.Data d = data(w, w.from(), w.to(), true);
      List<ReportRow> rows = groupBy == GroupBy.MODEL ? BreakdownReport.models(BreakdownTables.spend(d, w, reports.minGroupSize()))
          : BreakdownReport.tools(BreakdownTables.acceptance(d.decisions(), viewer, reports.minGroupSize()));
      return new Report(w.from(), w.to(), groupBy, rows);
    });
  }

  /**
   * One developer's cost and tokens by model, as groupBy=model answers them, from only the days on which the viewer
   * sees that developer individually (the rule of groupBy=developer): their own for a developer, a managed team's days
   * for a manager allowed to see individuals, all for an admin.
   */
  public Report developerModels(long orgId, LocalDate from, LocalDate to, long developerId, Viewer viewer) {
    if (viewer.role() == Role.MANAGER && !viewer.seesIndividuals()) {
      throw new ForbiddenException("managers do not see individual numbers in this organization");
    }
    if (viewer.role() == Role.DEVELOPER && !Long.valueOf(developerId).equals(viewer.developerId())) {
      throw new ForbiddenException("developers see their own numbers only");
    }
    ReportService.checkWindow(from, to, "a window");
    return reports.kept(orgId, from, to, java.util.Arrays.asList("developerModels", developerId, viewer),
        () -> developerModelsNow(orgId, from, to, developerId, viewer));
  }

  private Report developerModelsNow(long orgId, LocalDate from, LocalDate to, long developerId, Viewer viewer) {
    // whole days, company scope: the rows are one person's, each kept only where the viewer sees them individually
    Window w = new Window(orgId, from, to, null, null, false, people.resolver(orgId), viewer);
    BreakdownTables.Data d = data(w, from, to, true);
    List<dev.yardstick.metrics.adoption.ModelDay> mine = d.models().stream()
        .filter(m -> m.developer() != null && m.developer() == developerId && viewer.seesIndividually(m.developer(), m.team()))
        .toList();
    List<BreakdownAnswers.SpendRow> spend = dev.yardstick.metrics.adoption.Spend.byModel(mine).stream()
        .map(r -> new BreakdownAnswers.SpendRow("model", r.key(), 1, false, BreakdownTables.tokens(r), r.costUsd(), null)).toList();
    return new Report(from, to, GroupBy.MODEL, BreakdownReport.models(spend));
  }

  /** The callers have checked the window. */
  private Window window(long orgId, LocalDate from, LocalDate to, String teamName, Viewer viewer) {
    IdentityResolver resolver = people.resolver(orgId);
    Set<Long> scope = ImpactService.scope(resolver, teamName, viewer);
    boolean restricted = ImpactService.restricted(viewer, scope);
    if (restricted) { // whole weeks, so that two windows differ by whole cells of SmallGroups, never by a day
      from = SmallGroups.monday(from);
      to = SmallGroups.sunday(to);
    }
    String team = teamName == null ? null : resolver.teamNamed(teamName).map(Team::name).orElseThrow();
    return new Window(orgId, from, to, team, scope, restricted, resolver, viewer);
  }

  /**
   * The same service for one page view, over that page's memoized report service: each window's breakdowns are read
   * once however many answers the page draws from them. Not for sharing between requests.
   */
  public BreakdownService memoized(ReportService pageReports) {
    return new BreakdownService(pageReports, breakdowns, identities, repositories, people,
        new java.util.concurrent.ConcurrentHashMap<>());
  }

  /** The window's rows in scope, less the cells below the minimum group size for this viewer. */
  private BreakdownTables.Data data(Window w, LocalDate from, LocalDate to, boolean breakdown) {
    ReportService.Rows rows = reports.rows(w.orgId(), from, to, w.resolver(), UsageSource.MERGED, false);
    BreakdownRows.Rows b = !breakdown ? new BreakdownRows.Rows(List.of(), List.of())
        : memo == null ? breakdowns(w, from, to, rows)
        : memo.computeIfAbsent(List.of(w.orgId(), from, to, w.resolver()), k -> breakdowns(w, from, to, rows));
    boolean commitsKnown = !repositories.list(w.orgId()).isEmpty() || rows.rows().stream().anyMatch(r -> r.git() != null);
    return BreakdownTables.Data.of(rows.rows(), b, w.scope(), w.viewer(), reports.minGroupSize(), commitsKnown);
  }

  private BreakdownRows.Rows breakdowns(Window w, LocalDate from, LocalDate to, ReportService.Rows rows) {
    return BreakdownRows.of(breakdowns.telemetry(w.orgId(), from, to), breakdowns.adminApi(w.orgId(), from, to), rows.adminDays(),
        identities.identities(w.orgId()), w.resolver());
  }

  /** The developers of the organization (or, for a team, of its teams on some day) with the days they belong to it. */
  private static List<KnownDeveloper> known(Window w, LocalDate from, LocalDate to) {
    List<KnownDeveloper> out = new ArrayList<>();
    for (Developer d : w.resolver().developers()) {
      LocalDate a = d.activeFrom() == null || d.activeFrom().isBefore(from) ? from : d.activeFrom();
      LocalDate b = d.activeTo() == null || d.activeTo().isAfter(to) ? to : d.activeTo();
      LocalDate first = null;
      LocalDate last = null;
      for (LocalDate day = a; !day.isAfter(b); day = day.plusDays(1)) {
        if (w.scope() == null || ImpactService.inScope(w.resolver(), w.scope(), d.id(), day)) {
          first = first == null ? day : first;
          last = day;
        }
        if (w.scope() == null) {
          first = a;
          last = b;
          break;
        }
      }
      if (first != null) {
        out.add(new KnownDeveloper(d.id(), first, last));
      }
    }
    return out;
  }
}
