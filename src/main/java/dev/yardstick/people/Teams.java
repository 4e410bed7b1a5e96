package dev.yardstick.people;

import dev.yardstick.identity.People.Team;
import dev.yardstick.model.Emails;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongFunction;

/** Pure checks on an organization's teams: names in any case, nesting without cycles, manager emails. */
final class Teams {
  private Teams() {}

  static Optional<Team> named(List<Team> teams, String name) {
    return teams.stream().filter(t -> t.name().equalsIgnoreCase(name.trim())).findFirst();
  }

  /** Why {@code team} cannot go under {@code parent}, or null if it can (a team that does not exist yet always can). */
  static String nestingProblem(List<Team> teams, String team, Team parent) {
    Team child = named(teams, team).orElse(null);
    if (child == null) {
      return null;
    }
    if (child.id() == parent.id()) {
      return "team " + child.name() + " cannot be put under itself";
    }
    Map<Long, Team> byId = new HashMap<>();
    teams.forEach(t -> byId.put(t.id(), t));
    Team t = parent;
    for (int guard = 0; t != null && guard <= teams.size(); guard++) {
      if (t.id() == child.id()) {
        return "team " + child.name() + " cannot be put under " + parent.name() + ", which is under it";
      }
      t = t.parentId() == null ? null : byId.get(t.parentId());
    }
    return null;
  }

  /** The managers' emails, normalized; IllegalArgumentException naming the first that is not one. */
  static List<String> managerEmails(List<String> managers) {
    List<String> out = new ArrayList<>();
    for (String m : managers) {
      String e = Emails.normalize(m);
      if (!Emails.looksLikeEmail(e)) {
        throw new IllegalArgumentException("manager \"" + m + "\" is not an email address");
      }
      out.add(e);
    }
    return out;
  }

  static LongFunction<String> names(List<Team> teams) {
    Map<Long, String> byId = new HashMap<>();
    teams.forEach(t -> byId.put(t.id(), t.name()));
    return id -> byId.getOrDefault(id, "team " + id);
  }
}
