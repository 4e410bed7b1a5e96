package dev.yardstick.claudecode;

/**
 * The otelHeadersHelper script: prints {"X-Yardstick-User-Email": "<git config user.email>"} JSON-escaped, or {}
 * when there is no git or no email, and always exits 0 (a failing helper stops every export).
 */
public final class HeadersHelperScript {
  /** Where the generated settings point; Claude Code expands ~ in otelHeadersHelper. */
  public static final String PATH = "~/.claude/yardstick-headers.sh";
  public static final String HEADER = "X-Yardstick-User-Email";

  private HeadersHelperScript() {}

  // awk in the C locale walks bytes: UTF-8 passes through untouched, \ and " get a backslash, control bytes \\u00XX
  private static final String ESCAPE = "LC_ALL=C awk 'BEGIN { for (i = 1; i < 32; i++) code[sprintf(\"%c\", i)] = i }\n"
      + "{ if (NR > 1) printf \"%s\", \"\\\\n\"\n"
      + "  n = length($0)\n"
      + "  for (i = 1; i <= n; i++) {\n"
      + "    c = substr($0, i, 1)\n"
      + "    if (c == \"\\\\\" || c == \"\\\"\") printf \"%s%s\", \"\\\\\", c\n"
      + "    else if (c in code) printf \"%s%04x\", \"\\\\u\", code[c]\n"
      + "    else printf \"%s\", c\n"
      + "  }\n"
      + "}'";

  public static String text() {
    return "#!/bin/sh\n"
        + "# Yardstick: tells Claude Code's telemetry who you are (your git email), sent as the " + HEADER + " header.\n"
        + "# It must print one JSON object and exit 0 whatever happens: when it fails, Claude Code exports nothing.\n"
        + "email=$(git config user.email 2>/dev/null) || email=''\n"
        + "if [ -z \"$email\" ]; then\n"
        + "  printf '%s\\n' '{}'\n"
        + "  exit 0\n"
        + "fi\n"
        + "escaped=$(printf '%s\\n' \"$email\" | " + ESCAPE + " 2>/dev/null) || escaped=''\n"
        + "if [ -z \"$escaped\" ]; then\n"
        + "  printf '%s\\n' '{}'\n"
        + "  exit 0\n"
        + "fi\n"
        + "printf '{\"" + HEADER + "\": \"%s\"}\\n' \"$escaped\"\n"
        + "exit 0\n";
  }
}
