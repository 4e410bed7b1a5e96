package dev.yardstick.people;

import dev.yardstick.identity.People.Developer;
import dev.yardstick.identity.People.Team;
import dev.yardstick.model.Emails;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Bulk import and export of developers as CSV with the columns email, name, team, manager (header
 * required, any order, other columns ignored). Import creates or renames developers, creates teams,
 * moves developers to their team from today, and makes the manager a manager of that team.
 */
public final class PeopleCsv {
  private final PeopleService people;

  public PeopleCsv(PeopleService people) {
    this.people = people;
  }

  /** What an import did; {@code errors} name the line of each row that could not be used. */
  public record ImportResult(int created, int updated, int teamsCreated, List<String> errors) {}

  public ImportResult importCsv(long org, String text) {
    List<List<String>> rows = Csv.parse(text);
    if (rows.isEmpty()) {
      throw new IllegalArgumentException("the CSV is empty; expected a header row email,name,team,manager");
    }
    Map<String, Integer> columns = new HashMap<>();
    for (int i = 0; i < rows.getFirst().size(); i++) {
      columns.put(rows.getFirst().get(i).trim().toLowerCase(Locale.ROOT), i);
    }
    if (!columns.containsKey("email")) {
      throw new IllegalArgumentException("the CSV header has no \"email\" column (expected email,name,team,manager)");
    }
    var store = people.store();
    int teamsBefore = people.resolver(org).teams().size();
    int created = 0;
    int updated = 0;
    List<String> errors = new ArrayList<>();
    for (int line = 1; line < rows.size(); line++) {
      List<String> row = rows.get(line);
      String email = Emails.normalize(cell(row, columns, "email"));
      if (email == null || !Emails.looksLikeEmail(email)) {
        errors.add("line " + (line + 1) + ": \"" + cell(row, columns, "email") + "\" is not an email address");
        continue;
      }
      String name = cell(row, columns, "name");
      Developer d = people.developerByEmail(org, email).orElse(null);
      if (d == null) {
        d = people.createDeveloper(org, email, name, null);
        created++;
      } else if (name != null && !name.isBlank() && !name.trim().equals(d.name())) {
        store.renameDeveloper(org, d.id(), name.trim());
        updated++;
      }
      String team = cell(row, columns, "team");
      if (team != null && !team.isBlank()) {
        long teamId = store.team(org, team.trim(), null, people.now());
        store.moveToTeam(org, d.id(), teamId, people.today());
        String manager = Emails.normalize(cell(row, columns, "manager"));
        if (manager != null) {
          store.addTeamManager(org, teamId, manager);
        }
      }
    }
    people.invalidate(org);
    int teamsCreated = people.resolver(org).teams().size() - teamsBefore;
    return new ImportResult(created, updated, teamsCreated, errors);
  }

  /** Every developer with today's team and that team's first manager. */
  public String exportCsv(long org) {
    var resolver = people.resolver(org);
    Map<Long, List<String>> managers = people.store().teamManagers(org);
    StringBuilder sb = new StringBuilder(Csv.line(List.of("email", "name", "team", "manager")));
    for (Developer d : people.developers(org)) {
      Team team = resolver.teamOn(d.id(), people.today()).orElse(null);
      String manager = team == null ? "" : managers.getOrDefault(team.id(), List.of("")).getFirst();
      sb.append(Csv.line(List.of(d.email(), d.name(), team == null ? "" : team.name(), manager)));
    }
    return sb.toString();
  }

  private static String cell(List<String> row, Map<String, Integer> columns, String name) {
    Integer i = columns.get(name);
    return i == null || i >= row.size() ? null : row.get(i);
  }
}
