package dev.yardstick.ingest.otlp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.yardstick.model.Event;
import dev.yardstick.model.FactGroup;
import dev.yardstick.model.Identity;
import dev.yardstick.model.MetricPoint;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClaudeCodeMapperTest {
  private static final long T = 1_795_000_000_000_000_000L;
  private static final Instant NOW = Instant.ofEpochSecond(1_795_000_000L);
  private final ClaudeCodeMapper mapper = new ClaudeCodeMapper();

  @Test
  void mapMetrics_splitsIdentitySessionContextAndDimensions() {
    var export = metrics(List.of(kv("service.name", "claude-code"), kv("os.type", "linux"), kv("department", "eng")),
        sum("claude_code.token.usage", 1, point(1234.0, kv("user.email", " Jane@Example.COM "), kv("user.id", "abc"),
            kv("session.id", "s1"), kv("terminal.type", "vscode"), kv("department", "eng"), kv("type", "input"),
            kv("model", "claude-sonnet-5"))));

    ClaudeCodeMapper.Mapped m = mapper.mapMetrics(export, null, NOW);

    FactGroup g = m.groups().get(0);
    assertThat(g.context().identity()).isEqualTo(new Identity("jane@example.com", null, "claude-code", null, null, "abc", null));
    assertThat(g.context().sessionId()).isEqualTo("s1");
    assertThat(g.context().terminalType()).isEqualTo("vscode");
    assertThat(g.context().resourceAttributes()).containsEntry("department", "eng").containsEntry("os.type", "linux");
    MetricPoint p = g.points().get(0);
    assertThat(p.dims()).containsOnlyKeys("type", "model"); // a repeated resource key never splits a series
    assertThat(p.value()).isEqualTo(1234.0);
    assertThat(p.temporality()).isEqualTo(MetricPoint.Temporality.DELTA);
    assertThat(m.accepted()).isEqualTo(1);
  }

  @Test
  void mapMetrics_twoSessions_twoGroups() {
    var export = metrics(List.of(), sum("claude_code.commit.count", 1,
        point(1, kv("session.id", "a")), point(1, kv("session.id", "b")), point(2, kv("session.id", "a"))));

    ClaudeCodeMapper.Mapped m = mapper.mapMetrics(export, null, NOW);

    assertThat(m.groups()).hasSize(2);
    assertThat(m.groups().get(0).points()).hasSize(2);
    assertThat(m.groups().get(0).keyHi()).isNotEqualTo(m.groups().get(1).keyHi());
  }

  @Test
  void mapMetrics_contextChangingBetweenPoints_groupsByContent() {
    var export = metrics(List.of(kv("service.name", "claude-code"), kv("team.id", "a")), sum("claude_code.token.usage", 1,
        point(1, kv("session.id", "s"), kv("team.id", "a"), kv("type", "input")),
        point(2, kv("session.id", "s"), kv("team.id", "a"), kv("type", "output")),
        point(3, kv("session.id", "s"), kv("team.id", "b"), kv("type", "input")),
        point(4, kv("session.id", "s"), kv("service.name", "dev@example.com")),
        point(5, kv("session.id", "s"), kv("team.id", "a"))));

    List<FactGroup> groups = mapper.mapMetrics(export, null, NOW).groups();

    assertThat(groups).hasSize(3);
    assertThat(groups.get(0).points()).extracting(MetricPoint::value).containsExactly(1.0, 2.0, 5.0);
    assertThat(groups.get(1).context().resourceAttributes()).containsEntry("team.id", "b");
    assertThat(groups.get(2).context().identity().serviceName()).isEqualTo("dev@example.com");
    assertThat(groups.get(2).context().resourceAttributes()).containsEntry("team.id", "a");
  }

  @Test
  void mapMetrics_sameContent_sameKey() {
    var a = mapper.mapMetrics(metrics(List.of(), sum("claude_code.commit.count", 1, point(1, kv("session.id", "a")))), null, NOW);
    var b = mapper.mapMetrics(metrics(List.of(), sum("claude_code.commit.count", 1, point(1, kv("session.id", "a")))), null, NOW);
    var c = mapper.mapMetrics(metrics(List.of(), sum("claude_code.commit.count", 1, point(2, kv("session.id", "a")))), null, NOW);

    assertThat(a.groups().get(0).keyHi()).isEqualTo(b.groups().get(0).keyHi());
    assertThat(a.groups().get(0).keyLo()).isEqualTo(b.groups().get(0).keyLo());
    assertThat(a.groups().get(0).keyLo()).isNotEqualTo(c.groups().get(0).keyLo());
  }

  @Test
  void mapMetrics_invalidPoints_areRejectedWithAReason() {
    var export = metrics(List.of(),
        sum("claude_code.commit.count", 1, new Otlp.NumberPoint(List.of(), 0, 0, Otlp.ValueType.DOUBLE, 1, 0, 0),
            new Otlp.NumberPoint(List.of(), 0, T, Otlp.ValueType.NONE, 0, 0, 0),
            new Otlp.NumberPoint(List.of(), 0, T, Otlp.ValueType.DOUBLE, -1, 0, 0),
            new Otlp.NumberPoint(List.of(), 0, T, Otlp.ValueType.DOUBLE, Double.NaN, 0, 0),
            new Otlp.NumberPoint(List.of(), 0, T, Otlp.ValueType.NONE, 0, 0, 1)), // no recorded value: skipped
        sum("claude_code.session.count", 0, point(1)));

    ClaudeCodeMapper.Mapped m = mapper.mapMetrics(export, null, NOW);

    assertThat(m.rejected()).isEqualTo(5);
    assertThat(m.rejectReason()).contains("timeUnixNano").contains("4 more");
    assertThat(m.ignored()).isEqualTo(1);
    assertThat(m.groups()).isEmpty();
  }

  @Test
  void mapMetrics_otherTelemetry_isIgnored() {
    var export = metrics(List.of(), sum("http.server.requests", 1, point(5)),
        new Otlp.Metric("claude_code.token.usage", "", Otlp.MetricType.HISTOGRAM, 1, false, List.of(), 3));

    ClaudeCodeMapper.Mapped m = mapper.mapMetrics(export, null, NOW);

    assertThat(m.ignored()).isEqualTo(4);
    assertThat(m.groups()).isEmpty();
  }

  @Test
  void mapMetrics_headerEmail_isKeptBesideTheOthers() {
    var m = mapper.mapMetrics(metrics(List.of(), sum("claude_code.commit.count", 1, point(1))), " Dev@Example.com ", NOW);
    var notAnEmail = mapper.mapMetrics(metrics(List.of(), sum("claude_code.commit.count", 1, point(1))), "", NOW);

    assertThat(m.groups().get(0).context().identity().headerEmail()).isEqualTo("dev@example.com");
    assertThat(m.groups().get(0).context().identity().bestKey()).isEqualTo("dev@example.com");
    assertThat(notAnEmail.groups().get(0).context().identity().headerEmail()).isNull();
  }

  @Test
  void mapLogs_claudeEvents_dropContentAndKeepTheCommitSha() {
    var export = logs("com.anthropic.claude_code.events",
        record("claude_code.user_prompt", kv("event.name", "user_prompt"), kv("event.sequence", 4L),
            kv("prompt", "secret text"), kv("prompt_length", "11"), kv("session.id", "s1")),
        record("claude_code.tool_result", kv("event.name", "tool_result"), kv("tool_name", "Bash"),
            kv("tool_parameters", "{\"bash_command\":\"git commit -m x\",\"git_commit_id\":\"ABCDEF1234\"}")),
        record("GET /index.html"));

    ClaudeCodeMapper.Mapped m = mapper.mapLogs(export, null, NOW);

    List<Event> events = m.groups().stream().flatMap(g -> g.events().stream()).toList();
    assertThat(events).extracting(Event::name).containsExactly("user_prompt", "tool_result");
    assertThat(events.get(0).attributes()).containsEntry("prompt_length", "11").doesNotContainKey("prompt");
    assertThat(events.get(0).sequence()).isEqualTo(4);
    assertThat(events.get(1).attributes()).containsEntry("git_commit_id", "abcdef1234").doesNotContainKey("tool_parameters");
    assertThat(m.ignored()).isEqualTo(1);
  }

  @Test
  void mapLogs_eventNameOnlyInTheRecordField_isRecognized() {
    var export = logs("some.logger", new Otlp.LogRecord(T, T, 9, null, List.of(), "claude_code.api_error"));

    ClaudeCodeMapper.Mapped m = mapper.mapLogs(export, null, NOW);

    assertThat(m.groups().get(0).events().get(0).name()).isEqualTo("api_error");
  }

  private static Otlp.KeyValue kv(String k, Object v) {
    return new Otlp.KeyValue(k, v);
  }

  private static Otlp.NumberPoint point(double v, Otlp.KeyValue... attrs) {
    return new Otlp.NumberPoint(List.of(attrs), T - 60_000_000_000L, T, Otlp.ValueType.DOUBLE, v, 0, 0);
  }

  private static Otlp.Metric sum(String name, int temporality, Otlp.NumberPoint... points) {
    return new Otlp.Metric(name, "", Otlp.MetricType.SUM, temporality, true, List.of(points), 0);
  }

  private static Otlp.MetricsExport metrics(List<Otlp.KeyValue> resource, Otlp.Metric... metrics) {
    return new Otlp.MetricsExport(List.of(new Otlp.ResourceMetrics(resource,
        List.of(new Otlp.ScopeMetrics("com.anthropic.claude_code", "2.1.230", List.of(metrics))))));
  }

  private static Otlp.LogRecord record(String body, Otlp.KeyValue... attrs) {
    return new Otlp.LogRecord(T, T, 0, body, List.of(attrs), "");
  }

  private static Otlp.LogsExport logs(String scope, Otlp.LogRecord... records) {
    return new Otlp.LogsExport(List.of(new Otlp.ResourceLogs(List.of(),
        List.of(new Otlp.ScopeLogs(scope, "", List.of(records))))));
  }
}
