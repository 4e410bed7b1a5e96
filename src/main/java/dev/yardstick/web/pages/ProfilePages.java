package dev.yardstick.web.pages;

import dev.yardstick.auth.Principal;
import dev.yardstick.identity.IdentityResolver;
import dev.yardstick.identity.People.Developer;
import dev.yardstick.identity.People.Team;
import dev.yardstick.metrics.Viewer;
import dev.yardstick.model.NotFoundException;
import dev.yardstick.model.Role;
import dev.yardstick.people.PeopleService;
import dev.yardstick.profile.ProfileService;
import dev.yardstick.web.api.ApiRequests;
import dev.yardstick.web.api.DeveloperAccess;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** /developers/{id}: who a developer is, their numbers in a date range (DeveloperNumbers), their own configuration and tokens, their telemetry status and its live check. */
public final class ProfilePages {
  /** htmx stops polling on this status (and the answer carries no trigger either). */
  static final int STOP_POLLING = 286;

  private final PeopleService people;
  private final ProfileService profiles;
  private final Clock clock;
  private final java.util.function.Function<Context, String> tokensSection;
  private final DeveloperNumbers numbers;
  private final java.util.function.Function<Context, Viewer> viewer;
  private final java.util.function.LongFunction<ZoneId> zone;

  /**
   * @param tokensSection the personal tokens section, rendered into the page so that it works without JavaScript
   * @param viewer the caller's report view: the numbers section answers as the JSON report would answer them
   * @param zone the organization's time zone, whose today ends the date range
   */
  public ProfilePages(PeopleService people, ProfileService profiles, Clock clock,
      java.util.function.Function<Context, String> tokensSection, DeveloperNumbers numbers,
      java.util.function.Function<Context, Viewer> viewer, java.util.function.LongFunction<ZoneId> zone) {
    this.tokensSection = tokensSection;
    this.numbers = numbers;
    this.viewer = viewer;
    this.zone = zone;
    this.people = people;
    this.profiles = profiles;
    this.clock = clock;
  }

  public void show(Context ctx) {
    Principal p = ApiRequests.principal(ctx);
    Instant rendered = clock.instant();
    Developer d = DeveloperAccess.visible(people, p, ApiRequests.pathId(ctx, "id"));
    IdentityResolver resolver = people.resolver(p.orgId());
    List<ProfileView.TeamLine> history = people.memberships(p.orgId(), d.id()).stream()
        .map(m -> new ProfileView.TeamLine(resolver.team(m.teamId()).map(Team::name).orElse("?"),
            m.from() == null ? "the start of their data" : m.from().toString(), m.to() == null ? "now" : m.to().minusDays(1).toString()))
        .toList();
    Optional<Team> team = resolver.teamOn(d.id(), people.today());
    List<String> managers = new ArrayList<>();
    team.ifPresent(t -> {
      Map<Long, List<String>> byTeam = people.teamManagers(p.orgId());
      resolver.teamAndAncestors(t.id()).forEach(a -> byTeam.getOrDefault(a.id(), List.of()).stream()
          .filter(m -> !managers.contains(m)).forEach(managers::add));
    });
    List<String> aliases = people.aliases(p.orgId(), d.id()).stream().map(a -> a.kind().wire() + ": " + a.value()).toList();
    ProfileView view = new ProfileView(d.id(), d.name(), d.email(), team.map(Team::name).orElse(null), managers, history, aliases,
        profiles.status(p.orgId(), d.id()), rendered.toString());
    DateRange range = DateRange.parse(ctx.queryParam("range"), ctx.queryParam("from"), ctx.queryParam("to"),
        LocalDate.now(clock.withZone(zone.apply(p.orgId()))));
    DeveloperNumbers.View figures = numbers.of(p.orgId(), d.id(), d.email(), range, viewer.apply(ctx));
    Pages.render(ctx, "developers/profile.jte", Map.of("frame", Frame.of(ctx, self(p, d) ? "profile" : "developers"), "view", view,
        "numbers", figures, "tokensHtml", tokensSection.apply(ctx))); // HTML escaped by its own template
  }

  /**
   * The live check, polled every 2 s: green once the developer's telemetry was received at or after
   * {@code since}. One indexed lookup for the developer themselves and admins (the resolver is in memory).
   */
  public void live(Context ctx) {
    Principal p = ApiRequests.principal(ctx);
    long id = ApiRequests.pathId(ctx, "id");
    boolean self = p.developerId() != null && p.developerId() == id;
    IdentityResolver resolver = people.resolver(p.orgId());
    if (!self) {
      if (p.role() == Role.DEVELOPER) {
        DeveloperAccess.visible(people, p, id); // throws: a developer sees only themselves
      } else if (resolver.developer(id).isEmpty()) {
        throw new NotFoundException("no developer " + id);
      } else if (p.role() == Role.MANAGER) {
        DeveloperAccess.visible(people, p, id);
      }
    }
    Instant since = since(ctx.queryParam("since"));
    Optional<Instant> received = profiles.receivedSince(p.orgId(), id, since);
    if (received.isPresent()) {
      ctx.status(STOP_POLLING);
    }
    Map<String, Object> params = new java.util.HashMap<>(Map.of("id", id, "since", since.toString(),
        "received", received.map(ProfileView::when).orElse("")));
    // once green, the facts below are read again (once) and swapped in out of band; waiting polls stay one lookup
    params.put("status", received.isPresent() ? profiles.status(p.orgId(), id) : null);
    Pages.fragment(ctx, "developers/live.jte", params);
  }

  private static Instant since(String text) {
    try {
      return Instant.parse(text == null ? "" : text);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("since must be an ISO-8601 instant, as the page wrote it");
    }
  }

  private static boolean self(Principal p, Developer d) {
    return p.developerId() != null && p.developerId() == d.id();
  }
}
