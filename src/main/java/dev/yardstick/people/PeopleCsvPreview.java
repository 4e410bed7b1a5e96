package dev.yardstick.people;

import dev.yardstick.identity.IdentityResolver;
import dev.yardstick.identity.People.Developer;
import dev.yardstick.identity.People.Team;
import dev.yardstick.model.Csv;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What importing a people CSV would do, line by line, without writing anything: the same row checks as
 * {@link PeopleCsv#importCsv}, compared with the organization as it is now.
 */
public final class PeopleCsvPreview {
  private final PeopleService people;

  public PeopleCsvPreview(PeopleService people) {
    this.people = people;
  }

  /** One line of the file: {@code action} is create, change, unchanged or refused; {@code details} say what. */
  public record Planned(int line, String email, String action, List<String> details) {}

  public List<Planned> preview(long org, String text) {
    List<List<String>> rows = Csv.parse(text);
    Map<String, Integer> columns = PeopleCsv.columns(rows);
    IdentityResolver resolver = people.resolver(org);
    List<Team> teams = people.store().teams(org);
    java.util.function.LongFunction<String> teamNames = Teams.names(teams);
    Map<Long, List<String>> managers = people.teamManagers(org);
    Set<String> known = new HashSet<>();
    teams.forEach(t -> known.add(t.name().toLowerCase(Locale.ROOT)));
    Set<String> createdHere = new HashSet<>();
    List<Planned> out = new ArrayList<>();
    for (int line = 1; line < rows.size(); line++) {
      PeopleCsv.Row row;
      try {
        row = PeopleCsv.read(rows.get(line), columns, () -> teams);
      } catch (IllegalArgumentException e) {
        out.add(new Planned(line + 1, rows.get(line).isEmpty() ? "" : rows.get(line).getFirst(), "refused", List.of(e.getMessage())));
        continue;
      }
      Developer d = people.developerByEmail(org, row.email()).orElse(null);
      boolean isNew = d == null && createdHere.add(row.email());
      List<String> what = new ArrayList<>();
      if (isNew) {
        what.add("name " + (row.name() == null ? row.email() : row.name()));
      } else if (d != null && row.name() != null && !row.name().equals(d.name())) {
        what.add("name " + d.name() + " → " + row.name());
      }
      if (row.team() != null) {
        String now = d == null ? null : resolver.teamOn(d.id(), people.today()).map(Team::name).orElse(null);
        if (!row.team().equalsIgnoreCase(now == null ? "" : now) || row.since() != null) {
          what.add("team " + (now == null ? "" : now + " → ") + row.team() + (row.since() != null ? " from " + row.since()
              : now == null ? " over all their data" : " from today"));
        }
        newTeam(row.parent(), known, what);
        newTeam(row.team(), known, what);
        Team existing = Teams.named(teams, row.team()).orElse(null);
        String parentNow = existing == null || existing.parentId() == null ? null : teamNames.apply(existing.parentId());
        if (row.parent() != null && !row.parent().equalsIgnoreCase(parentNow == null ? "" : parentNow)) {
          what.add(row.team() + " under " + row.parent());
        }
        boolean managesAlready = existing != null && managers.getOrDefault(existing.id(), List.of()).contains(row.manager());
        if (row.manager() != null && !managesAlready) {
          what.add("manager " + row.manager());
        }
      }
      out.add(new Planned(line + 1, row.email(), isNew ? "create" : what.isEmpty() ? "unchanged" : "change", what));
    }
    return out;
  }

  private static void newTeam(String name, Set<String> known, List<String> what) {
    if (name != null && known.add(name.toLowerCase(Locale.ROOT))) {
      what.add("new team " + name);
    }
  }
}
