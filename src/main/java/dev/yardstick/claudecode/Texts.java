package dev.yardstick.claudecode;

/** Small text rules shared by the generators. */
final class Texts {
  private Texts() {}

  /** At most 40 characters of what a caller sent, for error messages. */
  static String quote(String value) {
    if (value == null) {
      return "nothing";
    }
    String v = value.length() > 40 ? value.substring(0, 40) + "…" : value;
    return "\"" + v + "\"";
  }

  static boolean hasControl(String s) {
    return s.chars().anyMatch(c -> c < 0x20 || c == 0x7f);
  }

  /** A POSIX shell word that stays exactly {@code s}: single quotes, each ' written as '\''. */
  static String shellQuote(String s) {
    return "'" + s.replace("'", "'\\''") + "'";
  }
}
