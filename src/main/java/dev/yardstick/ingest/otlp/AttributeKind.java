package dev.yardstick.ingest.otlp;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** How Yardstick treats each Claude Code attribute key (see claude-code-telemetry.md A.2, A.3). */
enum AttributeKind {
  /** Raw identifiers: kept on the identity, resolved to a developer when read. */
  IDENTITY,
  /** session.id, terminal.type, app.version: stored with the session's group. */
  SESSION,
  /** Shared by the whole session (resource, OS, custom tags): stored once per group, never splits a series. */
  CONTEXT,
  /** Event bookkeeping (event.name, event.timestamp, event.sequence). */
  EVENT_META,
  /** Prompt text, tool input, raw bodies: dropped before storage. */
  CONTENT,
  /** Describes the measurement (type, model, tool_name, decision, ...). */
  DIMENSION;

  // one lookup per attribute: this runs for every attribute of every point
  private static final Map<String, AttributeKind> KEYS = new HashMap<>();

  static {
    put(IDENTITY, ResourceView.IDENTITY_KEYS);
    put(SESSION, ResourceView.SESSION_KEYS);
    put(CONTEXT, List.of("app.entrypoint", "user.groups", "identity.source", "ccr.session.id", "service.version",
        "service.namespace", "service.instance.id", "os.type", "os.version", "host.arch", "host.name", "wsl.version",
        "telemetry.sdk.name", "telemetry.sdk.language", "telemetry.sdk.version"));
    put(EVENT_META, List.of("event.name", "event.timestamp", "event.sequence"));
    // workspace.host_paths names local directories: no use to reports, so not kept
    put(CONTENT, List.of("prompt", "response", "tool_input", "tool_parameters", "tool_content", "body", "body_ref",
        "workspace.host_paths", "full_command", "bash_command", "hook_definitions", "hook_matcher"));
  }

  static AttributeKind of(String key) {
    AttributeKind kind = KEYS.get(key);
    if (kind != null) {
      return kind;
    }
    return key.startsWith("vcs.") || key.startsWith("workflow.") ? CONTEXT : DIMENSION;
  }

  // the decoder then hands out these very instances, so a lookup ends at the first identity check
  private static void put(AttributeKind kind, List<String> keys) {
    for (String k : keys) {
      KEYS.put(k, kind);
      AsciiStrings.seed(k);
    }
  }
}
