package dev.yardstick.identity;

import java.time.LocalDate;

/** The records identity resolution works over. */
public final class People {
  private People() {}

  /** A developer; active dates are inclusive and may be null (open). */
  public record Developer(long id, String email, String name, LocalDate activeFrom, LocalDate activeTo) {}

  public record Team(long id, String name, Long parentId) {}

  /**
   * Membership from {@code from} (inclusive; null = since the start of the developer's data) to
   * {@code to} (exclusive; null = open).
   */
  public record Membership(long developerId, long teamId, LocalDate from, LocalDate to) {
    boolean covers(LocalDate day) {
      return (from == null || !day.isBefore(from)) && (to == null || day.isBefore(to));
    }
  }

  public record Alias(long id, long developerId, AliasKind kind, String value, String evidence, boolean automatic) {}

  /** A raw identifier: what an alias would need to say to claim it. */
  public record RawId(AliasKind kind, String value) {}
}
