package dev.yardstick.web.pages;

import dev.yardstick.identity.IdentityResolver;
import dev.yardstick.identity.People.Developer;
import dev.yardstick.identity.People.Team;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The teams page's rows: teams depth-first by name under their parents, with managers and members today. */
public final class TeamTree {
  private TeamTree() {}

  /** {@code members}: developers in this team today (not counting sub-teams); {@code all}: with its sub-teams. */
  public record Row(long id, String name, int depth, String parent, List<String> managers, int members, int all) {
    public String depthClass() {
      return "depth-" + Math.min(depth, 6);
    }
  }

  /** @param visible the teams to show (null: all); a shown team whose parent is not shown starts a tree of its own */
  public static List<Row> rows(IdentityResolver resolver, List<Developer> developers, LocalDate today,
      Map<Long, List<String>> managers, Set<Long> visible) {
    Map<Long, Integer> direct = new HashMap<>();
    for (Developer d : developers) {
      resolver.teamOn(d.id(), today).ifPresent(t -> direct.merge(t.id(), 1, Integer::sum));
    }
    List<Team> shown = resolver.teams().stream().filter(t -> visible == null || visible.contains(t.id()))
        .sorted(Comparator.comparing(Team::name, String.CASE_INSENSITIVE_ORDER)).toList();
    Map<Long, List<Team>> children = new HashMap<>();
    List<Team> roots = new ArrayList<>();
    java.util.Set<Long> shownIds = shown.stream().map(Team::id).collect(java.util.stream.Collectors.toSet());
    for (Team t : shown) {
      boolean parentShown = t.parentId() != null && shownIds.contains(t.parentId());
      (parentShown ? children.computeIfAbsent(t.parentId(), k -> new ArrayList<>()) : roots).add(t);
    }
    List<Row> out = new ArrayList<>();
    roots.forEach(t -> add(t, 0, resolver, children, direct, managers, out));
    return out;
  }

  private static void add(Team t, int depth, IdentityResolver resolver, Map<Long, List<Team>> children, Map<Long, Integer> direct,
      Map<Long, List<String>> managers, List<Row> out) {
    int all = resolver.teamAndDescendants(t.id()).stream().mapToInt(s -> direct.getOrDefault(s.id(), 0)).sum();
    String parent = t.parentId() == null ? null : resolver.team(t.parentId()).map(Team::name).orElse(null);
    out.add(new Row(t.id(), t.name(), depth, parent, managers.getOrDefault(t.id(), List.of()), direct.getOrDefault(t.id(), 0), all));
    if (depth < 50) { // the service refuses cycles; this only bounds a damaged database
      children.getOrDefault(t.id(), List.of()).forEach(c -> add(c, depth + 1, resolver, children, direct, managers, out));
    }
  }
}
