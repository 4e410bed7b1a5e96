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

  public ReportService(ReportQueries queries, AdminUsageQueries admin, GitQueries git, OrgStore orgs, PeopleService people,
      int minGroupSize) {
    this.queries = queries;
    this.admin = admin;
    this.git = git;
    this.orgs = orgs;
    this.people = people;
    this.minGroupSize = minGroupSize;
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
    return report(orgId, from, to, groupBy, viewer, UsageSource.MERGED);
  }

  /** As above, with the usage figures of one source, or merged by the no-double-counting rule. */
  public Report report(long orgId, LocalDate from, LocalDate to, GroupBy groupBy, Viewer viewer, UsageSource source) {
    if (to.isBefore(from)) {
      throw new IllegalArgumentException("to (" + to + ") is before from (" + from + ")");
    }
    if (ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
      throw new IllegalArgumentException("a report covers at most " + MAX_DAYS + " days");
    }
    check(groupBy, viewer);
    if (viewer.restrictedIn(groupBy)) {
      // whole weeks, so that two windows differ by whole cells of SmallGroups, never by a day
      from = SmallGroups.monday(from);
      to = SmallGroups.sunday(to);
    }
    IdentityResolver resolver = people.resolver(orgId);
    List<ResolvedRow> rows = rows(orgId, from, to, resolver, source).rows();
    List<ResolvedRow> visible = groupBy == GroupBy.ORG ? rows
        : rows.stream().filter(r -> viewer.sees(r.developerId(), r.teamId())).toList();
    String orgName = orgs.name(orgId);
    UsageReport.Naming naming = new UsageReport.Naming() {
      @Override
      public String developer(long id) {
        return resolver.developer(id).map(d -> d.email()).orElse("developer " + id);
      }

      @Override
      public List<String> teamAndAncestors(long teamId) {
        return resolver.teamAndAncestors(teamId).stream().map(Team::name).toList();
      }

      @Override
      public String org() {
        return orgName;
      }
    };
    return new Report(from, to, groupBy, UsageReport.build(visible, groupBy, from, to, naming, viewer, minGroupSize,
        known(groupBy, viewer, resolver, from, to)));
  }

  /** A window's resolved usage rows (merged by source) and git rows, with the Admin API's day rows the merge used. */
  record Rows(List<ResolvedRow> rows, List<SourcedRow> adminDays) {}

  Rows rows(long orgId, LocalDate from, LocalDate to, IdentityResolver resolver, UsageSource source) {
    List<SourcedRow> telemetry = source == UsageSource.ADMIN_API ? List.of()
        : resolve(queries.usageByDayAndIdentity(orgId, from, to), queries.identities(orgId), resolver);
    List<SourcedRow> adminRows = source == UsageSource.TELEMETRY || admin == null ? List.of()
        : resolveAdmin(admin.usageByDayAndActor(orgId, from, to), resolver);
    List<ResolvedRow> rows = new ArrayList<>(SourceMerge.merge(telemetry, adminRows, source));
    if (git != null) {
      rows.addAll(resolveGit(git.byDayAndAuthor(orgId, from, to), resolver));
    }
    return new Rows(rows, adminRows);
  }

  /** The developers or teams the viewer sees that get a row even without data in the window. */
  private static List<String> known(GroupBy groupBy, Viewer viewer, IdentityResolver resolver, LocalDate from, LocalDate to) {
    return switch (groupBy) {
      case DEVELOPER -> resolver.developers().stream()
          .filter(d -> (d.activeFrom() == null || !d.activeFrom().isAfter(to)) && (d.activeTo() == null || !d.activeTo().isBefore(from)))
          .filter(d -> viewer.role() == Role.ADMIN || d.id() == (viewer.developerId() == null ? -1 : viewer.developerId())
              || resolver.teamOn(d.id(), to).map(t -> viewer.teamIds().contains(t.id())).orElse(false))
          .map(d -> d.email()).toList();
      case TEAM -> resolver.teams().stream().filter(t -> viewer.role() == Role.ADMIN || viewer.teamIds().contains(t.id()))
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
    for (GitQueries.AuthorDay r : rows) {
      var d = resolver.developerOf(new RawId(AliasKind.GIT_EMAIL, AliasKind.GIT_EMAIL.normalize(r.authorEmail())));
      Long dev = d.isPresent() ? d.getAsLong() : null;
      out.add(ResolvedRow.git(r.day(), dev, team(resolver, dev, r.day()), r.values()));
    }
    return out;
  }

  static Long team(IdentityResolver resolver, Long dev, LocalDate day) {
    return dev == null ? null : resolver.teamOn(dev, day).map(Team::id).orElse(null);
  }
}
