package dev.yardstick.ingest.anthropic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.yardstick.model.AdminUsage;
import dev.yardstick.model.AdminUsage.ActorType;
import dev.yardstick.model.AdminUsage.ModelUsage;
import dev.yardstick.model.AdminUsage.ToolCounts;
import dev.yardstick.model.Emails;
import dev.yardstick.model.Rejections;
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

  /** One page of the report; {@code refused} are its rows outside the plausibility limits, left out. */
  public record Page(List<AdminUsage> rows, boolean hasMore, String nextPage, Rejections refused) {}

  static Page parse(InputStream body) throws IOException {
    JsonNode root = JSON.readTree(body);
    if (root == null || !root.path("data").isArray()) {
      throw new IOException("the answer has no data array");
    }
    List<AdminUsage> rows = new ArrayList<>(root.get("data").size());
    Rejections refused = new Rejections();
    for (JsonNode r : root.get("data")) {
      AdminUsage row = row(r, refused);
      if (row != null) {
        rows.add(row);
      }
    }
    JsonNode next = root.path("next_page");
    return new Page(rows, root.path("has_more").asBoolean(false), next.isTextual() ? next.asText() : null, refused);
  }

  /** Null for a row without an actor Yardstick can name (the type list may grow), or one refused as implausible. */
  private static AdminUsage row(JsonNode r, Rejections refused) throws IOException {
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
    LocalDate day = day(r.path("date").asText(""));
    String terminal = r.path("terminal_type").asText("unknown");
    AdminAmounts a = new AdminAmounts(type == ActorType.API);
    JsonNode core = r.path("core_metrics");
    AdminUsage row = new AdminUsage(day, type, name, terminal, r.path("is_remote").asBoolean(false),
        r.path("customer_type").asText(null), a.actions(core.path("num_sessions"), "num_sessions"),
        a.lines(core.path("lines_of_code").path("added"), "lines_of_code.added"),
        a.lines(core.path("lines_of_code").path("removed"), "lines_of_code.removed"),
        a.actions(core.path("commits_by_claude_code"), "commits_by_claude_code"),
        a.actions(core.path("pull_requests_by_claude_code"), "pull_requests_by_claude_code"), tools(r.path("tool_actions"), a),
        models(r.path("model_breakdown"), a));
    if (a.problem() != null) {
      refused.add(a.problem().reason(), day + " " + (type == ActorType.API ? "API key " : "user ") + name + " (" + terminal + "): "
          + a.problem().message());
      return null;
    }
    return row;
  }

  /** "2025-08-08T00:00:00Z" (current reference) or "2025-08-08" (older text); both are UTC days. */
  static LocalDate day(String s) throws IOException {
    try {
      return s.length() == 10 ? LocalDate.parse(s) : OffsetDateTime.parse(s).withOffsetSameInstant(ZoneOffset.UTC).toLocalDate();
    } catch (RuntimeException e) {
      throw new IOException("unreadable date \"" + s + "\"");
    }
  }

  private static Map<String, ToolCounts> tools(JsonNode node, AdminAmounts a) {
    Map<String, ToolCounts> out = new LinkedHashMap<>();
    node.properties().forEach(e -> out.put(e.getKey(),
        new ToolCounts(a.actions(e.getValue().path("accepted"), "tool_actions." + e.getKey() + ".accepted"),
            a.actions(e.getValue().path("rejected"), "tool_actions." + e.getKey() + ".rejected"))));
    return out;
  }

  private static List<ModelUsage> models(JsonNode node, AdminAmounts a) {
    List<ModelUsage> out = new ArrayList<>();
    for (JsonNode m : node) {
      JsonNode t = m.path("tokens");
      // estimated_cost.amount is in cents (minor units); Yardstick reports dollars like OTel's cost
      double cents = a.cents(m.path("estimated_cost").path("amount"), "estimated_cost.amount");
      out.add(new ModelUsage(m.path("model").asText("unknown"), a.tokens(t.path("input"), "tokens.input"),
          a.tokens(t.path("output"), "tokens.output"), a.tokens(t.path("cache_read"), "tokens.cache_read"),
          a.tokens(t.path("cache_creation"), "tokens.cache_creation"), cents / 100.0));
    }
    return out;
  }
}
