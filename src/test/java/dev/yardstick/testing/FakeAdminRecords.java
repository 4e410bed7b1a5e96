package dev.yardstick.testing;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;

/** One ClaudeCodeUsageReport record in the documented shape; odd days use the older "YYYY-MM-DD" date form. */
final class FakeAdminRecords {
  private FakeAdminRecords() {}

  static void write(JsonGenerator g, AdminDataset.Row r) throws IOException {
    g.writeStartObject();
    g.writeStringField("date", r.day().toEpochDay() % 2 == 0 ? r.day() + "T00:00:00Z" : r.day().toString());
    g.writeObjectFieldStart("actor");
    if (r.user()) {
      g.writeStringField("type", "user_actor");
      g.writeStringField("email_address", r.actor());
    } else {
      g.writeStringField("type", "api_actor");
      g.writeStringField("api_key_name", r.actor());
    }
    g.writeEndObject();
    g.writeStringField("organization_id", "3f0c2a9e-6b1d-4d8e-9a55-0c7e2b41d9aa");
    g.writeStringField("customer_type", "api");
    g.writeNullField("subscription_type");
    g.writeStringField("terminal_type", r.terminal());
    g.writeBooleanField("is_remote", r.remote());
    g.writeObjectFieldStart("core_metrics");
    number(g, r, "num_sessions", r.sessions());
    g.writeObjectFieldStart("lines_of_code");
    number(g, r, "lines_of_code.added", r.added());
    number(g, r, "lines_of_code.removed", r.removed());
    g.writeEndObject();
    number(g, r, "commits_by_claude_code", r.commits());
    number(g, r, "pull_requests_by_claude_code", r.prs());
    g.writeEndObject();
    g.writeObjectFieldStart("tool_actions");
    for (var e : r.tools().entrySet()) {
      g.writeObjectFieldStart(e.getKey());
      g.writeNumberField("accepted", e.getValue()[0]);
      g.writeNumberField("rejected", e.getValue()[1]);
      g.writeEndObject();
    }
    g.writeEndObject();
    g.writeArrayFieldStart("model_breakdown");
    for (AdminDataset.Model m : r.models()) {
      boolean first = m == r.models().getFirst();
      g.writeStartObject();
      g.writeStringField("model", m.name());
      g.writeObjectFieldStart("tokens");
      number(g, first ? r : null, "tokens.input", m.input());
      g.writeNumberField("output", m.output());
      g.writeNumberField("cache_read", m.cacheRead());
      g.writeNumberField("cache_creation", m.cacheCreation());
      g.writeEndObject();
      g.writeObjectFieldStart("estimated_cost");
      g.writeStringField("currency", "USD");
      number(g, first ? r : null, "estimated_cost.amount", m.cents());
      g.writeEndObject();
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeEndObject();
  }

  /** The field's own figure, or what the row has planted in its place. */
  private static void number(JsonGenerator g, AdminDataset.Row r, String path, long own) throws IOException {
    g.writeFieldName(path.substring(path.lastIndexOf('.') + 1));
    Number planted = r == null ? null : r.planted().get(path);
    if (planted instanceof Double d) {
      g.writeNumber(d);
    } else {
      g.writeNumber(planted == null ? own : planted.longValue());
    }
  }
}
