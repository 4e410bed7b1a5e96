package dev.yardstick.demo;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * What the demo generator decided: the organization, its people and their days. This is the ground
 * truth a demo is checked against, never what Yardstick's rules compute from the loaded data.
 */
public record DemoOrg(String name, ZoneId zone, LocalDate first, LocalDate last, long seed, List<Team> teams,
    List<Developer> developers, List<Day> days, Effect effect) {

  /** A team and its parent (null at the top). */
  public record Team(String name, String parent) {}

  /** A dated membership: from inclusive (null: from the start), to exclusive (null: still there). */
  public record Membership(String team, LocalDate from, LocalDate to) {}

  /** Where a developer's Claude Code usage reaches Yardstick. */
  public enum Source {
    TELEMETRY("telemetry"), ADMIN_API_USER("admin-api"), ADMIN_API_KEY("admin-api"), NONE("none");

    public final String wire;

    Source(String wire) {
      this.wire = wire;
    }
  }

  /**
   * @param gitEmail the email their commits carry (their work email, or another one linked as a git alias)
   * @param apiKeyName the Admin API key their usage is billed to (ADMIN_API_KEY only)
   * @param adoption the first day they use Claude Code, null if never
   */
  public record Developer(int index, String email, String name, String gitEmail, String apiKeyName, Source source,
      LocalDate joined, LocalDate adoption, List<Membership> memberships, String language) {
    public String teamOn(LocalDate day) {
      for (Membership m : memberships) {
        if ((m.from() == null || !day.isBefore(m.from())) && (m.to() == null || day.isBefore(m.to()))) {
          return m.team();
        }
      }
      return null;
    }
  }

  /** Tokens and cost (in millionths of a dollar, so sums are exact) of one model on one day. */
  public record ModelUse(String model, long input, long output, long cacheRead, long cacheCreation, long costMicros) {}

  /** Edit-tool decisions of one kind on one day. */
  public record Decision(String tool, String decision, String source, String language, long count) {}

  /** Claude Code usage of one developer-day; absent on days without it. */
  public record Usage(int sessions, long activeUserSeconds, long activeCliSeconds, List<ModelUse> models,
      List<Decision> decisions, long linesAdded, long linesRemoved, int commits, int pullRequests) {
    public double activeHours() {
      return (activeUserSeconds + activeCliSeconds) / 3600.0;
    }

    public long editsAccepted() {
      return decisions.stream().filter(d -> d.decision().equals("accept")).mapToLong(Decision::count).sum();
    }
  }

  /**
   * One developer-day with work: usage (null without) and how many commits they make.
   *
   * @param effect the planted multiplier of commits (1 except the planted team's high-AI weeks)
   * @param reworkBoost the planted multiplier of rework chances
   */
  public record Day(int developer, LocalDate day, Usage usage, int commits, double effect, double reworkBoost) {}

  /** The planted effect: one team's high-AI weeks carry more commits and lines and a bit more rework. */
  public record Effect(String team, double commitsAndLinesPercent, double reworkFactor, String definition) {}
}
