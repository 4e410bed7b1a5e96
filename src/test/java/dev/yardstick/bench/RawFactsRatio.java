package dev.yardstick.bench;

import dev.yardstick.model.UsageField;
import dev.yardstick.model.UsageRow;
import dev.yardstick.storage.Database;
import dev.yardstick.storage.RawFactsRead;
import dev.yardstick.storage.ReportQueries;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * What the daily rows buy: the company report's usage read for the same window from the daily rows and from the raw
 * facts (every stored export replayed), timed alternately in one process, with a check that both give the same totals.
 */
final class RawFactsRatio {
  private static final int REPEATS = 7;

  private RawFactsRatio() {}

  static void print(String db, Path dir, long org, String reportPath) throws Exception {
    String range = reportPath.replaceAll(".*from=([0-9-]+)&to=([0-9-]+).*", "$1 $2");
    LocalDate from = LocalDate.parse(range.split(" ")[0]);
    LocalDate to = LocalDate.parse(range.split(" ")[1]);
    try (Database side = new Database(db.equals("h2") ? Database.embeddedUrl(dir) : db,
        db.equals("h2") ? Optional.empty() : Optional.ofNullable(System.getenv("PGUSER")).or(() -> Optional.of("postgres")),
        Optional.empty(), 2)) {
      side.start();
      ZoneId zone;
      int span;
      try (Connection c = side.connection(); Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("SELECT time_zone, fact_span_days FROM orgs WHERE id = " + org)) {
        rs.next();
        zone = ZoneId.of(rs.getString(1));
        span = rs.getInt(2);
      }
      ReportQueries daily = new ReportQueries(side);
      double[] dailyMs = new double[REPEATS];
      double[] rawMs = new double[REPEATS];
      List<UsageRow> a = null;
      List<UsageRow> b = null;
      for (int i = 0; i < REPEATS; i++) { // alternately, so that the machine's noise falls on both
        long t = System.nanoTime();
        a = daily.usageByDayAndIdentity(org, from, to);
        dailyMs[i] = (System.nanoTime() - t) / 1e6;
        t = System.nanoTime();
        b = RawFactsRead.usageByDayAndIdentity(side, org, zone, from, to, span);
        rawMs[i] = (System.nanoTime() - t) / 1e6;
      }
      check(totals(a), totals(b));
      Arrays.sort(dailyMs);
      Arrays.sort(rawMs);
      System.out.printf("usage read %s..%s: daily rows %,d rows, median %.1f ms (min %.1f, max %.1f); raw facts median %.1f ms"
          + " (min %.1f, max %.1f); ratio raw / daily %.0fx%n", from, to, a.size(), dailyMs[REPEATS / 2], dailyMs[0],
          dailyMs[REPEATS - 1], rawMs[REPEATS / 2], rawMs[0], rawMs[REPEATS - 1], rawMs[REPEATS / 2] / dailyMs[REPEATS / 2]);
    }
  }

  private static double[] totals(List<UsageRow> rows) {
    double[] t = new double[UsageField.count()];
    for (UsageRow r : rows) {
      for (int i = 0; i < t.length; i++) {
        t[i] += r.values()[i];
      }
    }
    return t;
  }

  private static void check(double[] daily, double[] raw) {
    for (int i = 0; i < daily.length; i++) {
      if (Math.abs(daily[i] - raw[i]) > 1e-6 * Math.max(1, Math.abs(daily[i]))) {
        throw new IllegalStateException(UsageField.at(i) + ": daily rows " + daily[i] + ", raw facts " + raw[i]);
      }
    }
  }
}
