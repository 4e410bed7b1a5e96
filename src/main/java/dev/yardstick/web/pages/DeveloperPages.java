package dev.yardstick.web.pages;

import dev.yardstick.auth.Principal;
import dev.yardstick.identity.IdentityResolver;
import dev.yardstick.identity.People.Team;
import dev.yardstick.model.ForbiddenException;
import dev.yardstick.model.Role;
import dev.yardstick.people.PeopleService;
import dev.yardstick.web.api.ApiRequests;
import io.javalin.http.Context;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** /developers: developers with today's team, filtered by team and sorted by a column; admins add developers here. */
public final class DeveloperPages {
  static final List<String> SORTS = List.of("email", "name", "team", "active");
  private final PeopleService people;

  public DeveloperPages(PeopleService people) {
    this.people = people;
  }

  /** A row of the list; {@code activeTo} empty while active. */
  public record Row(long id, String email, String name, String team, String activeTo, boolean inactive) {}

  public void show(Context ctx) {
    render(ctx, FormState.NONE);
  }

  public void create(Context ctx) {
    Principal p = ApiRequests.principal(ctx);
    FormState.submit(ctx, "add", () -> "/developers/" + people.createDeveloper(p.orgId(), ctx.formParam("email"), ctx.formParam("name"),
        ctx.formParam("team")).id() + "/edit?done=created", form -> render(ctx, form));
  }

  private void render(Context ctx, FormState form) {
    Principal p = ApiRequests.principal(ctx);
    IdentityResolver resolver = people.resolver(p.orgId());
    LocalDate today = people.today();
    Set<Long> mine = p.role() == Role.ADMIN ? null : people.managedTeamIds(p.orgId(), p.email());
    Long teamFilter = teamFilter(ctx, resolver, mine);
    Set<Long> within = teamFilter == null ? mine
        : resolver.teamAndDescendants(teamFilter).stream().map(Team::id).collect(Collectors.toSet());
    String sort = choice(ctx, "sort", SORTS);
    String dir = choice(ctx, "dir", List.of("asc", "desc"));
    List<Row> rows = people.developers(p.orgId()).stream().map(d -> {
      var team = resolver.teamOn(d.id(), today);
      if (within != null && team.map(t -> !within.contains(t.id())).orElse(true)) {
        return null;
      }
      boolean inactive = d.activeTo() != null && d.activeTo().isBefore(today);
      return new Row(d.id(), d.email(), d.name(), team.map(Team::name).orElse(""), d.activeTo() == null ? "" : d.activeTo().toString(),
          inactive);
    }).filter(java.util.Objects::nonNull).sorted(order(sort, dir)).toList();
    List<Team> teams = resolver.teams().stream().filter(t -> mine == null || mine.contains(t.id()))
        .sorted(Comparator.comparing(Team::name, String.CASE_INSENSITIVE_ORDER)).toList();
    Pages.render(ctx, "developers/list.jte", Map.of("frame", Frame.of(ctx, "developers"), "rows", rows, "teams", teams,
        "team", teamFilter == null ? 0L : teamFilter, "sort", sort, "dir", dir, "form", form));
  }

  /** The `team` filter by id; a manager may only choose among their teams. */
  private static Long teamFilter(Context ctx, IdentityResolver resolver, Set<Long> mine) {
    String text = ctx.queryParam("team");
    if (text == null || text.isBlank()) {
      return null;
    }
    long id;
    try {
      id = Long.parseLong(text.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("team must be a team's id, as the Teams page links it (got \"" + text + "\")");
    }
    if (resolver.team(id).isEmpty()) {
      throw new dev.yardstick.model.NotFoundException("no team " + id);
    }
    if (mine != null && !mine.contains(id)) {
      throw new ForbiddenException("you may not see team " + id);
    }
    return id;
  }

  private static String choice(Context ctx, String param, List<String> accepted) {
    String v = ctx.queryParam(param);
    if (v == null || v.isBlank()) {
      return accepted.getFirst();
    }
    if (!accepted.contains(v)) {
      throw new IllegalArgumentException(param + " must be one of " + String.join(", ", accepted) + " (got \"" + v + "\")");
    }
    return v;
  }

  private static Comparator<Row> order(String sort, String dir) {
    Comparator<Row> c = switch (sort) {
      case "name" -> Comparator.comparing(Row::name, String.CASE_INSENSITIVE_ORDER);
      case "team" -> Comparator.comparing(Row::team, String.CASE_INSENSITIVE_ORDER);
      case "active" -> Comparator.comparing(Row::activeTo);
      default -> Comparator.comparing(Row::email);
    };
    c = c.thenComparing(Row::email);
    return dir.equals("desc") ? c.reversed() : c;
  }

  /** The link of a column header: sorts by it, the other way round when it is the current order. */
  public static String sortLink(long team, String sort, String dir, String column) {
    String next = column.equals(sort) && dir.equals("asc") ? "desc" : "asc";
    return "/developers?sort=" + column + "&dir=" + next + (team == 0 ? "" : "&team=" + team);
  }

  /** aria-sort of a column header. */
  public static String ariaSort(String sort, String dir, String column) {
    return column.equals(sort) ? (dir.equals("asc") ? "ascending" : "descending") : null;
  }
}
