package dev.yardstick.metrics;

import dev.yardstick.model.GitField;
import dev.yardstick.model.Role;
import dev.yardstick.model.UsageField;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * What building report rows costs in memory, after the database: a year of 1,000 developers in 20 teams (usage on
 * working days, commits on half of them), grouped by developer, team and week for an admin and as company totals for
 * a developer. Prints the median of each over the rounds, in CPU time of the building thread (the machine is shared:
 * wall time would measure the neighbours).
 *
 * <p>Usage: ReportBuildBench [rounds]
 */
public final class ReportBuildBench {
  private static final LocalDate FROM = LocalDate.parse("2025-11-03");
  private static final LocalDate TO = FROM.plusDays(363);

  private ReportBuildBench() {}

  public static void main(String[] args) {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 15;
    List<ResolvedRow> rows = rows();
    UsageReport.Naming naming = new UsageReport.Naming() {
      @Override
      public String developer(long id) {
        return "dev" + id + "@example.com";
      }

      @Override
      public List<String> teamAndAncestors(long teamId) {
        return List.of("team-" + teamId);
      }

      @Override
      public String org() {
        return "Default";
      }
    };
    Viewer developer = new Viewer(Role.DEVELOPER, 7L, Set.of(), false);
    Object[][] cases = {{GroupBy.DEVELOPER, Viewer.ADMIN}, {GroupBy.TEAM, Viewer.ADMIN}, {GroupBy.WEEK, Viewer.ADMIN},
        {GroupBy.ORG, developer}};
    java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
    long[][] times = new long[cases.length][rounds];
    int sink = 0;
    for (int r = 0; r < rounds; r++) {
      for (int c = 0; c < cases.length; c++) {
        long t0 = cpu.getCurrentThreadCpuTime();
        sink += UsageReport.build(rows, (GroupBy) cases[c][0], FROM, TO, naming, (Viewer) cases[c][1], 3, List.of()).size();
        times[c][r] = cpu.getCurrentThreadCpuTime() - t0;
      }
    }
    System.out.printf("%d daily rows, %d rounds (%d rows built)%n", rows.size(), rounds, sink);
    for (int c = 0; c < cases.length; c++) {
      Arrays.sort(times[c]);
      System.out.printf("%-9s as %-9s median %6.1f ms CPU%n", ((GroupBy) cases[c][0]).wire(), ((Viewer) cases[c][1]).role(),
          times[c][rounds / 2] / 1e6);
    }
  }

  private static List<ResolvedRow> rows() {
    SplittableRandom random = new SplittableRandom(7);
    List<ResolvedRow> out = new ArrayList<>();
    for (LocalDate d = FROM; !d.isAfter(TO); d = d.plusDays(1)) {
      if (d.getDayOfWeek().getValue() > 5) {
        continue;
      }
      for (long dev = 0; dev < 1000; dev++) {
        double[] v = new double[UsageField.count()];
        v[UsageField.LINES_ADDED.ordinal()] = random.nextInt(300);
        v[UsageField.SESSIONS.ordinal()] = 1 + random.nextInt(4);
        out.add(new ResolvedRow(d, dev, dev % 20, v));
        if (random.nextBoolean()) {
          double[] g = new double[GitField.count()];
          g[GitField.COMMITS.ordinal()] = 1 + random.nextInt(3);
          g[GitField.LINES_ADDED.ordinal()] = random.nextInt(400);
          out.add(ResolvedRow.git(d, dev, dev % 20, g));
        }
      }
    }
    return out;
  }
}
