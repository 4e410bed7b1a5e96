package dev.yardstick.ingest.anthropic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.yardstick.model.AdminUsage;
import dev.yardstick.model.AdminUsage.ActorType;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Admin API's wire format: the documented example, both date forms, cents, unknown keys and actor types. */
class AdminUsageJsonTest {
  static final String EXAMPLE = """
      {"data":[{"date":"2026-08-20T00:00:00Z","actor":{"type":"user_actor","email_address":" Jane.Doe@Example.com"},
        "organization_id":"3f0c","customer_type":"api","subscription_type":null,"terminal_type":"vscode","is_remote":false,
        "core_metrics":{"num_sessions":7,"lines_of_code":{"added":1240,"removed":318},"commits_by_claude_code":5,
          "pull_requests_by_claude_code":1},
        "tool_actions":{"edit_tool":{"accepted":61,"rejected":4},"multi_edit_tool":{"accepted":9,"rejected":1},
          "write_tool":{"accepted":12,"rejected":0},"shell_tool":{"accepted":30,"rejected":2}},
        "model_breakdown":[{"model":"claude-sonnet-5","tokens":{"input":182340,"output":41210,"cache_read":2210450,
          "cache_creation":96120},"estimated_cost":{"currency":"USD","amount":412}},
          {"model":"claude-haiku-4-5","tokens":{"input":20110,"output":3120,"cache_read":0,"cache_creation":0},
          "estimated_cost":{"currency":"USD","amount":4}}], "a_future_field": {"x": 1}},
        {"date":"2026-08-20","actor":{"type":"api_actor","api_key_name":"ci-claude-code"},"customer_type":"api",
          "terminal_type":"non-interactive","is_remote":true,"core_metrics":{"num_sessions":22,
          "lines_of_code":{"added":310,"removed":95},"commits_by_claude_code":3,"pull_requests_by_claude_code":3},
          "tool_actions":{},"model_breakdown":[]},
        {"date":"2026-08-20","actor":{"type":"service_actor","name":"x"},"core_metrics":{}}],
       "has_more":true,"next_page":"page_MjAyNi0wOC0yMFQwMDowMDowMFo="}
      """;

  static AdminUsageJson.Page parse(String s) throws IOException {
    return AdminUsageJson.parse(new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void documentedExample_bothActorTypes_centsBecomeDollars_unknownToolKept_butNotAnEdit() throws IOException {
    AdminUsageJson.Page page = parse(EXAMPLE);

    assertThat(page.hasMore()).isTrue();
    assertThat(page.nextPage()).isEqualTo("page_MjAyNi0wOC0yMFQwMDowMDowMFo=");
    assertThat(page.rows()).hasSize(2); // an actor type Yardstick cannot name is skipped, not guessed
    AdminUsage jane = page.rows().get(0);
    assertThat(jane.day()).isEqualTo(LocalDate.parse("2026-08-20"));
    assertThat(jane.actorType()).isEqualTo(ActorType.USER);
    assertThat(jane.actor()).isEqualTo("jane.doe@example.com");
    assertThat(jane.sessions()).isEqualTo(7);
    assertThat(jane.linesAdded()).isEqualTo(1240);
    assertThat(jane.editsAccepted()).isEqualTo(61 + 9 + 12);
    assertThat(jane.editsRejected()).isEqualTo(5);
    assertThat(jane.toolActions()).containsKey("shell_tool");
    assertThat(jane.models()).extracting(AdminUsage.ModelUsage::costUsd).containsExactly(4.12, 0.04);
    assertThat(jane.models().getFirst().cacheRead()).isEqualTo(2210450);
    AdminUsage ci = page.rows().get(1);
    assertThat(ci.actorType()).isEqualTo(ActorType.API);
    assertThat(ci.actor()).isEqualTo("ci-claude-code");
    assertThat(ci.remote()).isTrue();
    assertThat(ci.day()).isEqualTo(LocalDate.parse("2026-08-20"));
    assertThat(ci.models()).isEmpty();
  }

  @Test
  void rowsOutsideThePlausibilityLimits_areLeftOut_sayingWhichFigureAndWhy() throws IOException {
    String user = EXAMPLE.substring(EXAMPLE.indexOf("{\"date\""), EXAMPLE.indexOf(", \"a_future_field\"")) + "}";
    String api = "{\"date\":\"2026-08-20\",\"actor\":{\"type\":\"api_actor\",\"api_key_name\":\"ci\"},"
        + "\"terminal_type\":\"tmux\",\"core_metrics\":{\"num_sessions\":%s},\"model_breakdown\":[{\"model\":\"m\","
        + "\"tokens\":{\"input\":%s},\"estimated_cost\":{\"amount\":%s}}]}";
    AdminUsageJson.Page page = parse("{\"data\":[" + String.join(",",
        user.replace("\"added\":1240", "\"added\":1e300"), user.replace("\"num_sessions\":7", "\"num_sessions\":2400001"),
        String.format(api, "2400001", "1", "1"), String.format(api, "1", "\"lots\"", "1"), String.format(api, "1", "1", "-5"),
        String.format(api, "240000000", "24000000000000", "2400000000")) + "],\"has_more\":false}");

    assertThat(page.rows()).extracting(AdminUsage::actor).containsExactly("ci", "ci"); // an API key may be a team's
    assertThat(page.refused().count()).isEqualTo(4);
    assertThat(page.refused().byReason()).containsEntry("lines", 1).containsEntry("actions", 1).containsEntry("invalid", 1)
        .containsEntry("negative", 1);
    assertThat(page.refused().message()).isEqualTo("2026-08-20 user jane.doe@example.com (vscode): lines_of_code.added 1.0E300"
        + " is above the plausibility limit of 24,000,000 lines for one user's day (and 3 more rejected)");
  }

  @Test
  void lastPage_hasNoCursor_andAMissingDataArrayIsAnError() throws IOException {
    assertThat(parse("{\"data\":[],\"has_more\":false,\"next_page\":null}").nextPage()).isNull();
    assertThatThrownBy(() -> parse("{\"type\":\"error\"}")).isInstanceOf(IOException.class);
    assertThatThrownBy(() -> AdminUsageJson.day("20.08.2026")).isInstanceOf(IOException.class);
    assertThat(AdminUsageJson.day("2026-08-20T00:00:00+00:00")).isEqualTo(LocalDate.parse("2026-08-20"));
  }

  @Test
  void errors_byStatus_withAnthropicsShape_andTheirRetries() {
    AdminApiException auth = AdminApiErrors.of(401, """
        {"type":"error","error":{"type":"authentication_error","message":"invalid x-api-key"},"request_id":"req_1"}
        """.getBytes(StandardCharsets.UTF_8), null);
    assertThat(auth.kind()).isEqualTo(AdminApiException.Kind.WRONG_KEY);
    assertThat(auth.getMessage()).contains("invalid x-api-key").contains("authentication_error").contains("req_1");
    assertThat(RetryPolicy.STANDARD.wait(auth, 1)).isNull();
    AdminApiException limited = AdminApiErrors.of(429, "<html>".getBytes(StandardCharsets.UTF_8), "7");
    assertThat(RetryPolicy.STANDARD.wait(limited, 1)).isEqualTo(Duration.ofSeconds(7));
    AdminApiException overloaded = AdminApiErrors.of(529, new byte[0], null);
    assertThat(overloaded.kind()).isEqualTo(AdminApiException.Kind.SERVER);
    assertThat(List.of(1, 2, 3, 4).stream().map(a -> RetryPolicy.STANDARD.wait(overloaded, a)).toList())
        .containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4), Duration.ofSeconds(8));
    assertThat(RetryPolicy.STANDARD.wait(overloaded, 8)).isNull();
    assertThat(RetryPolicy.STANDARD.wait(AdminApiErrors.of(429, new byte[0], "3600"), 1)).isEqualTo(Duration.ofMinutes(2));
    assertThat(AdminApiErrors.of(403, new byte[0], null).kind()).isEqualTo(AdminApiException.Kind.NOT_ADMIN);
    assertThat(AdminApiErrors.of(418, new byte[0], null).kind()).isEqualTo(AdminApiException.Kind.BAD_REQUEST);
  }

  @Test
  void rowsOfOneKey_areSummed_modelsByModel() throws IOException {
    AdminUsage a = parse(EXAMPLE).rows().getFirst();
    var summed = List.copyOf(AdminRows.aggregate(List.of(a, a)));
    assertThat(summed).hasSize(1);
    assertThat(summed.getFirst().sessions()).isEqualTo(14);
    assertThat(summed.getFirst().models()).hasSize(2);
    assertThat(summed.getFirst().models().getFirst().costUsd()).isEqualTo(8.24);
    assertThat(summed.getFirst().toolActions().get("shell_tool").accepted()).isEqualTo(60);
  }
}
