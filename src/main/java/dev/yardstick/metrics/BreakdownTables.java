package dev.yardstick.metrics;

import dev.yardstick.identity.People.Team;
import dev.yardstick.metrics.BreakdownAnswers.AcceptanceRow;
import dev.yardstick.metrics.BreakdownAnswers.AdoptionRow;
import dev.yardstick.metrics.BreakdownAnswers.SpendRow;
import dev.yardstick.metrics.BreakdownAnswers.Tokens;
import dev.yardstick.metrics.SmallGroups.Fate;
import dev.yardstick.metrics.adoption.Acceptance;
import dev.yardstick.metrics.adoption.ActivityDay;
import dev.yardstick.metrics.adoption.Adoption;
import dev.yardstick.metrics.adoption.Cohorts;
import dev.yardstick.metrics.adoption.Cohorts.Cohort;
import dev.yardstick.metrics.adoption.CommitDay;
import dev.yardstick.metrics.adoption.DecisionRow;
import dev.yardstick.metrics.adoption.Interval;
import dev.yardstick.metrics.adoption.KnownDeveloper;
import dev.yardstick.metrics.adoption.ModelDay;
import dev.yardstick.metrics.adoption.Spend;
import dev.yardstick.model.Role;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/** Pure: the rows of the adoption, acceptance and spend answers from a window's resolved rows. */
final class BreakdownTables {
  private static final double[] NO_VALUES = new double[0];

  private BreakdownTables() {}

  /** A window's rows in the viewer's scope, less those in cells below the minimum group size (SmallGroups). */
  record Data(List<ResolvedRow> rows, List<ModelDay> models, List<DecisionRow> decisions, boolean commitsKnown) {
    static Data of(List<ResolvedRow> rows, BreakdownRows.Rows b, Set<Long> scope, Viewer viewer, int minGroupSize,
        boolean commitsKnown) {
      List<ResolvedRow> inScope = rows.stream().filter(r -> in(scope, r.teamId())).toList();
      List<ModelDay> models = b.models().stream().filter(m -> in(scope, m.team())).toList();
      List<DecisionRow> decisions = b.decisions().stream().filter(d -> in(scope, d.team())).toList();
      // one list, so that a breakdown row shares the cell (team, week, usage) of its day row
      List<ResolvedRow> cells = new ArrayList<>(inScope);
      models.forEach(m -> cells.add(new ResolvedRow(m.day(), m.developer(), m.team(), NO_VALUES, true, null)));
      decisions.forEach(d -> cells.add(new ResolvedRow(d.day(), d.developer(), d.team(), NO_VALUES, true, null)));
      Fate[] fates = SmallGroups.fates(cells, viewer, minGroupSize);
      List<ResolvedRow> keptRows = new ArrayList<>();
      List<ModelDay> keptModels = new ArrayList<>();
      List<DecisionRow> keptDecisions = new ArrayList<>();
      for (int i = 0; i < fates.length; i++) {
        if (fates[i] == Fate.LEFT_OUT) {
          continue;
        }
        int m = i - inScope.size();
        if (m < 0) {
          keptRows.add(inScope.get(i));
        } else if (m < models.size()) {
          keptModels.add(models.get(m));
        } else {
          keptDecisions.add(decisions.get(m - models.size()));
        }
      }
      return new Data(keptRows, keptModels, keptDecisions, commitsKnown);
    }

    private static boolean in(Set<Long> scope, Long team) {
      return scope == null || team != null && scope.contains(team);
    }

    List<CommitDay> commits() {
      return commitsKnown ? AdoptionRows.commits(rows) : null;
    }
  }

  static List<AdoptionRow> adoption(Data d, List<KnownDeveloper> known, List<KnownDeveloper> previousKnown, Interval interval,
      BreakdownService.Window w, LocalDate previousFrom, int minGroupSize) {
    List<ActivityDay> activity = AdoptionRows.activity(d.rows());
    Map<Long, Cohort> now = Cohorts.of(activity, known, w.from(), w.to());
    Map<Long, Cohort> before = Cohorts.of(activity, previousKnown, previousFrom, w.from().minusDays(1));
    // counts of people, by period and cohort: too few people in the scope and they would be counts of individuals
    boolean withheld = w.restricted() && now.size() < minGroupSize;
    List<AdoptionRow> out = new ArrayList<>();
    for (Adoption.PeriodAdoption p : Adoption.byPeriod(activity, d.commits(), known, interval, w.from(), w.to())) {
      out.add(new AdoptionRow("period", p.period(), p.knownDevelopers(), null, withheld, withheld ? null : p));
    }
    Map<Cohort, Integer> counts = Cohorts.counts(now);
    Map<Cohort, Integer> previous = Cohorts.counts(before);
    for (Cohort c : Cohort.values()) {
      out.add(new AdoptionRow("cohort", name(c), withheld ? null : counts.get(c), withheld ? null : previous.get(c), withheld, null));
    }
    Cohorts.Movement m = Cohorts.movement(before, now);
    m.moved().forEach((a, to) -> to.forEach((b, n) -> out.add(new AdoptionRow("movement", name(a) + "->" + name(b),
        withheld ? null : n, null, withheld, null))));
    out.add(new AdoptionRow("movement", "joined", withheld ? null : m.joined(), null, withheld, null));
    out.add(new AdoptionRow("movement", "left", withheld ? null : m.left(), null, withheld, null));
    return out;
  }

  private static String name(Cohort c) {
    return c.name().toLowerCase(Locale.ROOT);
  }

  static List<AcceptanceRow> acceptance(List<DecisionRow> rows, Viewer viewer, int minGroupSize) {
    GroupRows groups = new GroupRows(viewer, minGroupSize);
    for (DecisionRow r : rows) {
      groups.add("all\0all", r.developer(), r.team());
      groups.add("tool\0" + Acceptance.tool(r.tool()), r.developer(), r.team());
      groups.add("language\0" + (r.language() == null ? Acceptance.NOT_REPORTED : r.language()), r.developer(), r.team());
      groups.add("source\0" + Acceptance.sourceClass(r.source()), r.developer(), r.team());
    }
    Acceptance.Result result = Acceptance.of(rows);
    List<AcceptanceRow> out = new ArrayList<>();
    add(out, groups, "all", Map.of("all", result.all()));
    add(out, groups, "tool", result.byTool());
    add(out, groups, "language", result.byLanguage());
    add(out, groups, "source", result.bySource());
    return out;
  }

  private static void add(List<AcceptanceRow> out, GroupRows groups, String dimension, Map<String, Acceptance.Rate> rates) {
    rates.forEach((key, r) -> {
      String k = dimension + "\0" + key;
      out.add(groups.withheld(k) ? new AcceptanceRow(dimension, key, groups.developers(k), true, null, null, null)
          : new AcceptanceRow(dimension, key, groups.developers(k), false, r.accepted(), r.rejected(), r.rate()));
    });
  }

  static List<SpendRow> spend(Data d, BreakdownService.Window w, int minGroupSize) {
    Viewer viewer = w.viewer();
    GroupRows groups = new GroupRows(viewer, minGroupSize);
    Function<Long, List<String>> teams = id -> w.resolver().teamAndAncestors(id).stream().map(Team::name).toList();
    Set<String> visibleTeams = new HashSet<>();
    w.resolver().teams().stream().filter(t -> (viewer.role() == Role.ADMIN || viewer.teamIds().contains(t.id()))
        && (w.scope() == null || w.scope().contains(t.id()))).forEach(t -> visibleTeams.add(t.name()));
    for (ModelDay m : d.models()) {
      groups.add("unit\0total", m.developer(), m.team());
      groups.add("model\0" + (m.model().isEmpty() ? Spend.NO_MODEL : m.model()), m.developer(), m.team());
      for (String t : m.developer() == null ? List.of(Spend.UNATTRIBUTED) : m.team() == null ? List.of(Spend.NO_TEAM)
          : teams.apply(m.team())) {
        groups.add("team\0" + t, m.developer(), m.team());
      }
    }
    List<SpendRow> out = new ArrayList<>();
    Spend.byModel(d.models()).forEach(r -> out.add(row("model", r, groups)));
    List<ModelDay> individuals = d.models().stream().filter(m -> viewer.seesIndividually(m.developer(), m.team())).toList();
    Spend.byDeveloper(individuals, id -> w.resolver().developer(id).map(x -> x.email()).orElse("developer " + id))
        .forEach(r -> out.add(new SpendRow("developer", r.key(), null, false, tokens(r), r.costUsd(), null)));
    if (viewer.role() != Role.DEVELOPER) { // developers see their own numbers and the company's, not teams'
      Spend.byTeam(d.models(), teams).stream().filter(r -> visibleTeams.contains(r.key())
          || viewer.role() == Role.ADMIN && w.scope() == null).forEach(r -> out.add(row("team", r, groups)));
    }
    Spend.UnitCosts u = Spend.unitCosts(d.models(), AdoptionRows.activity(d.rows()), d.commits());
    boolean withheld = groups.withheld("unit\0total");
    int developers = groups.developers("unit\0total");
    out.add(unit("total", u.costUsd(), null, developers, withheld));
    out.add(unit("perActiveDeveloper", u.perActiveDeveloper(), (long) u.activeDevelopers(), developers, withheld));
    out.add(unit("perCommit", u.perCommit(), u.commits(), developers, withheld));
    out.add(unit("perAcceptedAiLine", u.perAcceptedAiLine(), u.acceptedAiLines(), developers, withheld));
    out.add(unit("perAiCoAuthoredCommit", u.perAiCoAuthoredCommit(), u.aiCoAuthoredCommits(), developers, withheld));
    return out;
  }

  private static SpendRow row(String dimension, Spend.SpendRow r, GroupRows groups) {
    String k = dimension + "\0" + r.key();
    return groups.withheld(k) ? new SpendRow(dimension, r.key(), groups.developers(k), true, null, null, null)
        : new SpendRow(dimension, r.key(), groups.developers(k), false, tokens(r), r.costUsd(), null);
  }

  private static SpendRow unit(String key, Double cost, Long units, int developers, boolean withheld) {
    return withheld ? new SpendRow("unit", key, developers, true, null, null, null)
        : new SpendRow("unit", key, developers, false, null, cost, units);
  }

  static Tokens tokens(Spend.SpendRow r) {
    return new Tokens(r.tokens().input(), r.tokens().output(), r.tokens().cacheRead(), r.tokens().cacheCreation());
  }
}
