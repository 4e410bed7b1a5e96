package dev.yardstick.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.yardstick.model.FactGroup;
import dev.yardstick.model.Event;
import dev.yardstick.model.Identity;
import dev.yardstick.model.MetricPoint;
import dev.yardstick.model.MetricPoint.Temporality;
import dev.yardstick.model.SessionContext;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Stored facts read back as ingest stored them, in both forms a database holds. */
class FactPayloadsTest {
  private static final long S = 1_795_000_000_000_000_000L;

  @Test
  void points_compactForm_readBackAsWritten_ownWindowsAndNonFiniteValuesToo() {
    List<MetricPoint> points = List.of(
        new MetricPoint("claude_code.token.usage", Temporality.DELTA, S, S + 60, 100, Map.of("model", "m", "type", "input")),
        new MetricPoint("claude_code.cost.usage", Temporality.DELTA, S, S + 60, 0.125, Map.of("model", "say \"hi\"\t")),
        new MetricPoint("claude_code.commit.count", Temporality.CUMULATIVE, S - 5, S + 90, Double.NaN, Map.of()),
        new MetricPoint("claude_code.lines_of_code.count", Temporality.DELTA, S, S + 60, Double.POSITIVE_INFINITY,
            Map.of("type", "added")));

    assertThat(FactPayloads.points(FactJson.points(points))).isEqualTo(points);
    assertThat(FactPayloads.points(FactJson.points(List.of()))).isEmpty();
  }

  @Test
  void points_formOfRowsWrittenBeforeTheCompactOne_areRead_bareNaNAndInfinityToo() {
    String old = "[{\"name\":\"claude_code.commit.count\",\"temporality\":\"cumulative\",\"start\":1,\"time\":2,\"value\":3.0,"
        + "\"dims\":{}},{\"name\":\"claude_code.cost.usage\",\"temporality\":\"delta\",\"start\":1,\"time\":2,\"value\":NaN,"
        + "\"dims\":{\"model\":\"m\"}},{\"name\":\"claude_code.token.usage\",\"temporality\":\"delta\",\"start\":1,\"time\":2,"
        + "\"value\":-Infinity,\"dims\":{\"type\":\"input\"}}]";

    assertThat(FactPayloads.points(old)).containsExactly(
        new MetricPoint("claude_code.commit.count", Temporality.CUMULATIVE, 1, 2, 3, Map.of()),
        new MetricPoint("claude_code.cost.usage", Temporality.DELTA, 1, 2, Double.NaN, Map.of("model", "m")),
        new MetricPoint("claude_code.token.usage", Temporality.DELTA, 1, 2, Double.NEGATIVE_INFINITY, Map.of("type", "input")));
  }

  @Test
  void events_readBackWithNameTimeAndSequence() {
    List<Event> events = List.of(new Event("api_request", S, 4, Map.of("cost_usd", 0.5, "model", "m")),
        new Event("user_prompt", S + 1, -1, Map.of()));

    assertThat(FactPayloads.events(FactJson.events(events))).containsExactly(new Event("api_request", S, 4, Map.of()),
        new Event("user_prompt", S + 1, -1, Map.of()));
  }

  @Test
  void attributes_readBackSorted_soThatASeriesKeyIsTheOneIngestMade() {
    Map<String, String> attributes = new TreeMap<>(Map.of("team", "platform", "app", "x\\y", "env", "prod"));
    SessionContext sent = new SessionContext(Identity.UNKNOWN, "s1", "vscode", "2.1.197", attributes);
    SessionContext read = new SessionContext(Identity.UNKNOWN, "s1", "vscode", "2.1.197",
        FactPayloads.attributes(FactJson.object(attributes)));
    MetricPoint p = new MetricPoint("claude_code.commit.count", Temporality.CUMULATIVE, 1, 2, 3, new TreeMap<>(Map.of("a", "b")));

    assertThat(read.resourceAttributes()).isEqualTo(attributes);
    assertThat(CumulativeSeries.key(new CumulativeSeries.Pending(1, 7, new FactGroup(read, List.of(p), List.of(), 0, 0), p, 0)))
        .isEqualTo(CumulativeSeries.key(new CumulativeSeries.Pending(1, 7, new FactGroup(sent, List.of(p), List.of(), 0, 0), p, 0)));
  }
}
