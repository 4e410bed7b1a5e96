package dev.yardstick.metrics.adoption;

import dev.yardstick.metrics.adoption.Interval.Period;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Pure: active AI users per day, ISO week or month, out of known developers and out of committers (docs/METRICS.md). */
public final class Adoption {
  private Adoption() {}

  /**
   * One period's adoption. Counts are of developers; a null figure is unknown (a ratio without denominator, commits
   * when no repository is followed, sessions or active time without any usage data of that kind).
   *
   * @param knownDevelopers developers known on a day of the period, plus any with activity or commits in it
   * @param activeShareOfKnown activeUsers / knownDevelopers, 0 to 1
   * @param activeWithCommits active users among developersWithCommits
   * @param rolloutShare developersSendingTelemetry / knownDevelopers
   * @param activeSecondsPerActiveUser active time over the active users whose rows carry active time (telemetry)
   */
  public record PeriodAdoption(String period, LocalDate from, LocalDate to, boolean whole, int knownDevelopers,
      int activeUsers, Double activeShareOfKnown, Integer developersWithCommits, Integer activeWithCommits,
      Double activeShareOfCommitters, int developersSendingTelemetry, Double rolloutShare, Long sessions,
      Double sessionsPerActiveUser, Double activeSeconds, Integer activeUsersWithActiveTime,
      Double activeSecondsPerActiveUser) {}

  private static final class Tally {
    final Set<Long> known = new HashSet<>();
    final Set<Long> active = new HashSet<>();
    final Set<Long> telemetry = new HashSet<>();
    final Set<Long> committers = new HashSet<>();
    final Set<Long> withActiveTime = new HashSet<>();
    boolean usage;
    double sessions;
    Double seconds;
  }

  /**
   * @param commits the window's commit rows, or null when unknown (no repository followed): committer figures null
   * @param known the organization's developers with the days they belong to it
   */
  public static List<PeriodAdoption> byPeriod(List<ActivityDay> activity, List<CommitDay> commits,
      List<KnownDeveloper> known, Interval interval, LocalDate from, LocalDate to) {
    List<Period> periods = interval.periods(from, to);
    Map<LocalDate, Tally> tallies = new HashMap<>();
    for (Period p : periods) {
      Tally t = new Tally();
      tallies.put(interval.start(p.from()), t);
      known.stream().filter(d -> d.daysIn(p.from(), p.to()) > 0).forEach(d -> t.known.add(d.id()));
    }
    for (ActivityDay a : activity) {
      Tally t = a.developer() == null || a.day().isBefore(from) || a.day().isAfter(to) ? null
          : tallies.get(interval.start(a.day()));
      if (t == null) {
        continue; // unattributed usage is nobody's adoption; days outside the window are not asked for
      }
      t.known.add(a.developer());
      t.usage = true;
      if (a.active()) {
        t.active.add(a.developer());
      }
      if (a.telemetry()) {
        t.telemetry.add(a.developer());
      }
      t.sessions += a.sessions();
      if (a.activeSeconds() != null) {
        t.seconds = (t.seconds == null ? 0 : t.seconds) + a.activeSeconds();
        if (a.active()) {
          t.withActiveTime.add(a.developer());
        }
      }
    }
    for (CommitDay c : commits == null ? List.<CommitDay>of() : commits) {
      Tally t = c.developer() == null || c.commits() <= 0 || c.day().isBefore(from) || c.day().isAfter(to) ? null
          : tallies.get(interval.start(c.day()));
      if (t != null) {
        t.known.add(c.developer());
        t.committers.add(c.developer());
      }
    }
    List<PeriodAdoption> out = new ArrayList<>(periods.size());
    for (Period p : periods) {
      out.add(figures(p, tallies.get(interval.start(p.from())), commits != null));
    }
    return out;
  }

  private static PeriodAdoption figures(Period p, Tally t, boolean gitKnown) {
    int active = t.active.size();
    Set<Long> activeCommitters = new HashSet<>(t.committers);
    activeCommitters.retainAll(t.active);
    Integer committers = gitKnown ? t.committers.size() : null;
    Integer activeWithCommits = gitKnown ? activeCommitters.size() : null;
    return new PeriodAdoption(p.key(), p.from(), p.to(), p.whole(), t.known.size(), active,
        Round.ratio(active, t.known.size(), 1e4), committers, activeWithCommits,
        gitKnown ? Round.ratio(activeCommitters.size(), committers, 1e4) : null,
        t.telemetry.size(), Round.ratio(t.telemetry.size(), t.known.size(), 1e4),
        t.usage ? Math.round(t.sessions) : null, t.usage ? Round.ratio(t.sessions, active, 1e2) : null,
        t.seconds == null ? null : Round.to(t.seconds, 1e3), t.seconds == null ? null : t.withActiveTime.size(),
        t.seconds == null ? null : Round.ratio(t.seconds, t.withActiveTime.size(), 1e3));
  }
}
