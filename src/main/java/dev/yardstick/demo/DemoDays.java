package dev.yardstick.demo;

import dev.yardstick.demo.DemoOrg.Day;
import dev.yardstick.demo.DemoOrg.Decision;
import dev.yardstick.demo.DemoOrg.Developer;
import dev.yardstick.demo.DemoOrg.ModelUse;
import dev.yardstick.demo.DemoOrg.Usage;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** One developer's days: each ISO week is planned high-, mid- or low-AI once they adopted; usage and commits follow it. */
final class DemoDays {
  enum Mode { HIGH, MID, LOW, NONE }

  private static final String[] TOOLS = {"Edit", "MultiEdit", "Write", "NotebookEdit"};
  private static final double[] TOOL_SHARE = {0.6, 0.1, 0.25, 0.05};

  private DemoDays() {}

  static List<Day> of(Developer d, LocalDate first, LocalDate last, SplittableRandom r) {
    boolean planted = d.memberships().getFirst().team().equals(DemoGenerator.PLANTED_TEAM);
    double high = planted ? 0.45 : 0.15 + r.nextDouble() * 0.5;
    double low = planted ? 0.35 : 0.1 + r.nextDouble() * 0.3;
    double commitRate = 1.0 + r.nextDouble() * 1.6;
    boolean opus = r.nextInt(5) == 0;
    List<Day> out = new ArrayList<>();
    Mode mode = Mode.NONE;
    boolean leave = false;
    for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
      if (day == first || day.getDayOfWeek() == DayOfWeek.MONDAY) {
        double x = r.nextDouble();
        boolean adopted = d.adoption() != null && !day.plusDays(6).isBefore(d.adoption());
        mode = !adopted ? Mode.NONE : x < high ? Mode.HIGH : x < high + low ? Mode.LOW : Mode.MID;
        leave = r.nextInt(25) == 0;
      }
      if (day.isBefore(d.joined()) || leave) {
        continue;
      }
      boolean work = DemoGenerator.workday(day);
      boolean using = d.adoption() != null && !day.isBefore(d.adoption());
      double hours = !using ? 0 : !work ? (r.nextInt(30) == 0 ? 0.1 + r.nextDouble() * 0.3 : 0) : switch (mode) {
        case HIGH -> 0.8 + r.nextDouble() * 0.8;
        case MID -> r.nextInt(3) == 0 ? 0 : 0.15 + r.nextDouble() * 0.35;
        case LOW -> r.nextInt(4) == 0 ? 0.03 + r.nextDouble() * 0.05 : 0;
        case NONE -> 0;
      };
      boolean boosted = planted && mode == Mode.HIGH && d.teamOn(day).equals(DemoGenerator.PLANTED_TEAM);
      double effect = boosted ? DemoGenerator.EFFECT : 1.0;
      int commits = work ? poisson(commitRate * effect, r) : (r.nextInt(40) == 0 ? 1 : 0);
      Usage usage = hours > 0 ? usage(hours, d.language(), opus, r) : null;
      if (usage != null || commits > 0) {
        out.add(new Day(d.index(), day, usage, commits, effect, boosted ? DemoGenerator.REWORK_BOOST : 1.0));
      }
    }
    return out;
  }

  static Usage usage(double hours, String language, boolean opus, SplittableRandom r) {
    long seconds = Math.max(60, Math.round(hours * 3600));
    long user = Math.round(seconds * (0.3 + r.nextDouble() * 0.15));
    int sessions = Math.max(1, (int) Math.round(hours * 1.5 + r.nextDouble()));
    List<ModelUse> models = new ArrayList<>();
    double scale = hours * (0.8 + r.nextDouble() * 0.4);
    models.add(model(opus ? "claude-opus-4-1" : "claude-sonnet-4-5", scale * (opus ? 0.3 : 0.9), r));
    if (opus) {
      models.add(model("claude-sonnet-4-5", scale * 0.6, r));
    }
    models.add(model("claude-haiku-4-5", scale * 0.1, r));
    long total = Math.max(1, Math.round(hours * 18 * (0.7 + r.nextDouble() * 0.6)));
    long rejected = Math.round(total * (0.05 + r.nextDouble() * 0.15));
    long accepted = total - rejected;
    List<Decision> decisions = new ArrayList<>();
    long left = accepted;
    for (int t = 0; t < TOOLS.length && left > 0; t++) {
      long n = t == TOOLS.length - 1 ? left : Math.min(left, Math.round(accepted * TOOL_SHARE[t]));
      String lang = t == 3 ? "Python" : t == 2 && r.nextInt(3) == 0 ? "Markdown" : language;
      String src = r.nextInt(10) < 6 ? "user_temporary" : r.nextInt(2) == 0 ? "config" : "user_permanent";
      if (n > 0) {
        decisions.add(new Decision(TOOLS[t], "accept", src, lang, n));
        left -= n;
      }
    }
    if (rejected > 0) {
      decisions.add(new Decision("Edit", "reject", "user_reject", language, rejected));
    }
    long added = accepted * (4 + r.nextInt(7));
    int commits = r.nextDouble() < hours * 0.4 ? 1 + r.nextInt(2) : 0;
    return new Usage(sessions, user, seconds - user, List.copyOf(models), List.copyOf(decisions), added,
        Math.round(added * (0.2 + r.nextDouble() * 0.3)), commits, commits > 0 && r.nextInt(3) == 0 ? 1 : 0);
  }

  // list prices in US dollars per million tokens: input, output, cache read, cache creation
  private static ModelUse model(String model, double scale, SplittableRandom r) {
    double[] price = model.contains("opus") ? new double[] {15, 75, 1.5, 18.75}
        : model.contains("haiku") ? new double[] {1, 5, 0.1, 1.25} : new double[] {3, 15, 0.3, 3.75};
    long in = Math.round(scale * 30_000 * (0.8 + r.nextDouble() * 0.4));
    long out = Math.round(scale * 15_000 * (0.8 + r.nextDouble() * 0.4));
    long read = Math.round(scale * 600_000 * (0.8 + r.nextDouble() * 0.4));
    long create = Math.round(scale * 45_000 * (0.8 + r.nextDouble() * 0.4));
    long micros = Math.round(in * price[0] + out * price[1] + read * price[2] + create * price[3]);
    return new ModelUse(model, in, out, read, create, micros);
  }

  private static int poisson(double mean, SplittableRandom r) {
    double l = Math.exp(-mean);
    double p = 1;
    int k = 0;
    do {
      k++;
      p *= r.nextDouble();
    } while (p > l);
    return k - 1;
  }
}
