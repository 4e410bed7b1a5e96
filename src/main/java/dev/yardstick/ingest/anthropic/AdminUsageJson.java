package dev.yardstick.ingest.anthropic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.yardstick.model.AdminUsage;
import dev.yardstick.model.AdminUsage.ActorType;
import dev.yardstick.model.AdminUsage.ModelUsage;
import dev.yardstick.model.AdminUsage.ToolCounts;
import dev.yardstick.model.Emails;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The wire format of GET /v1/organizations/usage_report/claude_code: JSON in, AdminUsage out. */
public final class AdminUsageJson {
  private static final ObjectMapper JSON = new ObjectMapper();

  private AdminUsageJson() {}

  /** One page of the report. */
  public record Page(List<AdminUsage> rows, boolean hasMore, String nextPage) {}

  static Page parse(InputStream body) throws IOException {
    JsonNode root = JSON.readTree(body);
    if (root == null || !root.path("data").isArray()) {
      throw new IOException("the answer has no data array");
    }
    List<AdminUsage> rows = new ArrayList<>(root.get("data").size());
    for (JsonNode r : root.get("data")) {
      AdminUsage row = row(r);
      if (row != null) {
        rows.add(row);
      }
    }
    JsonNode next = root.path("next_page");
    return new Page(rows, root.path("has_more").asBoolean(false), next.isTextual() ? next.asText() : null);
  }

  /** Null for a row without an actor Yardstick can name (the type list may grow). */
  private static AdminUsage row(JsonNode r) throws IOException {
    JsonNode actor = r.path("actor");
    ActorType type;
    String name;
    switch (actor.path("type").asText("")) {
      case "user_actor" -> {
        type = ActorType.USER;
        name = Emails.normalize(actor.path("email_address").asText(null));
      }
      case "api_actor" -> {
        type = ActorType.API;
        name = actor.path("api_key_name").asText(null);
        name = name == null || name.isBlank() ? null : name.trim();
      }
      default -> {
        return null;
      }
    }
    if (name == null) {
      return null;
    }
    JsonNode core = r.path("core_metrics");
    return new AdminUsage(day(r.path("date").asText("")), type, name, r.path("terminal_type").asText("unknown"),
        r.path("is_remote").asBoolean(false), r.path("customer_type").asText(null),
        core.path("num_sessions").asLong(0), core.path("lines_of_code").path("added").asLong(0),
        core.path("lines_of_code").path("removed").asLong(0), core.path("commits_by_claude_code").asLong(0),
        core.path("pull_requests_by_claude_code").asLong(0), tools(r.path("tool_actions")), models(r.path("model_breakdown")));
  }

  /** "2025-08-08T00:00:00Z" (current reference) or "2025-08-08" (older text); both are UTC days. */
  static LocalDate day(String s) throws IOException {
    try {
      return s.length() == 10 ? LocalDate.parse(s) : OffsetDateTime.parse(s).withOffsetSameInstant(ZoneOffset.UTC).toLocalDate();
    } catch (RuntimeException e) {
      throw new IOException("unreadable date \"" + s + "\"");
    }
  }

  private static Map<String, ToolCounts> tools(JsonNode node) {
    Map<String, ToolCounts> out = new LinkedHashMap<>();
    node.properties().forEach(e -> out.put(e.getKey(),
        new ToolCounts(e.getValue().path("accepted").asLong(0), e.getValue().path("rejected").asLong(0))));
    return out;
  }

  private static List<ModelUsage> models(JsonNode node) {
    List<ModelUsage> out = new ArrayList<>();
    for (JsonNode m : node) {
      JsonNode t = m.path("tokens");
      // estimated_cost.amount is in cents (minor units); Yardstick reports dollars like OTel's cost
      double cents = m.path("estimated_cost").path("amount").asDouble(0);
      out.add(new ModelUsage(m.path("model").asText("unknown"), t.path("input").asLong(0), t.path("output").asLong(0),
          t.path("cache_read").asLong(0), t.path("cache_creation").asLong(0), cents / 100.0));
    }
    return out;
  }
}
