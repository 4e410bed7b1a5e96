package dev.yardstick.metrics.adoption;

import static org.assertj.core.api.Assertions.assertThat;

import dev.yardstick.metrics.adoption.Adoption.PeriodAdoption;
import dev.yardstick.metrics.adoption.Cohorts.Cohort;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Seeded random organizations: the generator plants, per developer and day, whether they were active (by which
 * signal, from which source, split over how many rows), sent idle telemetry or committed, and keeps that plan as the
 * truth; the functions, given only the rows, must reproduce its counts per day, ISO week and month.
 */
class AdoptionPropertyTest {
  static final int SEEDS = 200;

  /** What the generator decided for one developer-day. */
  static final class Plan {
    boolean onRoster;
    boolean known;
    boolean active;
    boolean telemetryActive;
    boolean anyRow;
    boolean telemetry;
    boolean commits;
    long sessions;
    Long seconds;
  }

  record Org(LocalDate from, LocalDate to, Plan[][] plan, List<ActivityDay> activity, List<CommitDay> commits,
      List<KnownDeveloper> roster) {}

  static Org generate(long seed) {
    Random r = new Random(seed);
    int devs = 1 + r.nextInt(25);
    LocalDate from = LocalDate.parse("2024-01-01").plusDays(r.nextInt(1000));
    int days = 1 + r.nextInt(r.nextBoolean() ? 20 : 130);
    LocalDate to = from.plusDays(days - 1);
    Plan[][] plan = new Plan[devs][days];
    List<ActivityDay> activity = new ArrayList<>();
    List<CommitDay> commits = new ArrayList<>();
    List<KnownDeveloper> roster = new ArrayList<>();
    for (int dev = 0; dev < devs; dev++) {
      boolean listed = r.nextDouble() > 0.1;
      LocalDate a = r.nextDouble() < 0.25 ? from.plusDays(r.nextInt(days + 10) - 5) : null;
      LocalDate b = r.nextDouble() < 0.25 ? from.plusDays(r.nextInt(days + 10) - 5) : null;
      if (a != null && b != null && b.isBefore(a)) {
        LocalDate t = a;
        a = b;
        b = t;
      }
      if (listed) {
        roster.add(new KnownDeveloper(dev, a, b));
      }
      double usage = r.nextDouble(); // some developers hardly use it, some every day
      double viaTelemetry = r.nextDouble();
      for (int i = 0; i < days; i++) {
        LocalDate day = from.plusDays(i);
        Plan p = plan[dev][i] = new Plan();
        p.onRoster = listed && (a == null || !day.isBefore(a)) && (b == null || !day.isAfter(b));
        double u = r.nextDouble();
        if (u < usage * 0.8) {
          plantActive(r, dev, day, r.nextDouble() < viaTelemetry, p, activity);
        } else if (u < usage * 0.8 + 0.1) {
          activity.add(new ActivityDay(day, (long) dev, null, 0, 0.0, 0, 0, 0, true)); // telemetry, nothing counted
          p.telemetry = p.anyRow = true;
          p.seconds = 0L;
        }
        if (r.nextDouble() < 0.2) {
          commits.add(new CommitDay(day, (long) dev, null, 1 + r.nextInt(5), r.nextInt(2)));
          p.commits = true;
        }
        p.known = p.onRoster || p.anyRow || p.commits;
      }
      // outside the window and unattributed: never counted
      activity.add(new ActivityDay(from.minusDays(1), (long) dev, null, 3, 10.0, 1, 1, 0, true));
      activity.add(new ActivityDay(to.plusDays(1 + r.nextInt(40)), (long) dev, null, 3, 10.0, 1, 1, 0, true));
      commits.add(new CommitDay(to.plusDays(1), (long) dev, null, 2, 0));
    }
    activity.add(new ActivityDay(from, null, null, 9, 9.0, 9, 9, 9, true));
    commits.add(new CommitDay(from, null, null, 9, 9));
    java.util.Collections.shuffle(activity, r);
    return new Org(from, to, plan, activity, commits, roster);
  }

  /** An active day: one signal certainly positive, the rest maybe, spread over one to three rows of one source. */
  static void plantActive(Random r, int dev, LocalDate day, boolean telemetry, Plan p, List<ActivityDay> out) {
    long[] v = new long[4]; // sessions, seconds, decisions, tokens
    int signal = telemetry ? r.nextInt(4) : new int[] {0, 2, 3}[r.nextInt(3)];
    v[signal] = 1 + r.nextInt(50);
    for (int k = 0; k < 4; k++) {
      if (k != signal && r.nextBoolean() && (telemetry || k != 1)) {
        v[k] = r.nextInt(30);
      }
    }
    int rows = 1 + r.nextInt(3);
    long[][] parts = new long[rows][4];
    for (int k = 0; k < 4; k++) {
      long left = v[k];
      for (int j = 0; j < rows - 1; j++) {
        parts[j][k] = left == 0 ? 0 : r.nextLong(left + 1);
        left -= parts[j][k];
      }
      parts[rows - 1][k] = left;
    }
    for (long[] x : parts) {
      out.add(new ActivityDay(day, (long) dev, null, x[0], telemetry ? Double.valueOf(x[1]) : null, x[2], x[3], 0, telemetry));
    }
    p.active = p.anyRow = true;
    p.telemetry = telemetry;
    p.telemetryActive = telemetry;
    p.sessions = v[0];
    p.seconds = telemetry ? v[1] : null;
  }

  /** The period a day falls in, worked out from the day itself (not from the period list under test). */
  static String key(LocalDate day, Interval interval) {
    return switch (interval) {
      case DAY -> day.toString();
      case WEEK -> day.get(IsoFields.WEEK_BASED_YEAR) + "-W" + String.format("%02d", day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
      case MONTH -> YearMonth.from(day).toString();
    };
  }

  record Expected(int known, int active, int committers, int activeCommitters, int telemetry, Long sessions,
      Double seconds, Integer withActiveTime) {}

  static Map<String, Expected> truth(Org org, Interval interval) {
    Map<String, List<Integer>> daysOf = new LinkedHashMap<>();
    int days = org.plan()[0].length;
    for (int i = 0; i < days; i++) {
      daysOf.computeIfAbsent(key(org.from().plusDays(i), interval), k -> new ArrayList<>()).add(i);
    }
    Map<String, Expected> out = new LinkedHashMap<>();
    daysOf.forEach((k, idx) -> {
      int known = 0, active = 0, committers = 0, both = 0, tel = 0, withTime = 0;
      long sessions = 0;
      long seconds = 0;
      boolean anyRow = false, anySeconds = false;
      for (Plan[] dev : org.plan()) {
        boolean kn = false, ac = false, co = false, te = false, ta = false;
        for (int i : idx) {
          Plan p = dev[i];
          kn |= p.known;
          ac |= p.active;
          co |= p.commits;
          te |= p.telemetry;
          ta |= p.telemetryActive;
          anyRow |= p.anyRow;
          sessions += p.sessions;
          if (p.seconds != null) {
            anySeconds = true;
            seconds += p.seconds;
          }
        }
        known += kn ? 1 : 0;
        active += ac ? 1 : 0;
        committers += co ? 1 : 0;
        both += ac && co ? 1 : 0;
        tel += te ? 1 : 0;
        withTime += ta ? 1 : 0;
      }
      out.put(k, new Expected(known, active, committers, both, tel, anyRow ? sessions : null,
          anySeconds ? (double) seconds : null, anySeconds ? withTime : null));
    });
    return out;
  }

  @Test
  void activeUsersPerDayWeekAndMonth_equalThePlantedOnes() {
    for (long seed = 1; seed <= SEEDS; seed++) {
      Org org = generate(seed);
      for (Interval interval : Interval.values()) {
        Map<String, Expected> want = truth(org, interval);
        Map<String, Expected> got = Adoption.byPeriod(org.activity(), org.commits(), org.roster(), interval, org.from(), org.to())
            .stream().collect(Collectors.toMap(PeriodAdoption::period, a -> new Expected(a.knownDevelopers(), a.activeUsers(),
                a.developersWithCommits(), a.activeWithCommits(), a.developersSendingTelemetry(), a.sessions(),
                a.activeSeconds(), a.activeUsersWithActiveTime()), (x, y) -> x, LinkedHashMap::new));
        assertThat(got).as("seed %d, %s", seed, interval).isEqualTo(want);
      }
    }
  }

  @Test
  void cohortsOverTheWindow_followThePlantedActiveDays() {
    for (long seed = 1; seed <= SEEDS; seed++) {
      Org org = generate(seed);
      Map<Long, Cohort> want = new HashMap<>();
      Set<Long> listed = org.roster().stream().map(KnownDeveloper::id).collect(Collectors.toCollection(TreeSet::new));
      for (int dev = 0; dev < org.plan().length; dev++) {
        int knownDays = 0, activeDays = 0;
        for (Plan p : org.plan()[dev]) {
          knownDays += p.onRoster ? 1 : 0;
          activeDays += p.active ? 1 : 0;
        }
        if (knownDays == 0 && activeDays > 0) {
          knownDays = org.plan()[dev].length; // not on the list (or not in the window): known the whole window
        }
        if (knownDays > 0) {
          double perWeek = activeDays * 7.0 / Math.max(knownDays, activeDays);
          want.put((long) dev, activeDays == 0 ? Cohort.NONE : perWeek >= 4 ? Cohort.HEAVY : perWeek >= 2 ? Cohort.MODERATE : Cohort.LIGHT);
        }
      }
      assertThat(Cohorts.of(org.activity(), org.roster(), org.from(), org.to())).as("seed %d (listed %s)", seed, listed)
          .isEqualTo(want);
    }
  }
}
