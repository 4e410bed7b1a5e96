package dev.yardstick.web.pages;

import java.util.ArrayDeque;
import java.util.Locale;

/**
 * Where a browser may be sent after signing in: only a path of this site. Browsers strip tabs and
 * newlines from a URL, read a backslash as a slash and resolve dot segments, so a value that starts
 * with one slash can still name another host; those, and anything that is not plain printable
 * ASCII, go to the dashboard instead. The value is also read with its percent-encoding undone
 * (twice), so that a layer that decodes it later cannot turn it into another host either.
 */
final class LocalPath {
  static final String HOME = "/";
  private static final int MAX_LENGTH = 2048;

  private LocalPath() {}

  static String orHome(String next) {
    return isLocal(next) ? next : HOME;
  }

  static boolean isLocal(String next) {
    if (next == null || next.isEmpty() || next.length() > MAX_LENGTH || !printableAscii(next)) {
      return false;
    }
    String layer = next;
    for (int i = 0; i < 3; i++) {
      if (!startsAsPath(layer) || !normalizedStaysLocal(layer)) {
        return false;
      }
      String decoded = percentDecoded(layer);
      if (decoded == null || decoded.equals(layer)) {
        return decoded != null;
      }
      layer = decoded;
    }
    return false; // encoded three times over: no page of ours links like that
  }

  /** One slash, then anything but a second slash or a backslash; the path itself without blanks, controls or backslashes. */
  private static boolean startsAsPath(String s) {
    if (s.charAt(0) != '/' || s.length() > 1 && (s.charAt(1) == '/' || s.charAt(1) == '\\')) {
      return false;
    }
    int end = s.indexOf('?') < 0 ? s.length() : s.indexOf('?');
    for (int i = 0; i < end; i++) {
      char c = s.charAt(i);
      if (c <= ' ' || c >= 0x7f || c == '\\') {
        return false;
      }
    }
    return true;
  }

  /**
   * The path with its dot segments resolved as browsers resolve them (an empty segment is kept, and
   * {@code %2e} is a dot) neither climbs above the root nor starts with {@code //}.
   */
  private static boolean normalizedStaysLocal(String s) {
    int query = s.indexOf('?');
    String[] segments = (query < 0 ? s : s.substring(0, query)).substring(1).split("/", -1);
    ArrayDeque<String> kept = new ArrayDeque<>();
    for (String segment : segments) {
      String dots = segment.toLowerCase(Locale.ROOT).replace("%2e", ".");
      if (dots.equals("..")) {
        if (kept.pollLast() == null) {
          return false;
        }
      } else if (!dots.equals(".")) {
        kept.addLast(segment);
      }
    }
    return kept.isEmpty() || !kept.peekFirst().isEmpty() || kept.size() == 1;
  }

  private static boolean printableAscii(String s) {
    return s.chars().allMatch(c -> c > ' ' && c < 0x7f && c != '\\');
  }

  /** %XX decoded once (a '+' stays a '+'); null when an escape is malformed. */
  private static String percentDecoded(String s) {
    if (s.indexOf('%') < 0) {
      return s;
    }
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c != '%') {
        out.append(c);
        continue;
      }
      if (i + 2 >= s.length() || Character.digit(s.charAt(i + 1), 16) < 0 || Character.digit(s.charAt(i + 2), 16) < 0) {
        return null;
      }
      out.append((char) Integer.parseInt(s, i + 1, i + 3, 16));
      i += 2;
    }
    return out.toString();
  }
}
