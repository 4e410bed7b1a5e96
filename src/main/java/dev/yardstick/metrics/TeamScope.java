package dev.yardstick.metrics;

import dev.yardstick.identity.IdentityResolver;
import dev.yardstick.identity.People.Team;
import dev.yardstick.model.ForbiddenException;
import dev.yardstick.model.Role;
import java.util.Set;
import java.util.stream.Collectors;

/** A `team` filter: the team and every team under it, as far as the viewer may ask for it. */
record TeamScope(Team team, Set<Long> teamIds) {
  /**
   * Throws ForbiddenException for developers (no team figures) and for a manager asking for a team they do not
   * manage, IllegalArgumentException for an unknown team.
   */
  static TeamScope of(IdentityResolver resolver, String teamName, Viewer viewer) {
    if (viewer.role() == Role.DEVELOPER) {
      throw new ForbiddenException("developers see their own numbers and company totals, not team figures");
    }
    Team team = resolver.teamNamed(teamName).orElseThrow(() -> new IllegalArgumentException("no team named " + teamName));
    if (viewer.role() == Role.MANAGER && !viewer.teamIds().contains(team.id())) {
      throw new ForbiddenException("you do not manage " + team.name());
    }
    return new TeamScope(team, resolver.teamAndDescendants(team.id()).stream().map(Team::id).collect(Collectors.toSet()));
  }

  /** Whether a row of a developer on a day of this team (null: none) is in scope: membership decides, day by day. */
  boolean holds(Long teamId) {
    return teamId != null && teamIds.contains(teamId);
  }
}
