package dev.yardstick.people;

import dev.yardstick.identity.IdentityResolver;
import dev.yardstick.identity.People.Developer;
import dev.yardstick.identity.People.Membership;
import dev.yardstick.identity.People.Team;
import dev.yardstick.model.Csv;
import dev.yardstick.model.Emails;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Bulk import and export of developers as CSV with the columns email, name, team, team_since,
 * parent_team, manager (a header is required, only email must be there, any order, other columns
 * ignored). Import creates or renames developers, creates teams (under parent_team), puts each
 * developer in their team (since team_since; without it a first team covers all of their data, and
 * a change of team applies from today) and makes the manager a manager of that team. A row with a
 * problem is skipped whole and named in the errors.
 */
public final class PeopleCsv {
  static final List<String> COLUMNS = List.of("email", "name", "team", "team_since", "parent_team", "manager");

  private final PeopleService people;

  public PeopleCsv(PeopleService people) {
    this.people = people;
  }

  /** What an import did; {@code updated} counts developers renamed or moved; {@code errors} name each skipped line. */
  public record ImportResult(int created, int updated, int teamsCreated, List<String> errors) {}

  /** One row, checked before anything of it is written. */
  record Row(String email, String name, String team, LocalDate since, String parent, String manager) {}

  public ImportResult importCsv(long org, String text) {
    List<List<String>> rows = Csv.parse(text);
    Map<String, Integer> columns = columns(rows);
    var store = people.store();
    int teamsBefore = store.teams(org).size();
    int created = 0;
    int updated = 0;
    List<String> errors = new ArrayList<>();
    for (int line = 1; line < rows.size(); line++) {
      Row row;
      try {
        row = read(rows.get(line), columns, () -> store.teams(org));
      } catch (IllegalArgumentException e) {
        errors.add("line " + (line + 1) + ": " + e.getMessage());
        continue;
      }
      Developer d = people.developerByEmail(org, row.email()).orElse(null);
      boolean isNew = d == null;
      boolean changed = false;
      if (isNew) {
        d = people.createDeveloper(org, row.email(), row.name(), null);
        created++;
      } else if (row.name() != null && !row.name().equals(d.name())) {
        store.renameDeveloper(org, d.id(), row.name());
        changed = true;
      }
      if (row.team() != null) {
        changed |= placeInTeam(org, d.id(), row);
      }
      updated += changed && !isNew ? 1 : 0;
    }
    people.invalidate(org);
    return new ImportResult(created, updated, store.teams(org).size() - teamsBefore, errors);
  }

  /** The header's columns by lower-case name; IllegalArgumentException when there is no header or no email column. */
  static Map<String, Integer> columns(List<List<String>> rows) {
    if (rows.isEmpty()) {
      throw new IllegalArgumentException("the CSV is empty; expected a header row " + String.join(",", COLUMNS));
    }
    Map<String, Integer> columns = new HashMap<>();
    for (int i = 0; i < rows.getFirst().size(); i++) {
      columns.put(rows.getFirst().get(i).trim().toLowerCase(Locale.ROOT), i);
    }
    if (!columns.containsKey("email")) {
      throw new IllegalArgumentException("the CSV header has no \"email\" column (expected " + String.join(",", COLUMNS) + ")");
    }
    return columns;
  }

  /** Nests the team, moves the developer into it and adds its manager; true if the developer's team history changed. */
  private boolean placeInTeam(long org, long developerId, Row row) {
    var store = people.store();
    Long parentId = row.parent() == null ? null : store.team(org, row.parent(), null, people.now());
    long teamId = store.team(org, row.team(), parentId, people.now());
    if (parentId != null) {
      store.setParent(org, teamId, parentId);
    }
    boolean moved = people.moveToTeam(org, developerId, row.team(), row.since());
    if (row.manager() != null) {
      store.addTeamManager(org, teamId, row.manager());
    }
    return moved;
  }

  /** @param teams the organization's teams as they are now (read only for a row with a parent_team) */
  static Row read(List<String> cells, Map<String, Integer> columns, Supplier<List<Team>> teams) {
    String rawEmail = cell(cells, columns, "email");
    String email = Emails.normalize(rawEmail);
    if (email == null || !Emails.looksLikeEmail(email)) {
      throw new IllegalArgumentException("\"" + (rawEmail == null ? "" : rawEmail) + "\" is not an email address");
    }
    String team = cell(cells, columns, "team");
    String sinceText = cell(cells, columns, "team_since");
    LocalDate since = null;
    if (sinceText != null) {
      try {
        since = LocalDate.parse(sinceText);
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException("team_since \"" + sinceText + "\" is not a date as YYYY-MM-DD");
      }
    }
    String parent = cell(cells, columns, "parent_team");
    if (team == null && (since != null || parent != null)) {
      throw new IllegalArgumentException((since != null ? "team_since" : "parent_team") + " needs a team");
    }
    if (parent != null && parent.equalsIgnoreCase(team)) {
      throw new IllegalArgumentException("team " + team + " cannot be put under itself");
    }
    if (parent != null) {
      List<Team> now = teams.get();
      Team existingParent = Teams.named(now, parent).orElse(null);
      String problem = existingParent == null ? null : Teams.nestingProblem(now, team, existingParent);
      if (problem != null) {
        throw new IllegalArgumentException(problem);
      }
    }
    String manager = cell(cells, columns, "manager");
    return new Row(email, cell(cells, columns, "name"), team, since, parent,
        manager == null || team == null ? null : Teams.managerEmails(List.of(manager)).getFirst());
  }

  /** Every developer with today's team, since when, its parent and its first manager. */
  public String exportCsv(long org) {
    IdentityResolver resolver = people.resolver(org);
    Map<Long, List<String>> managers = people.store().teamManagers(org);
    LocalDate today = people.today();
    StringBuilder sb = new StringBuilder(Csv.line(COLUMNS));
    for (Developer d : people.developers(org)) {
      Membership m = resolver.membershipOn(d.id(), today).orElse(null);
      Team team = m == null ? null : resolver.team(m.teamId()).orElse(null);
      String parent = team == null || team.parentId() == null ? null : resolver.team(team.parentId()).map(Team::name).orElse(null);
      String manager = team == null ? null : managers.getOrDefault(team.id(), List.of("")).getFirst();
      sb.append(Csv.line(Arrays.asList(d.email(), d.name(), team == null ? null : team.name(),
          team == null || m.from() == null ? null : m.from().toString(), parent, manager)));
    }
    return sb.toString();
  }

  /** A cell trimmed, or null when the column is missing or the cell blank. */
  private static String cell(List<String> row, Map<String, Integer> columns, String name) {
    Integer i = columns.get(name);
    String v = i == null || i >= row.size() ? null : row.get(i).trim();
    return v == null || v.isEmpty() ? null : v;
  }
}
