package dev.yardstick.model;

import java.util.Locale;

/** What an account may see: everything, its teams, or its own numbers. */
public enum Role {
  ADMIN,
  MANAGER,
  DEVELOPER;

  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Role parse(String s) {
    try {
      return valueOf(s.trim().toUpperCase(Locale.ROOT));
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("role must be admin, manager or developer (got \"" + s + "\")");
    }
  }

  /** Whether this role includes everything {@code other} may do. */
  public boolean atLeast(Role other) {
    return ordinal() <= other.ordinal();
  }
}
