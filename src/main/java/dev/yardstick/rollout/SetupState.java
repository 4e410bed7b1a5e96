package dev.yardstick.rollout;

/**
 * Where a developer stands in the Claude Code rollout, in order of precedence: the first that
 * applies wins (telemetry decides before the Admin API, the Admin API before git).
 */
public enum SetupState {
  /** Telemetry arrived within the last N days. */
  SENDING("sending", "Sending"),
  /** Telemetry arrived once, but nothing for more than N days: configured, then stopped. */
  SILENT("silent", "Configured but silent"),
  /** No telemetry ever, but the Admin API reports them: they use Claude Code without sending telemetry. */
  ONLY_ADMIN_API("onlyAdminApi", "Only in the Admin API"),
  /** No telemetry and no Admin API row, but commits in a followed repository. */
  ONLY_GIT("onlyGit", "Only in git"),
  /** Nothing anywhere. */
  NEVER_SEEN("neverSeen", "Never seen");

  private final String wire;
  private final String label;

  SetupState(String wire, String label) {
    this.wire = wire;
    this.label = label;
  }

  /** The name in the API and in query parameters. */
  public String wire() {
    return wire;
  }

  /** The name on the page. */
  public String label() {
    return label;
  }
}
