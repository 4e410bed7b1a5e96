package dev.yardstick.demo;

import dev.yardstick.demo.DemoOrg.Day;
import dev.yardstick.demo.DemoOrg.Developer;
import dev.yardstick.demo.DemoOrg.Effect;
import dev.yardstick.demo.DemoOrg.Membership;
import dev.yardstick.demo.DemoOrg.Source;
import dev.yardstick.demo.DemoOrg.Team;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Pure and seeded: the same options give the same organization, to the last token. Who is where,
 * who adopts when, and per developer-day the Claude Code usage and the number of commits.
 */
public final class DemoGenerator {
  public static final String PLANTED_TEAM = "Web";
  static final double EFFECT = 1.30; // commits (and so lines) in the planted team's high-AI weeks
  static final double REWORK_BOOST = 1.6;
  static final List<Team> TEAMS = List.of(new Team("Engineering", null), new Team("Platform", "Engineering"),
      new Team("Product", "Engineering"), new Team("Web", "Product"), new Team("Mobile", "Product"), new Team("Data", null));
  // one slot per index modulo 20: 6 Web, 5 Platform, 4 Mobile, 5 Data
  private static final String[] SLOTS = {"Web", "Platform", "Mobile", "Data", "Web", "Platform", "Data", "Web", "Mobile",
      "Platform", "Web", "Data", "Mobile", "Web", "Platform", "Data", "Web", "Mobile", "Platform", "Data"};
  private static final String[] FIRST = {"Ada", "Ben", "Chloe", "Dev", "Elena", "Farid", "Grace", "Hugo", "Ines", "Jonas",
      "Kira", "Liam", "Maya", "Nils", "Olga", "Priya", "Quinn", "Rosa", "Sami", "Tara", "Umar", "Vera", "Wei", "Yusuf", "Zoe"};
  private static final String[] LAST = {"Adler", "Brandt", "Costa", "Dubois", "Eriksen", "Fischer", "Garcia", "Hansen",
      "Ito", "Jovanovic", "Kowalski", "Larsen", "Moreau", "Novak", "Okafor", "Petrov", "Quist", "Rossi", "Silva", "Tanaka"};
  private static final String[] LANGUAGES = {"TypeScript", "Java", "Python", "Kotlin", "Go", "SQL"};

  /** What to generate: how many developers over how many days ending on {@code end}. */
  public record Options(int developers, int days, long seed, LocalDate end, ZoneId zone) {
    public Options {
      check(developers, days);
    }

    /** The demo's size limits, which the command line checks before anything runs. */
    public static void check(int developers, int days) {
      if (developers < 1 || developers > 100_000 || days < 7 || days > 3650) {
        throw new IllegalArgumentException("--developers must be 1 to 100000 and --days 7 to 3650 (got " + developers
            + " and " + days + ")");
      }
    }
  }

  private DemoGenerator() {}

  public static DemoOrg generate(Options o) {
    LocalDate first = o.end().minusDays(o.days() - 1L);
    List<Developer> developers = new ArrayList<>();
    Set<String> emails = new HashSet<>();
    for (int i = 0; i < o.developers(); i++) {
      developers.add(developer(i, o, first, emails));
    }
    List<Day> days = new ArrayList<>();
    for (Developer d : developers) {
      days.addAll(DemoDays.of(d, first, o.end(), new SplittableRandom(o.seed() * 1_000_003L + d.index() * 7919L + 17)));
    }
    days.sort(java.util.Comparator.comparing(Day::day).thenComparingInt(Day::developer));
    Effect effect = new Effect(PLANTED_TEAM, Math.round((EFFECT - 1) * 100), REWORK_BOOST,
        "In team " + PLANTED_TEAM + ", weeks planned as high-AI (active time at least 2 h, Monday to Sunday) get "
            + Math.round((EFFECT - 1) * 100) + " % more commits on average (each commit's lines drawn alike, so about as many"
            + " more lines) and " + REWORK_BOOST + " times the chance that a commit rewrites recent lines, compared with"
            + " their low-AI weeks (under 0.5 h with telemetry); no other team has an effect planted.");
    return new DemoOrg("Demo Corp", o.zone(), first, o.end(), o.seed(), TEAMS, developers, days, effect);
  }

  private static Developer developer(int i, Options o, LocalDate first, Set<String> emails) {
    SplittableRandom r = new SplittableRandom(o.seed() * 31L + i);
    String firstName = FIRST[i % FIRST.length];
    String lastName = LAST[(i / FIRST.length + i * 7) % LAST.length];
    String local = (firstName + "." + lastName).toLowerCase(java.util.Locale.ROOT);
    String email = local + "@demo-corp.example";
    if (!emails.add(email)) {
      local = local + (i + 1);
      email = local + "@demo-corp.example";
      emails.add(email);
    }
    String team = SLOTS[i % SLOTS.length];
    boolean planted = team.equals(PLANTED_TEAM);
    Source source = Source.TELEMETRY;
    if (!planted && i % 25 == 5) {
      source = Source.ADMIN_API_USER;
    } else if (!planted && i % 25 == 11) {
      source = Source.ADMIN_API_KEY;
    } else if (!planted && i % 10 == 9) {
      source = Source.NONE;
    }
    int n = o.days();
    LocalDate joined = i % 12 == 8 && !planted ? first.plusDays(n * (3 + (i / 12) % 4) / 10) : first;
    LocalDate adoption = null;
    if (source != Source.NONE) {
      boolean midway = !planted && i % 5 == 2;
      long start = ChronoUnit.DAYS.between(first, joined);
      long at = midway ? Math.max(start, n * 3L / 10 + r.nextInt(Math.max(1, n * 4 / 10)))
          : start + r.nextInt(Math.max(1, n / 12));
      adoption = first.plusDays(Math.min(at, n - 1));
    }
    List<Membership> memberships = new ArrayList<>();
    if (i == 1 && !team.equals("Data")) { // the one who moves team mid-period
      LocalDate move = first.plusDays(n / 2);
      memberships.add(new Membership(team, null, move));
      memberships.add(new Membership("Data", move, null));
    } else {
      memberships.add(new Membership(team, null, null));
    }
    String gitEmail = i % 6 == 3 ? local + "@home.example" : email;
    String key = source == Source.ADMIN_API_KEY ? "ci-key-" + local.replace('.', '-') : null;
    String language = LANGUAGES[r.nextInt(LANGUAGES.length)];
    return new Developer(i, email, firstName + " " + lastName, gitEmail, key, source, joined, adoption, List.copyOf(memberships),
        language);
  }

  /** Weekends and a few fixed holidays are quiet. */
  static boolean workday(LocalDate d) {
    if (d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY) {
      return false;
    }
    int m = d.getMonthValue();
    int day = d.getDayOfMonth();
    return !(m == 1 && day == 1 || m == 5 && day == 1 || m == 12 && (day == 24 || day == 25 || day == 26 || day == 31));
  }
}
