package dev.yardstick.metrics;

import dev.yardstick.identity.IdentityResolver;
import dev.yardstick.identity.People.Team;
import dev.yardstick.identity.AliasKind;
import dev.yardstick.identity.People.RawId;
import dev.yardstick.metrics.SourceMerge.SourcedRow;
import dev.yardstick.model.AdminUsage.ActorType;
import dev.yardstick.model.AdminUsageRow;
import dev.yardstick.model.ForbiddenException;
import dev.yardstick.model.Identity;
import dev.yardstick.model.Role;
import dev.yardstick.model.UsageRow;
import dev.yardstick.people.PeopleService;
import dev.yardstick.storage.AdminUsageQueries;
import dev.yardstick.storage.GitQueries;
import dev.yardstick.storage.OrgStore;
import dev.yardstick.storage.ReportQueries;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds reports from the daily rollups (never raw facts), resolving identities to developers and
 * teams when read, so that linking an alias re-attributes the past.
 */
public final class ReportService {
  /** Longest window one report covers, to bound what a single request reads. */
  static final int MAX_DAYS = 3 * 366;

  private final ReportQueries queries;
  private final AdminUsageQueries admin;
  private final GitQueries git;
  private final OrgStore orgs;
  private final PeopleService people;
  private final int minGroupSize;
  /** A page's reads of the same window, kept for that page only (null: every call reads); see {@link #memoized()}. */
  private final Map<List<Object>, Rows> memo;
  /** Answers kept while their data and people are unchanged (null: every answer is computed). */
  private final Answers answers;

  public ReportService(ReportQueries queries, AdminUsageQueries admin, GitQueries git, OrgStore orgs, PeopleService people,
      int minGroupSize) {
    this(queries, admin, git, orgs, people, minGroupSize, null, null);
  }

  /** As above, keeping answers in {@code answers} (null: none kept). */
  public ReportService(ReportQueries queries, AdminUsageQueries admin, GitQueries git, OrgStore orgs, PeopleService people,
      int minGroupSize, Answers answers) {
    this(queries, admin, git, orgs, people, minGroupSize, null, answers);
  }

  private ReportService(ReportQueries queries, AdminUsageQueries admin, GitQueries git, OrgStore orgs, PeopleService people,
      int minGroupSize, Map<List<Object>, Rows> memo, Answers answers) {
    this.answers = answers;
    this.queries = queries;
    this.admin = admin;
    this.git = git;
    this.orgs = orgs;
    this.people = people;
    this.minGroupSize = minGroupSize;
    this.memo = memo;
  }

  /**
   * The same service for one page view: a window's rows are read once however many figures the page draws from them.
   * Not for sharing between requests (it never forgets; the data would go stale).
   */
  public ReportService memoized() {
    return new ReportService(queries, admin, git, orgs, people, minGroupSize, new java.util.concurrent.ConcurrentHashMap<>(),
        answers);
  }

  /** The kept answers this service and the views over it share (null: none). */
  public Answers answers() {
    return answers;
  }

  /** {@code compute}'s answer, kept in {@link #answers} unless there are none or it names repositories (never stamped). */
  <T> T kept(long orgId, LocalDate from, LocalDate to, List<Object> key, java.util.function.Supplier<T> compute) {
    return answers == null || key.contains(GroupBy.REPOSITORY) ? compute.get() : answers.get(orgId, from, to, key, compute);
  }

  /** Refuses a reversed window, or one longer than {@link #MAX_DAYS} ("{what} covers at most ... days"). */
  static void checkWindow(LocalDate from, LocalDate to, String what) {
    if (to.isBefore(from)) {
      throw new IllegalArgumentException("to (" + to + ") is before from (" + from + ")");
    }
    if (ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
      throw new IllegalArgumentException(what + " covers at most " + MAX_DAYS + " days");
    }
  }

  /** The organization's time zone: what "today" is for a window left open. */
  public java.time.ZoneId zone(long orgId) {
    return orgs.zone(orgId);
  }

  /** The telemetry day rows this service reads (through the report cache where there is one), for the other views. */
  public ReportQueries usageQueries() {
    return queries;
  }

  /** The git author-days this service reads, as above (null: no git). */
  public GitQueries gitQueries() {
    return git;
  }

  /** The minimum group size this instance applies, for the other views that must apply it too. */
  public int minGroupSize() {
    return minGroupSize;
  }

  /**
   * Throws IllegalArgumentException for a window that is reversed or too long, and
   * ForbiddenException for a grouping the viewer may not see. A viewer who may not see everyone in the rows gets the
   * window widened to whole weeks (the report says which).
   */
  public Report report(long orgId, LocalDate from, LocalDate to, GroupBy groupBy, Viewer viewer) {
    return report(orgId, from, to, groupBy, null, viewer, UsageSource.MERGED);
  }

  /** As above, with the usage figures of one source, or merged by the no-double-counting rule. */
  public Report report(long orgId, LocalDate from, LocalDate to, GroupBy groupBy, Viewer viewer, UsageSource source) {
    return report(orgId, from, to, groupBy, null, viewer, source);
  }

  /** As above, within a team and its sub-teams (null: everyone), by membership on each day (TeamScope). */
  public Report report(long orgId, LocalDate from, LocalDate to, GroupBy groupBy, String team, Viewer viewer,
      UsageSource source) {
    check(groupBy, viewer);
    checkWindow(from, to, "a report");
    return kept(orgId, from, to, java.util.Arrays.asList("report", groupBy, team, viewer, source), () -> {
      Loaded l = load(orgId, from, to, groupBy, team, viewer, source);
      return new Report(l.from(), l.to(), groupBy, UsageReport.build(l.rows(), groupBy, l.from(), l.to(), l.naming(), viewer,
          minGroupSize, l.known()));
    });
  }

  /**
   * A chart's series: the report's daily rows read once, then one report per period (Series). Restricted viewers get
   * whole weeks and no daily points.
   */
  public Series.Answer series(long orgId, LocalDate from, LocalDate to, GroupBy interval, GroupBy seriesBy, String metric,
      String team, Viewer viewer) {
    SeriesMetric m = SeriesMetric.parse(metric);
    check(seriesBy, viewer);
    if (interval == GroupBy.DAY && viewer.restrictedIn(seriesBy)) {
      throw new ForbiddenException("figures of people you may not see individually come by whole weeks at the finest:"
          + " use interval=week");
    }
    checkWindow(from, to, "a report");
    return kept(orgId, from, to, java.util.Arrays.asList("series", interval, seriesBy, metric, team, viewer), () -> {
      Loaded l = load(orgId, from, to, seriesBy, team, viewer, UsageSource.MERGED);
      return Series.build(l.rows(), m, interval, seriesBy, l.from(), l.to(), l.naming(), viewer, minGroupSize, l.known());
    });
  }

  /** One chart line asked of {@link #reportWithSeries}. */
  public record SeriesAsk(GroupBy interval, String metric) {}

  /** A report and series of the same window and grouping. */
  public record Charted(Report report, List<Series.Answer> series) {}

  /**
   * The report (merged sources) and several series of one window from one read of its rows (a page's cards and
   * charts), each as {@link #report} and {@link #series} answer it alone, under the same access checks; within a team and
   * its sub-teams, or everyone (team null).
   */
  public Charted reportWithSeries(long orgId, LocalDate from, LocalDate to, GroupBy groupBy, String team, Viewer viewer,
      List<SeriesAsk> asks) {
    List<SeriesMetric> metrics = asks.stream().map(a -> SeriesMetric.parse(a.metric())).toList();
    check(groupBy, viewer);
    if (asks.stream().anyMatch(a -> a.interval() == GroupBy.DAY) && viewer.restrictedIn(groupBy)) {
      throw new ForbiddenException("figures of people you may not see individually come by whole weeks at the finest");
    }
    checkWindow(from, to, "a report");
    return kept(orgId, from, to, java.util.Arrays.asList("charted", groupBy, team, viewer, asks), () -> {
      Loaded l = load(orgId, from, to, groupBy, team, viewer, UsageSource.MERGED);
      Report report = new Report(l.from(), l.to(), groupBy, UsageReport.build(l.rows(), groupBy, l.from(), l.to(), l.naming(),
          viewer, minGroupSize, l.known()));
      List<Series.Answer> series = new ArrayList<>();
      for (int i = 0; i < asks.size(); i++) {
        series.add(Series.build(l.rows(), metrics.get(i), asks.get(i).interval(), groupBy, l.from(), l.to(), l.naming(), viewer,
            minGroupSize, l.known()));
      }
      return new Charted(report, series);
    });
  }

  /** The resolved daily rows the viewer may see, in the (possibly widened) window, and what rows are called. */
  private record Loaded(LocalDate from, LocalDate to, List<ResolvedRow> rows, UsageReport.Naming naming, List<String> known) {}

  private Loaded load(long orgId, LocalDate from, LocalDate to, GroupBy groupBy, String teamName, Viewer viewer,
      UsageSource source) {
    IdentityResolver resolver = people.resolver(orgId);
    TeamScope scope = teamName == null ? null : TeamScope.of(resolver, teamName, viewer);
    if (viewer.restrictedIn(groupBy)) {
      // whole weeks, so that two windows differ by whole cells of SmallGroups, never by a day
      from = SmallGroups.monday(from);
      to = SmallGroups.sunday(to);
    }
    List<ResolvedRow> rows = rows(orgId, from, to, resolver, source, groupBy == GroupBy.REPOSITORY).rows();
    List<ResolvedRow> visible = rows.stream().filter(r -> scope == null || scope.holds(r.teamId()))
        .filter(r -> groupBy == GroupBy.ORG || viewer.sees(r.developerId(), r.teamId())).toList();
    List<String> repositories = groupBy == GroupBy.REPOSITORY && git != null ? git.repositoryNames(orgId) : List.of();
    String orgName = orgs.name(orgId);
    UsageReport.Naming naming = new UsageReport.Naming() {
      @Override
      public String developer(long id) {
        return resolver.developer(id).map(d -> d.email()).orElse("developer " + id);
      }

      @Override
      public List<String> teamAndAncestors(long teamId) {
        // within a team filter, teams above the team would hold only part of their figures: no row for them
        return resolver.teamAndAncestors(teamId).stream().filter(t -> scope == null || scope.holds(t.id())).map(Team::name)
            .toList();
      }

      @Override
      public String org() {
        return orgName;
      }

      @Override
      public List<String> repositories() {
        return repositories;
      }
    };
    return new Loaded(from, to, visible, naming, known(groupBy, viewer, resolver, from, to, scope));
  }

  /** A window's resolved usage rows (merged by source) and git rows, with the Admin API's day rows the merge used. */
  record Rows(List<ResolvedRow> rows, List<SourcedRow> adminDays) {}

  /** As above; by repository, the git rows per repository (a commit of two in each) and no usage, which has none. */
  Rows rows(long orgId, LocalDate from, LocalDate to, IdentityResolver resolver, UsageSource source, boolean byRepository) {
    if (memo != null) {
      return memo.computeIfAbsent(List.of(orgId, from, to, resolver, source, byRepository),
          k -> read(orgId, from, to, resolver, source, byRepository));
    }
    return read(orgId, from, to, resolver, source, byRepository);
  }

  private Rows read(long orgId, LocalDate from, LocalDate to, IdentityResolver resolver, UsageSource source, boolean byRepository) {
    List<SourcedRow> telemetry = source == UsageSource.ADMIN_API || byRepository ? List.of()
        : resolve(queries.usageByDayAndIdentity(orgId, from, to), queries.identities(orgId), resolver);
    List<SourcedRow> adminRows = source == UsageSource.TELEMETRY || admin == null || byRepository ? List.of()
        : resolveAdmin(admin.usageByDayAndActor(orgId, from, to), resolver);
    List<ResolvedRow> rows = new ArrayList<>(SourceMerge.merge(telemetry, adminRows, source));
    if (git != null) {
      rows.addAll(resolveGit(byRepository ? git.byDayAuthorAndRepository(orgId, from, to) : git.byDayAndAuthor(orgId, from, to),
          resolver));
    }
    return new Rows(java.util.Collections.unmodifiableList(rows), java.util.Collections.unmodifiableList(adminRows));
  }

  /** The developers or teams the viewer sees that get a row even without data in the window. */
  private static List<String> known(GroupBy groupBy, Viewer viewer, IdentityResolver resolver, LocalDate from, LocalDate to,
      TeamScope scope) {
    return switch (groupBy) {
      case DEVELOPER -> resolver.developers().stream()
          .filter(d -> (d.activeFrom() == null || !d.activeFrom().isAfter(to)) && (d.activeTo() == null || !d.activeTo().isBefore(from)))
          .filter(d -> scope == null || resolver.teamOn(d.id(), to).map(t -> scope.holds(t.id())).orElse(false))
          .filter(d -> viewer.role() == Role.ADMIN || d.id() == (viewer.developerId() == null ? -1 : viewer.developerId())
              || resolver.teamOn(d.id(), to).map(t -> viewer.teamIds().contains(t.id())).orElse(false))
          .map(d -> d.email()).toList();
      case TEAM -> resolver.teams().stream().filter(t -> viewer.role() == Role.ADMIN || viewer.teamIds().contains(t.id()))
          .filter(t -> scope == null || scope.holds(t.id()))
          .map(Team::name).toList();
      default -> List.of();
    };
  }

  private static void check(GroupBy groupBy, Viewer viewer) {
    if (viewer.role() == Role.DEVELOPER && groupBy == GroupBy.TEAM) {
      throw new ForbiddenException("developers see their own numbers and company totals, not team reports");
    }
    if (viewer.role() == Role.MANAGER && groupBy == GroupBy.DEVELOPER && !viewer.seesIndividuals()) {
      throw new ForbiddenException("managers do not see individual numbers in this organization");
    }
    if (groupBy == GroupBy.REPOSITORY && viewer.restrictedIn(groupBy)) {
      // a repository's commits are a slice of every cell SmallGroups keeps: its row less the company's would show few
      throw new ForbiddenException("repository rows need permission to see individuals (YARDSTICK_MANAGERS_SEE_INDIVIDUALS)");
    }
    if (groupBy == GroupBy.DAY && viewer.restrictedIn(groupBy)) {
      throw new ForbiddenException("figures of people you may not see individually come by whole weeks at the finest:"
          + " use groupBy=week");
    }
  }

  /** Telemetry rows keyed by developer, or else by the identity's email (to meet the same Admin API actor), or its id. */
  static List<SourcedRow> resolve(List<UsageRow> rows, Map<Long, Identity> identities, IdentityResolver resolver) {
    Map<Long, Who> who = new HashMap<>();
    List<SourcedRow> out = new ArrayList<>(rows.size());
    for (UsageRow r : rows) {
      Who w = who.computeIfAbsent(r.identityId(), id -> who(id, identities.get(id), resolver));
      out.add(new SourcedRow(r.day(), w.subject(), w.developer(), team(resolver, w.developer(), r.day()), r.values()));
    }
    return out;
  }

  /** Whom a source's rows are about: the merge's subject key and the developer, or null when no alias claims them. */
  record Who(String subject, Long developer) {}

  /** A telemetry identity: its developer, or else its email (to meet the same Admin API actor), or its id. */
  static Who who(long identityId, Identity identity, IdentityResolver resolver) {
    var d = identity == null ? java.util.OptionalLong.empty() : resolver.developerOf(identity);
    Long dev = d.isPresent() ? d.getAsLong() : null;
    return new Who(dev != null ? "d:" + dev : identity != null && email(identity) != null ? "e:" + email(identity)
        : "i:" + identityId, dev);
  }

  private static String email(Identity id) {
    List<RawId> evidence = IdentityResolver.evidence(id);
    return evidence.isEmpty() || evidence.getFirst().kind() != AliasKind.EMAIL ? null : evidence.getFirst().value();
  }

  /** Admin API actors: users by email, API keys by key name (alias kind api_key_name). */
  static List<SourcedRow> resolveAdmin(List<AdminUsageRow> rows, IdentityResolver resolver) {
    List<SourcedRow> out = new ArrayList<>(rows.size());
    for (AdminUsageRow r : rows) {
      Who w = who(r.actorType(), r.actor(), resolver);
      out.add(new SourcedRow(r.day(), w.subject(), w.developer(), team(resolver, w.developer(), r.day()), r.values()));
    }
    return out;
  }

  static Who who(ActorType type, String actor, IdentityResolver resolver) {
    RawId raw = type == ActorType.USER ? new RawId(AliasKind.EMAIL, actor) : new RawId(AliasKind.API_KEY_NAME, actor);
    var d = resolver.developerOf(raw);
    Long dev = d.isPresent() ? d.getAsLong() : null;
    return new Who(dev != null ? "d:" + dev : (type == ActorType.USER ? "e:" : "k:") + actor, dev);
  }

  /** Commit authors by git email (a developer's own email matches too). */
  static List<ResolvedRow> resolveGit(List<GitQueries.AuthorDay> rows, IdentityResolver resolver) {
    List<ResolvedRow> out = new ArrayList<>(rows.size());
    Map<String, java.util.OptionalLong> authors = new HashMap<>(); // an author has a row a day: resolve each once
    for (GitQueries.AuthorDay r : rows) {
      var d = authors.computeIfAbsent(r.authorEmail(),
          e -> resolver.developerOf(new RawId(AliasKind.GIT_EMAIL, AliasKind.GIT_EMAIL.normalize(e))));
      Long dev = d.isPresent() ? d.getAsLong() : null;
      out.add(ResolvedRow.git(r.day(), dev, team(resolver, dev, r.day()), r.values(), r.repository()));
    }
    return out;
  }

  static Long team(IdentityResolver resolver, Long dev, LocalDate day) {
    return dev == null ? null : resolver.teamOn(dev, day).map(Team::id).orElse(null);
  }
}
