package dev.yardstick.ingest.otlp;

import java.util.Set;

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

  private static final Set<String> IDENTITY_KEYS = Set.of(
      "user.email", "user.account_uuid", "user.account_id", "user.id", "organization.id", "service.name");
  private static final Set<String> SESSION_KEYS = Set.of("session.id", "terminal.type", "app.version");
  private static final Set<String> CONTEXT_KEYS = Set.of(
      "app.entrypoint", "user.groups", "identity.source", "ccr.session.id", "service.version", "service.namespace",
      "service.instance.id", "os.type", "os.version", "host.arch", "host.name", "wsl.version",
      "telemetry.sdk.name", "telemetry.sdk.language", "telemetry.sdk.version");
  private static final Set<String> EVENT_KEYS = Set.of("event.name", "event.timestamp", "event.sequence");
  // workspace.host_paths names local directories: no use to reports, so not kept
  private static final Set<String> CONTENT_KEYS = Set.of(
      "prompt", "response", "tool_input", "tool_parameters", "tool_content", "body", "body_ref",
      "workspace.host_paths", "full_command", "bash_command", "hook_definitions", "hook_matcher");

  static AttributeKind of(String key) {
    if (IDENTITY_KEYS.contains(key)) {
      return IDENTITY;
    }
    if (SESSION_KEYS.contains(key)) {
      return SESSION;
    }
    if (CONTEXT_KEYS.contains(key) || key.startsWith("vcs.") || key.startsWith("workflow.")) {
      return CONTEXT;
    }
    if (EVENT_KEYS.contains(key)) {
      return EVENT_META;
    }
    if (CONTENT_KEYS.contains(key)) {
      return CONTENT;
    }
    return DIMENSION;
  }
}
