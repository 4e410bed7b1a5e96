package dev.yardstick.metrics;

import dev.yardstick.identity.AliasKind;
import dev.yardstick.identity.IdentityResolver;
import dev.yardstick.identity.People.RawId;
import dev.yardstick.impact.Impact;
import dev.yardstick.impact.Settings;
import dev.yardstick.model.ForbiddenException;
import dev.yardstick.model.Identity;
import dev.yardstick.model.UsageField;
import dev.yardstick.model.UsageRow;
import dev.yardstick.model.Role;
import dev.yardstick.people.PeopleService;
import dev.yardstick.storage.GitQueries;
import dev.yardstick.storage.ImpactQueries;
import dev.yardstick.storage.ReportQueries;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;

/**
 * The effect on delivery of a team or the company (docs/METRICS.md "Effect on delivery"): developer-weeks built from
 * the daily rows, identities resolved when read, and the comparisons withheld below the minimum group size for
 * viewers who may not see the developers in them individually.
 */
public final class ImpactService {
  private final ImpactQueries impact;
  private final ReportQueries reports;
  private final GitQueries git;
  private final PeopleService people;
  private final int minGroupSize;
  private final Settings settings;

  private final Answers answers;

  /** Keeps answers in {@code answers} (null: none kept). */
  public ImpactService(ImpactQueries impact, ReportQueries reports, GitQueries git, PeopleService people, int minGroupSize,
      Settings settings, Answers answers) {
    this.answers = answers;
    this.impact = impact;
    this.reports = reports;
    this.git = git;
    this.people = people;
    this.minGroupSize = minGroupSize;
    this.settings = settings;
  }

  /** The window asked for widened to whole weeks, the team (null for the company) and the comparisons. */
  public record Answer(LocalDate from, LocalDate to, String team, Impact.Report report) {}

  /**
   * Throws IllegalArgumentException for a reversed or too long window or an unknown team, ForbiddenException for a
   * team the viewer may not see (developers: any team; they see the company's comparisons, as the company report).
   */
  public Answer impact(long orgId, LocalDate from, LocalDate to, String teamName, Viewer viewer) {
    ReportService.checkWindow(from, to, "a comparison");
    // first active days come from all history: read first (cheap), they are part of what the kept answer was made from
    Map<Long, LocalDate> firstDays = impact.firstActiveDays(orgId);
    // whole weeks: a part week would count as a week of little output
    LocalDate a = DeveloperWeeks.monday(from);
    LocalDate b = DeveloperWeeks.monday(to).plusDays(6);
    return answers == null ? impactNow(orgId, a, b, teamName, viewer, firstDays)
        : answers.get(orgId, a, b, java.util.Arrays.asList("impact", teamName, viewer, firstDays),
            () -> impactNow(orgId, a, b, teamName, viewer, firstDays));
  }

  private Answer impactNow(long orgId, LocalDate from, LocalDate to, String teamName, Viewer viewer,
      Map<Long, LocalDate> firstDays) {
    IdentityResolver resolver = people.resolver(orgId);
    Set<Long> scope = scope(resolver, teamName, viewer);
    Map<Long, Identity> identities = reports.identities(orgId);
    Map<Long, OptionalLong> developerOf = new HashMap<>();
    DeveloperWeeks weeks = new DeveloperWeeks();
    for (UsageRow d : reports.usageByDayAndIdentity(orgId, from, to)) { // the report's own read of the day rows
      OptionalLong dev = developerOf.computeIfAbsent(d.identityId(), id -> developer(identities.get(id), resolver));
      if (dev.isPresent() && inScope(resolver, scope, dev.getAsLong(), d.day())) {
        weeks.telemetry(dev.getAsLong(), d.day(), d.get(UsageField.ACTIVE_USER_SECONDS) + d.get(UsageField.ACTIVE_CLI_SECONDS));
      }
    }
    Map<String, OptionalLong> authorOf = new HashMap<>(); // an author has a row a day: resolve each once
    for (GitQueries.AuthorDay d : git.byDayAndAuthor(orgId, from, to)) {
      OptionalLong dev = authorOf.computeIfAbsent(d.authorEmail(),
          e -> resolver.developerOf(new RawId(AliasKind.GIT_EMAIL, AliasKind.GIT_EMAIL.normalize(e))));
      if (dev.isPresent() && inScope(resolver, scope, dev.getAsLong(), d.day())) {
        weeks.git(dev.getAsLong(), d.day(), d.values());
      }
    }
    Map<Long, LocalDate> adoption = new HashMap<>();
    firstDays.forEach((identity, day) -> {
      OptionalLong dev = developerOf.computeIfAbsent(identity, id -> developer(identities.get(id), resolver));
      if (dev.isPresent()) {
        adoption.merge(dev.getAsLong(), DeveloperWeeks.monday(day), (a, b) -> a.isBefore(b) ? a : b);
      }
    });
    Impact.Report report = Impact.report(weeks.weeks(), adoption, settings);
    boolean restricted = restricted(viewer, scope);
    return new Answer(from, to, teamName == null ? null : resolver.teamNamed(teamName).orElseThrow().name(),
        restricted ? Withholding.apply(report, minGroupSize) : report);
  }

  /** The team ids in scope (the team and those under it), or null for the company. */
  static Set<Long> scope(IdentityResolver resolver, String teamName, Viewer viewer) {
    if (teamName == null) {
      return null;
    }
    TeamScope scope = TeamScope.of(resolver, teamName, viewer);
    if (viewer.role() == Role.MANAGER && !viewer.seesIndividuals()) {
      // a team's answer minus its sub-team's (or the company's minus the team's) would show the few in between
      throw new ForbiddenException("team comparisons need permission to see individuals (YARDSTICK_MANAGERS_SEE_INDIVIDUALS):"
          + " two overlapping teams' answers could be subtracted; the company's comparisons are available");
    }
    return scope.teamIds();
  }

  /**
   * Whether the company's or a team's figures hold people the viewer may not see individually (withheld below the
   * minimum group size): everyone but admins for the company, and managers who may not see individuals for a team.
   */
  static boolean restricted(Viewer viewer, Set<Long> scope) {
    return viewer.role() != Role.ADMIN && (scope == null || !viewer.seesIndividuals());
  }

  static boolean inScope(IdentityResolver resolver, Set<Long> scope, long developer, LocalDate day) {
    return scope == null || resolver.teamOn(developer, day).map(t -> scope.contains(t.id())).orElse(false);
  }

  private static OptionalLong developer(Identity identity, IdentityResolver resolver) {
    return identity == null ? OptionalLong.empty() : resolver.developerOf(identity);
  }
}
