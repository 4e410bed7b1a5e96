package dev.yardstick.metrics;

import dev.yardstick.model.Role;
import java.util.Set;

/**
 * Who asks for a report, and so what it may contain.
 *
 * @param developerId the caller's own developer (DEVELOPER role), or null
 * @param teamIds the teams a manager manages, with every team under them
 * @param seesIndividuals whether per-developer rows are allowed (always for admins and for oneself)
 */
public record Viewer(Role role, Long developerId, Set<Long> teamIds, boolean seesIndividuals) {
  public static final Viewer ADMIN = new Viewer(Role.ADMIN, null, Set.of(), true);

  /** Whether the caller may see this developer's own numbers on a day of this team: nothing of theirs is withheld then. */
  boolean seesIndividually(Long developer, Long team) {
    return switch (role) {
      case ADMIN -> true;
      case MANAGER -> seesIndividuals && team != null && teamIds.contains(team);
      case DEVELOPER -> developer != null && developer.equals(developerId);
    };
  }

  /** Whether rows of this grouping may hold data of people the caller may not see individually. */
  boolean restrictedIn(GroupBy groupBy) {
    return switch (role) {
      case ADMIN -> false;
      case MANAGER -> groupBy == GroupBy.ORG || !seesIndividuals;
      case DEVELOPER -> groupBy == GroupBy.ORG;
    };
  }

  /** Whether a row of this developer on a day of this team is in the caller's view. */
  boolean sees(Long developer, Long team) {
    return switch (role) {
      case ADMIN -> true;
      case MANAGER -> team != null && teamIds.contains(team);
      case DEVELOPER -> developer != null && developer.equals(developerId);
    };
  }
}
