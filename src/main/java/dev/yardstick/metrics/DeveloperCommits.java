package dev.yardstick.metrics;

import dev.yardstick.identity.IdentityResolver;
import dev.yardstick.model.GitField;
import dev.yardstick.people.PeopleService;
import dev.yardstick.storage.CommitLines;
import dev.yardstick.storage.GitQueries;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * One developer's commits in a window, the next level below their numbers: the commits the report counts for them
 * (non-merge, authored with an email that resolves to them), only on days the viewer sees them individually.
 */
public final class DeveloperCommits {
  private final GitQueries git;
  private final CommitLines lines;
  private final PeopleService people;

  public DeveloperCommits(GitQueries git, CommitLines lines, PeopleService people) {
    this.git = git;
    this.lines = lines;
    this.people = people;
  }

  /** The newest {@code limit} commits, and how many the window holds on the days shown. */
  public record Answer(List<CommitLines.Line> commits, long total) {}

  public Answer of(long orgId, long developerId, LocalDate from, LocalDate to, Viewer viewer, int limit) {
    ReportService.checkWindow(from, to, "a commit list");
    if (git == null) {
      return new Answer(List.of(), 0);
    }
    IdentityResolver resolver = people.resolver(orgId);
    // the emails as stored, resolved by the report's own resolution of its author-days (kept in memory)
    List<GitQueries.AuthorDay> raw = git.byDayAndAuthor(orgId, from, to);
    List<ResolvedRow> resolved = ReportService.resolveGit(raw, resolver);
    Set<String> emails = new TreeSet<>();
    Set<LocalDate> days = new TreeSet<>(); // only the days the viewer sees them individually, asked before the limit
    long total = 0;
    for (int i = 0; i < raw.size(); i++) {
      ResolvedRow r = resolved.get(i);
      if (Long.valueOf(developerId).equals(r.developerId()) && viewer.seesIndividually(r.developerId(), r.teamId())) {
        emails.add(raw.get(i).authorEmail());
        days.add(r.day());
        total += Math.round(raw.get(i).values()[GitField.COMMITS.ordinal()]);
      }
    }
    return new Answer(lines.of(orgId, emails, days, limit), total);
  }
}
