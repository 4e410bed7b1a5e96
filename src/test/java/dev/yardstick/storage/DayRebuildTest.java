package dev.yardstick.storage;

import static dev.yardstick.TestData.T0;
import static dev.yardstick.TestData.byEmail;
import static dev.yardstick.TestData.cumulative;
import static dev.yardstick.TestData.delta;
import static dev.yardstick.TestData.event;
import static dev.yardstick.TestData.group;
import static dev.yardstick.TestData.session;
import static org.assertj.core.api.Assertions.assertThat;

import dev.yardstick.model.FactGroup;
import dev.yardstick.model.MetricPoint;
import dev.yardstick.model.SessionContext;
import dev.yardstick.model.Signal;
import dev.yardstick.model.UsageField;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Day rows from stored facts, without a database: what ingest added, cumulative series replayed as they arrived. */
class DayRebuildTest {
  private static final ZoneId UTC = ZoneOffset.UTC;
  private static final LocalDate D = LocalDate.ofInstant(T0, UTC);
  private static final SessionContext S1 = session(byEmail("jane@example.com"), "s1");

  @Test
  void deltaPointsAndEvents_addOnTheDayOfEachItem() {
    StoredFact m = fact(group(S1, List.of(delta("claude_code.commit.count", 2, T0),
        delta("claude_code.commit.count", 3, T0.plusSeconds(86_400))), List.of()), T0);
    StoredFact e = fact(group(S1, List.of(), List.of(event("api_request", T0, 1), event("user_prompt", T0, 2))), T0);

    DayRows rows = DayRebuild.rebuild(1, UTC, List.of(m, e)).rows();

    assertThat(rows.get(DayKey.of(D, 7)).usage[UsageField.COMMITS.ordinal()]).isEqualTo(2);
    assertThat(rows.get(DayKey.of(D, 7)).events).isEqualTo(2);
    assertThat(rows.get(DayKey.of(D.plusDays(1), 7)).usage[UsageField.COMMITS.ordinal()]).isEqualTo(3);
  }

  @Test
  void cumulativeSeries_replayedInTheOrderPointsArrived_notTheOrderOfTheirTimes() {
    Instant start = T0.minusSeconds(600);
    // 10 at T0+60 arrived first; 4 at T0 came later: a late point of the run, which ingest counted as 0
    StoredFact first = fact(group(S1, List.of(cumulative("claude_code.commit.count", 10, start, T0.plusSeconds(60))), List.of()), T0);
    StoredFact late = fact(group(S1, List.of(cumulative("claude_code.commit.count", 4, start, T0)), List.of()), T0.plusSeconds(5));
    StoredFact next = fact(group(S1, List.of(cumulative("claude_code.commit.count", 15, start, T0.plusSeconds(120))), List.of()),
        T0.plusSeconds(9));

    DayRebuild.Result r = DayRebuild.rebuild(1, UTC, List.of(next, late, first));

    assertThat(r.rows().get(DayKey.of(D, 7)).usage[UsageField.COMMITS.ordinal()]).isEqualTo(10 + 0 + 5);
    MetricPoint p = next.group().points().getFirst();
    assertThat(r.states()).containsExactly(java.util.Map.entry(CumulativeSeries.key(new CumulativeSeries.Pending(1, 7, next.group(), p, 0)),
        new CumulativeState(p.startNanos(), p.timeNanos(), 15)));
  }

  private static StoredFact fact(FactGroup g, Instant receivedAt) {
    Signal signal = g.events().isEmpty() ? Signal.METRICS : Signal.LOGS;
    return new StoredFact(new StoredFact.Key(g.minTimeNanos(), g.keyHi(), g.keyLo()), signal, 7, D, g.size(), null, receivedAt, g);
  }
}
