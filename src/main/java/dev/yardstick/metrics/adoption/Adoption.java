package dev.yardstick.metrics.adoption;

import dev.yardstick.metrics.adoption.Interval.Period;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Map;

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

  // developers are dense indexes into bit sets: a year of days × 1,000 developers stays well under 100 ms
  private static final class Tally {
    final BitSet known = new BitSet();
    final BitSet active = new BitSet();
    final BitSet telemetry = new BitSet();
    final BitSet committers = new BitSet();
    final BitSet withActiveTime = new BitSet();
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
    Tally[] tallies = new Tally[periods.size()];
    int[] periodOfDay = new int[periods.isEmpty() ? 0 : (int) (to.toEpochDay() - from.toEpochDay() + 1)];
    for (int p = 0; p < tallies.length; p++) {
      tallies[p] = new Tally();
      Period period = periods.get(p);
      Arrays.fill(periodOfDay, (int) (period.from().toEpochDay() - from.toEpochDay()),
          (int) (period.to().toEpochDay() - from.toEpochDay() + 1), p);
    }
    Map<Long, Integer> index = new HashMap<>();
    long first = from.toEpochDay();
    for (KnownDeveloper d : known) {
      int i = index.computeIfAbsent(d.id(), k -> index.size());
      long a = d.activeFrom() == null ? 0 : Math.max(0, d.activeFrom().toEpochDay() - first);
      long b = d.activeTo() == null ? periodOfDay.length - 1 : Math.min(periodOfDay.length - 1, d.activeTo().toEpochDay() - first);
      for (int p = a <= b ? periodOfDay[(int) a] : 0; a <= b && p <= periodOfDay[(int) b]; p++) {
        tallies[p].known.set(i);
      }
    }
    for (ActivityDay a : activity) {
      long day = a.day().toEpochDay() - first;
      if (a.developer() == null || day < 0 || day >= periodOfDay.length) {
        continue; // unattributed usage is nobody's adoption; days outside the window are not asked for
      }
      Tally t = tallies[periodOfDay[(int) day]];
      int i = index.computeIfAbsent(a.developer(), k -> index.size());
      t.known.set(i);
      t.usage = true;
      boolean active = a.active();
      if (active) {
        t.active.set(i);
      }
      if (a.telemetry()) {
        t.telemetry.set(i);
      }
      t.sessions += a.sessions();
      if (a.activeSeconds() != null) {
        t.seconds = (t.seconds == null ? 0 : t.seconds) + a.activeSeconds();
        if (active) {
          t.withActiveTime.set(i);
        }
      }
    }
    for (CommitDay c : commits == null ? List.<CommitDay>of() : commits) {
      long day = c.day().toEpochDay() - first;
      if (c.developer() != null && c.commits() > 0 && day >= 0 && day < periodOfDay.length) {
        Tally t = tallies[periodOfDay[(int) day]];
        int i = index.computeIfAbsent(c.developer(), k -> index.size());
        t.known.set(i);
        t.committers.set(i);
      }
    }
    List<PeriodAdoption> out = new ArrayList<>(periods.size());
    for (int p = 0; p < tallies.length; p++) {
      out.add(figures(periods.get(p), tallies[p], commits != null));
    }
    return out;
  }

  private static PeriodAdoption figures(Period p, Tally t, boolean gitKnown) {
    int active = t.active.cardinality();
    int knownCount = t.known.cardinality();
    BitSet activeCommitters = (BitSet) t.committers.clone();
    activeCommitters.and(t.active);
    Integer committers = gitKnown ? t.committers.cardinality() : null;
    Integer activeWithCommits = gitKnown ? activeCommitters.cardinality() : null;
    return new PeriodAdoption(p.key(), p.from(), p.to(), p.whole(), knownCount, active,
        Round.ratio(active, knownCount, 1e4), committers, activeWithCommits,
        gitKnown ? Round.ratio(activeWithCommits, committers, 1e4) : null,
        t.telemetry.cardinality(), Round.ratio(t.telemetry.cardinality(), knownCount, 1e4),
        t.usage ? Math.round(t.sessions) : null, t.usage ? Round.ratio(t.sessions, active, 1e2) : null,
        t.seconds == null ? null : Round.to(t.seconds, 1e3), t.seconds == null ? null : t.withActiveTime.cardinality(),
        t.seconds == null ? null : Round.ratio(t.seconds, t.withActiveTime.cardinality(), 1e3));
  }
}
