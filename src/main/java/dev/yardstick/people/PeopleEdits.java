package dev.yardstick.people;

import dev.yardstick.identity.People.Developer;
import dev.yardstick.identity.People.Team;
import dev.yardstick.model.ConflictException;
import dev.yardstick.model.Emails;
import dev.yardstick.model.NotFoundException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Corrections of what exists: a developer's email, name and active days (deactivation is an active-to
 * day), a team's name, parent and managers. Everything is checked before anything is written; the API
 * and the pages both come here.
 */
public final class PeopleEdits {
  private final PeopleService people;

  public PeopleEdits(PeopleService people) {
    this.people = people;
  }

  /** A developer as corrected: a blank name becomes the email; {@code activeTo} is their last active day. */
  public Developer updateDeveloper(long org, long id, String email, String name, LocalDate activeFrom, LocalDate activeTo) {
    people.developer(org, id);
    String normalized = Emails.normalize(email);
    if (normalized == null || !Emails.looksLikeEmail(normalized)) {
      throw new IllegalArgumentException("\"" + (email == null ? "" : email) + "\" is not an email address");
    }
    if (activeFrom != null && activeTo != null && activeTo.isBefore(activeFrom)) {
      throw new IllegalArgumentException("active to (" + activeTo + ") is before active from (" + activeFrom + ")");
    }
    people.developerByEmail(org, normalized).filter(d -> d.id() != id).ifPresent(d -> {
      throw new ConflictException("a developer with email " + normalized + " exists");
    });
    people.store().updateDeveloper(org, id, normalized, name == null || name.isBlank() ? normalized : name.trim(), activeFrom, activeTo);
    people.invalidate(org);
    return people.developer(org, id);
  }

  /**
   * Renames a team, puts it under {@code parentName} (blank: at the top) and makes {@code managers} its
   * managers (replacing the ones it had).
   */
  public Team updateTeam(long org, long id, String name, String parentName, List<String> managers) {
    List<Team> teams = people.store().teams(org);
    Team team = teams.stream().filter(t -> t.id() == id).findFirst().orElseThrow(() -> new NotFoundException("no team " + id));
    checkName(teams, name, id, "");
    Team parent = null;
    if (parentName != null && !parentName.isBlank()) {
      parent = Teams.named(teams, parentName).orElseThrow(() -> new IllegalArgumentException("no team named " + parentName.trim()));
      String problem = Teams.nestingProblem(teams, team.name(), parent);
      if (problem != null) {
        throw new IllegalArgumentException(problem);
      }
    }
    List<String> emails = Teams.managerEmails(managers);
    people.store().renameTeam(org, id, name.trim());
    people.store().setParent(org, id, parent == null ? null : parent.id());
    people.store().setTeamManagers(org, id, emails);
    people.invalidate(org);
    return new Team(id, name.trim(), parent == null ? null : parent.id());
  }

  /**
   * Creates a team (under {@code parentName}, with managers) from a form: refused when the name is blank, too long or
   * taken, where the API's save would update the team of that name.
   */
  public void createTeam(long org, String name, String parentName, List<String> managers) {
    checkName(people.store().teams(org), name, 0, "; edit it in the list");
    people.saveTeam(org, name, parentName, managers);
  }

  /** A team name's rules: not blank, at most 200 characters, no other team's (team {@code self} may keep its own). */
  private static void checkName(List<Team> teams, String name, long self, String clashHint) {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("the team needs a name");
    }
    if (name.trim().length() > 200) {
      throw new IllegalArgumentException("the team's name is longer than 200 characters");
    }
    Optional<Team> clash = Teams.named(teams, name).filter(t -> t.id() != self);
    if (clash.isPresent()) {
      throw new ConflictException("a team named " + clash.get().name() + " exists" + clashHint);
    }
  }

  /** Manager emails typed in one field, separated by commas, semicolons or white space. */
  public static List<String> managerList(String text) {
    return text == null ? List.of() : java.util.Arrays.stream(text.split("[,;\\s]+")).filter(s -> !s.isBlank()).toList();
  }
}
