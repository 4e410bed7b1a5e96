package dev.yardstick.claudecode;

import java.util.ArrayList;
import java.util.List;

/** The plain sentences that go with the generated blocks: what each is for, where it goes, and its limits. */
final class ConfigNotes {
  private ConfigNotes() {}

  static List<String> of(ConfigRequest r) {
    List<String> n = new ArrayList<>();
    n.add("User settings: save as ~/.claude/settings.json on the developer's machine (merge the \"env\" entries into an "
        + "existing file rather than replacing it); Claude Code reads telemetry settings once, at startup.");
    n.add("Managed settings: paste into claude.ai's admin console (managed settings), or save as managed-settings.json at "
        + "/Library/Application Support/ClaudeCode/managed-settings.json on macOS, /etc/claude-code/managed-settings.json "
        + "on Linux and WSL, or C:\\Program Files\\ClaudeCode\\managed-settings.json on Windows; managed values win over "
        + "each developer's own settings.");
    n.add("Shell: add the export lines to the developer's shell profile (for example ~/.profile or ~/.zshrc); they apply to "
        + "Claude Code started from a new shell.");
    n.add("Telemetry is not historical: Yardstick has data from each developer's first export on, nothing from before.");
    n.add("The token in these blocks is a secret: anyone holding it can send data to this organization; revoke it in "
        + "Yardstick if it leaks.");
    if (r.provider() != Provider.ANTHROPIC) {
      n.add(r.provider().label() + ": sessions carry no email, so choose how each developer is identified "
          + "(the headers helper is recommended).");
      for (Provider.Variable v : r.provider().variables()) {
        if (r.variables().getOrDefault(v.name(), "").isEmpty()) {
          n.add(v.name() + " is a placeholder (\"" + v.placeholder() + "\"): replace it with your " + v.label() + ".");
        }
      }
    }
    switch (r.identity()) {
      case NONE -> n.add("No identity is added: developers signed in with claude.ai are identified by the email their "
          + "sessions carry; with an API key, Bedrock, Vertex AI, Foundry or LiteLLM they stay unmatched until linked.");
      case HEADERS_HELPER -> {
        n.add("Headers helper (recommended): save the script at " + HeadersHelperScript.PATH + " on every machine and make "
            + "it executable (chmod +x); Claude Code runs it before its first export and about every 29 minutes, and sends "
            + "the developer's git email (git config user.email) with every export, the first session included.");
        n.add("The script always exits 0 and prints {} when git or its email is missing: a failing helper would stop "
            + "all export, and data without an email waits under unmatched identities.");
        n.add("The headers helper is a settings key (otelHeadersHelper), not a variable: the shell block alone does not "
            + "set it, so use it together with the user or managed settings.");
        n.add("No SessionStart hook is offered: a hook runs after the exporters are built, so what it writes applies from "
            + "the next session only, and rewriting settings.json risks the developer's other settings; the helper has "
            + "neither limit.");
      }
      case SERVICE_NAME -> {
        n.add("Service name: OTEL_SERVICE_NAME=" + r.email() + " is in the user settings and the shell block, for this "
            + "developer only; every developer needs their own.");
        n.add("The managed settings never set OTEL_SERVICE_NAME: managed values win over the user's, so a shared value "
            + "there would hide every developer's own.");
      }
      default -> throw new IllegalStateException("unknown identity " + r.identity());
    }
    return List.copyOf(n);
  }
}
