package dev.yardstick.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.yardstick.demo.DemoOrg.Day;
import dev.yardstick.demo.DemoOrg.Developer;
import dev.yardstick.demo.DemoOrg.Source;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DemoGeneratorTest {
  private static final DemoGenerator.Options DEFAULT =
      new DemoGenerator.Options(60, 180, 42, LocalDate.parse("2026-11-30"), ZoneId.of("Europe/Berlin"));
  private static final DemoOrg ORG = DemoGenerator.generate(DEFAULT);

  @Test
  void theSameSeedMakesTheSameOrganization_andItsCommits_anotherSeedAnother() {
    assertThat(DemoGenerator.generate(DEFAULT)).isEqualTo(ORG);
    assertThat(commits(DemoGenerator.generate(DEFAULT))).isEqualTo(commits(ORG));
    DemoOrg other = DemoGenerator.generate(new DemoGenerator.Options(60, 180, 43, DEFAULT.end(), DEFAULT.zone()));
    assertThat(other.days()).isNotEqualTo(ORG.days());
  }

  @Test
  void teamsAreNested_someJoinLate_oneMoves_andEverySourceIsThere() {
    Map<String, String> parent = new HashMap<>();
    ORG.teams().forEach(t -> parent.put(t.name(), t.parent()));
    assertThat(parent.get("Web")).isEqualTo("Product");
    assertThat(parent.get("Product")).isEqualTo("Engineering");
    assertThat(parent.get("Engineering")).isNull();
    List<Developer> movers = ORG.developers().stream().filter(d -> d.memberships().size() > 1).toList();
    assertThat(movers).hasSize(1);
    assertThat(movers.getFirst().memberships().get(1).from()).isEqualTo(movers.getFirst().memberships().get(0).to());
    assertThat(ORG.developers()).filteredOn(d -> d.joined().isAfter(ORG.first())).hasSizeBetween(2, 10);
    assertThat(ORG.developers()).extracting(Developer::source).contains(Source.values());
    assertThat(ORG.developers()).filteredOn(d -> !d.gitEmail().equals(d.email())).isNotEmpty();
    assertThat(ORG.developers()).extracting(Developer::email).doesNotHaveDuplicates();
    long midway = ORG.developers().stream().filter(d -> d.adoption() != null && d.adoption().isAfter(ORG.first().plusDays(50))).count();
    assertThat(midway).isGreaterThanOrEqualTo(3);
  }

  @Test
  void nothingImplausible_noUseBeforeAdoptionOrJoining_andWeekendsAreQuiet() {
    long weekend = 0;
    long weekday = 0;
    for (Day d : ORG.days()) {
      Developer dev = ORG.developers().get(d.developer());
      assertThat(d.day()).isAfterOrEqualTo(dev.joined()).isBetween(ORG.first(), ORG.last());
      boolean quiet = d.day().getDayOfWeek() == DayOfWeek.SATURDAY || d.day().getDayOfWeek() == DayOfWeek.SUNDAY;
      if (d.usage() != null) {
        assertThat(dev.adoption()).isNotNull();
        assertThat(d.day()).isAfterOrEqualTo(dev.adoption());
        assertThat(d.usage().activeUserSeconds() + d.usage().activeCliSeconds()).isBetween(60L, 4 * 3600L);
        assertThat(d.usage().sessions()).isBetween(1, 5);
        assertThat(d.usage().models()).allSatisfy(m -> assertThat(m.costMicros()).isBetween(1L, 100_000_000L));
        assertThat(d.usage().linesRemoved()).isLessThanOrEqualTo(d.usage().linesAdded());
      }
      if (quiet) {
        weekend += d.commits() + (d.usage() == null ? 0 : 1);
      } else {
        weekday += d.commits() + (d.usage() == null ? 0 : 1);
      }
    }
    assertThat(weekend * 100).isLessThan(weekday * 2);
    assertThat(ORG.days()).filteredOn(d -> d.day().getMonthValue() == 12 && d.day().getDayOfMonth() == 25).isEmpty();
  }

  /** Per developer of a team, over whole weeks: commits per high-AI week (>= 2 h) over commits per low-AI week (< 0.5 h, with use). */
  @Test
  void thePlantedTeamsHighAiWeeksCarryAbout30PercentMoreCommits_otherTeamsNone() {
    assertThat(lift("Web")).isBetween(1.15, 1.5);
    assertThat(lift("Platform")).isBetween(0.85, 1.15);
    assertThat(lift("Data")).isBetween(0.85, 1.15);
    assertThat(ORG.days()).filteredOn(d -> d.reworkBoost() > 1)
        .isNotEmpty().allSatisfy(d -> assertThat(ORG.developers().get(d.developer()).teamOn(d.day())).isEqualTo("Web"));
  }

  private static double lift(String team) {
    Map<Integer, Map<LocalDate, double[]>> weeks = new HashMap<>(); // developer -> Monday -> {hours, commits, usage days}
    for (Day d : ORG.days()) {
      Developer dev = ORG.developers().get(d.developer());
      if (!team.equals(dev.memberships().getFirst().team()) || dev.memberships().size() > 1) {
        continue;
      }
      LocalDate monday = d.day().with(DayOfWeek.MONDAY);
      if (monday.isBefore(ORG.first()) || monday.plusDays(6).isAfter(ORG.last())) {
        continue; // whole weeks only: a window's partial edge week is an easy low-AI week with few commits
      }
      double[] w = weeks.computeIfAbsent(d.developer(), k -> new HashMap<>()).computeIfAbsent(monday, k -> new double[3]);
      w[0] += d.usage() == null ? 0 : d.usage().activeHours();
      w[1] += d.commits();
      w[2] += d.usage() == null ? 0 : 1;
    }
    double logSum = 0;
    int n = 0;
    for (Map<LocalDate, double[]> byWeek : weeks.values()) {
      List<Double> high = new ArrayList<>();
      List<Double> low = new ArrayList<>();
      byWeek.values().forEach(w -> {
        if (w[0] >= 2) {
          high.add(w[1]);
        } else if (w[2] > 0 && w[0] < 0.5) {
          low.add(w[1]);
        }
      });
      if (high.size() >= 4 && low.size() >= 4) {
        logSum += Math.log(mean(high) / mean(low));
        n++;
      }
    }
    return n < 3 ? Double.NaN : Math.exp(logSum / n); // NaN fails every range: too few developers to tell
  }

  private static double mean(List<Double> xs) {
    return xs.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
  }

  private static List<String> commits(DemoOrg org) {
    CommitPlanner planner = new CommitPlanner(org);
    List<String> out = new ArrayList<>();
    planner.plan(c -> out.add(c.epochSecond() + " " + c.developer() + " " + c.message() + " " + c.files()));
    planner.truths().forEach(t -> out.add(t.id + " " + t.linesAdded + " " + t.reworked + " " + t.defect + " " + t.aiCoAuthored));
    return out;
  }
}
