package dev.yardstick.git;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A commit message as lines with spaces collapsed, each known as text or as quoted: a code block
 * (fenced, or indented four spaces or a tab) or a quotation ({@code >}), where a mark is only cited.
 */
final class MessageLines {
  private static final Pattern LINE_BREAK = Pattern.compile("\r?\n");
  private static final Pattern SPACES = Pattern.compile("\\s+");
  private final List<String> lines = new ArrayList<>();
  private final List<Boolean> text = new ArrayList<>();

  MessageLines(String message) {
    boolean fenced = false;
    for (String raw : LINE_BREAK.split(message, -1)) {
      String l = SPACES.matcher(raw.strip()).replaceAll(" ");
      boolean fence = l.startsWith("```") || l.startsWith("~~~");
      boolean quoted = fenced || fence || raw.startsWith("\t") || raw.startsWith("    ") || l.startsWith(">");
      if (fence) {
        fenced = !fenced;
      }
      lines.add(l);
      text.add(!quoted);
    }
  }

  int size() {
    return lines.size();
  }

  String line(int i) {
    return lines.get(i);
  }

  /** Whether line i is text of the message itself, not empty and not quoted. */
  boolean text(int i) {
    return text.get(i) && !lines.get(i).isEmpty();
  }

  /** Line i and the next as one line, when the next is text too (a line a tool wrapped), or null. */
  String joined(int i) {
    return i + 1 < lines.size() && text(i) && text(i + 1) ? lines.get(i) + " " + lines.get(i + 1) : null;
  }
}
