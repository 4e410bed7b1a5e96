package dev.yardstick.web.pages;

import dev.yardstick.identity.People.Team;
import dev.yardstick.people.PeopleService;
import dev.yardstick.rollout.RolloutService;
import dev.yardstick.rollout.SetupState;
import dev.yardstick.web.api.ApiRequests;
import dev.yardstick.web.api.RolloutApi;
import io.javalin.http.Context;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/** /rollout: who sends telemetry, who stopped, who was never seen, for a team or everyone in scope (managers and admins). */
public final class RolloutPage {
  private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);
  private static final List<Integer> SILENT_CHOICES = List.of(1, 3, 7, 14, 30, 60, 90);

  private final RolloutService rollout;
  private final PeopleService people;

  public RolloutPage(RolloutService rollout, PeopleService people) {
    this.rollout = rollout;
    this.people = people;
  }

  public void show(Context ctx) {
    RolloutService.View v = RolloutApi.view(ApiRequests.principal(ctx), ctx.queryParam("team"), ctx.queryParam("silentDays"),
        rollout, people);
    Pages.render(ctx, "rollout.jte", Map.of("frame", Frame.of(ctx, "rollout"), "model", Model.of(v)));
  }

  /** One state's part of the bar; x and width in percent of the bar, as SVG attributes (no inline style). */
  public record Segment(String wire, String label, int count, String x, String width, long percent) {}

  /** One table line, dates already in words. */
  public record Line(long id, String email, String name, String team, String wire, String state, String lastEvent,
      String adminApiLastDay, String lastCommit) {}

  /** What the template shows. */
  public record Model(String asOf, int silentDays, String team, int total, int sending, List<Segment> segments, List<Line> lines,
      List<String> teams, List<Integer> silentChoices, Integer unmatched) {
    static Model of(RolloutService.View v) {
      int total = v.rows().size();
      List<Segment> segments = new ArrayList<>();
      double x = 0;
      for (SetupState s : SetupState.values()) {
        int n = v.counts().get(s);
        double width = total == 0 ? 0 : 100.0 * n / total;
        segments.add(new Segment(s.wire(), s.label(), n, number(x), number(width), Math.round(width)));
        x += width;
      }
      List<Line> lines = v.rows().stream().map(r -> new Line(r.developer().id(), r.developer().email(), r.developer().name(),
          r.team() == null ? "" : r.team().name(), r.state().wire(), r.state().label(), minute(r.evidence().lastEventAt()),
          r.evidence().adminApiLastDay() == null ? "" : r.evidence().adminApiLastDay().toString(),
          r.evidence().lastCommitAt() == null ? "" : r.evidence().lastCommitAt().atOffset(ZoneOffset.UTC).toLocalDate().toString()))
          .toList();
      TreeSet<Integer> choices = new TreeSet<>(SILENT_CHOICES);
      choices.add(v.silentDays()); // a value typed into the address stays selectable
      return new Model(minute(v.asOf()), v.silentDays(), v.team() == null ? "" : v.team().name(), total,
          v.counts().get(SetupState.SENDING), segments, lines, v.teams().stream().map(Team::name).toList(), List.copyOf(choices),
          v.unmatched());
    }

    private static String number(double d) {
      return String.format(Locale.ROOT, "%.3f", d);
    }

    private static String minute(Instant t) {
      return t == null ? "" : MINUTE.format(t) + " UTC";
    }
  }
}
