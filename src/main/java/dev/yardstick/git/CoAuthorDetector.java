package dev.yardstick.git;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds Claude Code's mark in a commit message, in every historical form: the
 * {@code Co-Authored-By: Claude ... <noreply@anthropic.com>} trailer (with or without a model name,
 * any case and spacing) and the "Generated with [Claude Code](...)" line (both URLs, with or without
 * the robot). Customisable and switchable off in Claude Code, so a match is a lower bound.
 */
public final class CoAuthorDetector {
  private static final Pattern TRAILER = Pattern.compile(
      "(?im)^[ \\t]*co-authored-by:[ \\t]*claude\\b[^<\\n]*<noreply@anthropic\\.com>[ \\t]*$");
  private static final Pattern GENERATED = Pattern.compile(
      "(?im)^[ \\t]*(?:\\S+[ \\t]+)?generated[ \\t]+with[ \\t]+(?:\\[claude[ \\t]+code]\\([^)]*\\)|claude[ \\t]+code\\b).*$");

  private CoAuthorDetector() {}

  /** The matched line (the evidence kept with the commit), or empty. */
  public static Optional<String> evidence(String message) {
    if (message == null) {
      return Optional.empty();
    }
    Matcher m = TRAILER.matcher(message);
    if (m.find()) {
      return Optional.of(m.group().strip());
    }
    m = GENERATED.matcher(message);
    return m.find() ? Optional.of(m.group().strip()) : Optional.empty();
  }
}
