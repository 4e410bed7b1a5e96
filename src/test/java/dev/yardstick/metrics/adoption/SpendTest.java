package dev.yardstick.metrics.adoption;

import static dev.yardstick.metrics.adoption.AdoptionTest.tel;
import static dev.yardstick.metrics.adoption.IntervalTest.d;
import static org.assertj.core.api.Assertions.assertThat;

import dev.yardstick.metrics.adoption.Spend.SpendRow;
import dev.yardstick.metrics.adoption.Spend.Tokens;
import dev.yardstick.metrics.adoption.Spend.UnitCosts;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Tokens and cost by model, developer and team, and unit costs, hand-computed. */
class SpendTest {
  static ModelDay m(Long dev, Long team, String model, double in, double out, double read, double creation, double cost) {
    return new ModelDay(d("2026-02-02"), dev, team, model, in, out, read, creation, cost);
  }

  // team 11 (payments) is under team 10 (platform)
  static final List<ModelDay> SPEND = List.of(m(1L, 10L, "claude-opus-4", 100, 50, 1000, 10, 1.5),
      m(1L, 10L, "claude-sonnet-4", 200, 20, 0, 0, 0.25), m(2L, 11L, "claude-opus-4", 10, 10, 10, 10, 0.75),
      m(null, null, "claude-haiku-4", 1, 1, 1, 1, 0.5), m(3L, null, "", 0, 0, 0, 0, 0));
  static final Map<Long, List<String>> TEAMS = Map.of(10L, List.of("platform"), 11L, List.of("payments", "platform"));

  @Test
  void byModelDeveloperAndTeam() {
    assertThat(Spend.byModel(SPEND)).containsExactly(new SpendRow("(no model)", new Tokens(0, 0, 0, 0), 0),
        new SpendRow("claude-haiku-4", new Tokens(1, 1, 1, 1), 0.5),
        new SpendRow("claude-opus-4", new Tokens(110, 60, 1010, 20), 2.25),
        new SpendRow("claude-sonnet-4", new Tokens(200, 20, 0, 0), 0.25));
    assertThat(Spend.byDeveloper(SPEND, id -> "dev" + id)).containsExactly(
        new SpendRow("dev1", new Tokens(300, 70, 1000, 10), 1.75), new SpendRow("dev2", new Tokens(10, 10, 10, 10), 0.75),
        new SpendRow("dev3", new Tokens(0, 0, 0, 0), 0), new SpendRow("unattributed", new Tokens(1, 1, 1, 1), 0.5));
    assertThat(Spend.byTeam(SPEND, TEAMS::get)).containsExactly(new SpendRow("(no team)", new Tokens(0, 0, 0, 0), 0),
        new SpendRow("payments", new Tokens(10, 10, 10, 10), 0.75), new SpendRow("platform", new Tokens(310, 80, 1010, 20), 2.5),
        new SpendRow("unattributed", new Tokens(1, 1, 1, 1), 0.5));
  }

  static ActivityDay lines(Long dev, double sessions, double lines) {
    return new ActivityDay(d("2026-02-02"), dev, null, sessions, 0.0, 0, 0, lines, true);
  }

  @Test
  void unitCosts_perActiveDeveloperCommitAcceptedLineAndAiCommit() {
    List<ActivityDay> activity = List.of(lines(1L, 2, 100), lines(2L, 1, 50), tel("2026-02-02", 3L, 0, 0, 0, 0));
    List<CommitDay> commits = List.of(new CommitDay(d("2026-02-02"), 1L, 10L, 4, 1), new CommitDay(d("2026-02-03"), 4L, null, 2, 1));

    // $3.00 over 2 active developers, 6 commits, 150 accepted lines, 2 AI co-authored commits
    assertThat(Spend.unitCosts(SPEND, activity, commits)).isEqualTo(new UnitCosts(3.0, 2, 1.5, 6L, 0.5, 150L, 0.02, 2L, 1.5));
  }

  @Test
  void zeroOrUnknownDenominators_giveNull() {
    List<ActivityDay> activity = List.of(lines(1L, 1, 0));
    assertThat(Spend.unitCosts(SPEND, activity, null))
        .isEqualTo(new UnitCosts(3.0, 1, 3.0, null, null, 0L, null, null, null));
    assertThat(Spend.unitCosts(SPEND, activity, List.of(new CommitDay(d("2026-02-02"), 1L, null, 3, 0))))
        .isEqualTo(new UnitCosts(3.0, 1, 3.0, 3L, 1.0, 0L, null, 0L, null));
    // no usage data at all: cost unknown, though the commits are known
    assertThat(Spend.unitCosts(List.of(), List.of(), List.of(new CommitDay(d("2026-02-02"), 4L, null, 2, 0))))
        .isEqualTo(new UnitCosts(null, 0, null, 2L, null, null, null, 0L, null));
    assertThat(Spend.byModel(List.of())).isEmpty();
  }
}
