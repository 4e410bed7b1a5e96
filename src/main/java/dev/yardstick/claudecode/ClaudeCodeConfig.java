package dev.yardstick.claudecode;

import java.util.List;

/**
 * The generated files, each exactly as it is to be saved.
 *
 * @param userSettings ~/.claude/settings.json
 * @param managedSettings managed-settings.json (never sets OTEL_SERVICE_NAME)
 * @param shell POSIX export lines
 * @param headersHelper the otelHeadersHelper script and where it goes, or null
 * @param notes plain sentences: what each block is for and its limits
 */
public record ClaudeCodeConfig(String userSettings, String managedSettings, String shell, HeadersHelper headersHelper,
    List<String> notes) {
  /** @param path where the script goes; ~/ means the user's home */
  public record HeadersHelper(String path, String script) {}
}
