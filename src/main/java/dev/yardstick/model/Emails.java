package dev.yardstick.model;

import java.util.Locale;
import java.util.regex.Pattern;

/** Email normalization shared by ingest and identity resolution. */
public final class Emails {
  private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

  private Emails() {}

  public static boolean looksLikeEmail(String s) {
    return s != null && EMAIL.matcher(s.trim()).matches();
  }

  /** Lower case and trimmed; null for null or blank. */
  public static String normalize(String s) {
    if (s == null || s.isBlank()) {
      return null;
    }
    return s.trim().toLowerCase(Locale.ROOT);
  }
}
