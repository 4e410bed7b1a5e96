package dev.yardstick.model;

import java.util.Map;

/** The daily usage counters Yardstick keeps per identity and model, and which metric point feeds each. */
public enum UsageField {
  SESSIONS("sessions"),
  LINES_ADDED("lines_added"),
  LINES_REMOVED("lines_removed"),
  EDITS_ACCEPTED("edits_accepted"),
  EDITS_REJECTED("edits_rejected"),
  COMMITS("commits"),
  PULL_REQUESTS("pull_requests"),
  COST_USD("cost_usd"),
  TOKENS_INPUT("tokens_input"),
  TOKENS_OUTPUT("tokens_output"),
  TOKENS_CACHE_READ("tokens_cache_read"),
  TOKENS_CACHE_CREATION("tokens_cache_creation"),
  ACTIVE_USER_SECONDS("active_user_seconds"),
  ACTIVE_CLI_SECONDS("active_cli_seconds");

  private static final UsageField[] ALL = values();
  private final String column;

  UsageField(String column) {
    this.column = column;
  }

  public String column() {
    return column;
  }

  public static int count() {
    return ALL.length;
  }

  public static UsageField at(int ordinal) {
    return ALL[ordinal];
  }

  /** The counter a Claude Code metric point adds to, or null if it feeds none. */
  public static UsageField of(String metric, Map<String, String> dims) {
    return switch (metric) {
      // agents_view is the `claude agents` UI process, not a conversation
      case "claude_code.session.count" -> "agents_view".equals(dims.get("start_type")) ? null : SESSIONS;
      case "claude_code.lines_of_code.count" -> switch (String.valueOf(dims.get("type"))) {
        case "added" -> LINES_ADDED;
        case "removed" -> LINES_REMOVED;
        default -> null;
      };
      case "claude_code.code_edit_tool.decision" -> switch (String.valueOf(dims.get("decision"))) {
        case "accept" -> EDITS_ACCEPTED;
        case "reject" -> EDITS_REJECTED;
        default -> null;
      };
      case "claude_code.commit.count" -> COMMITS;
      case "claude_code.pull_request.count" -> PULL_REQUESTS;
      case "claude_code.cost.usage" -> COST_USD;
      case "claude_code.token.usage" -> switch (String.valueOf(dims.get("type"))) {
        case "input" -> TOKENS_INPUT;
        case "output" -> TOKENS_OUTPUT;
        case "cacheRead" -> TOKENS_CACHE_READ;
        case "cacheCreation" -> TOKENS_CACHE_CREATION;
        default -> null;
      };
      // versions without the type attribute only counted keyboard time
      case "claude_code.active_time.total" -> "cli".equals(dims.get("type")) ? ACTIVE_CLI_SECONDS : ACTIVE_USER_SECONDS;
      default -> null;
    };
  }
}
