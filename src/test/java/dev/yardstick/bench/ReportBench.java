package dev.yardstick.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.yardstick.App;
import dev.yardstick.Cli;
import dev.yardstick.config.Config;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * Answer times of the report API on the demo organization at 1,000 developers x 365 days (issue 18): the demo
 * command fills the database (timed), then a real server answers the company report for a quarter, the team
 * breakdown, the developer list, a weekly time series and the impact comparison, over HTTP with a session cookie,
 * sequentially and with 4 clients, RUNS times, while exports keep arriving (so H2 cannot serve repeated reads from its
 * result cache). Prints p50/p99/max, the server's own mean, and the database's size per developer-year.
 *
 * <p>Usage: ReportBench [h2|jdbc:postgresql://...] [requests=300] [runs=3] [developers=1000] [days=365] [dataDir]
 * (with a dataDir, the database a previous `demo` filled there, or the PostgreSQL schema given, is measured as it is)
 */
public final class ReportBench {
  private static final ObjectMapper JSON = new ObjectMapper();

  private ReportBench() {}

  public static void main(String[] args) throws Exception {
    String db = args.length > 0 ? args[0] : "h2";
    int requests = args.length > 1 ? Integer.parseInt(args[1]) : 300;
    int runs = args.length > 2 ? Integer.parseInt(args[2]) : 3;
    int developers = args.length > 3 ? Integer.parseInt(args[3]) : 1_000;
    int days = args.length > 4 ? Integer.parseInt(args[4]) : 365;
    Path dir = args.length > 5 ? Path.of(args[5]) : Files.createTempDirectory("yardstick-report-bench");
    Map<String, String> env = new HashMap<>();
    env.put("YARDSTICK_HTTP_HOST", "127.0.0.1");
    env.put("YARDSTICK_HTTP_PORT", "0");
    env.put("YARDSTICK_OTLP_GRPC_PORT", "0");
    env.put("YARDSTICK_DATA_DIR", dir.toString());
    env.put("YARDSTICK_LOG_LEVEL", "warn");
    Optional.ofNullable(System.getenv("YARDSTICK_REPORT_CACHE_ROWS")).ifPresent(v -> env.put("YARDSTICK_REPORT_CACHE_ROWS", v));
    if (!db.equals("h2")) {
      env.put("YARDSTICK_DB_URL", db);
      env.put("YARDSTICK_DB_USER", Optional.ofNullable(System.getenv("PGUSER")).orElse("postgres"));
    }
    LocalDate end = LocalDate.now(java.time.ZoneOffset.UTC); // the demo's default last day
    boolean reuse = args.length > 5;
    if (!reuse) {
      long t0 = System.nanoTime();
      int code = Cli.run(new Cli.Io(env, System.out, System.err), "demo", "--developers", Integer.toString(developers),
          "--days", Integer.toString(days), "--seed", "18");
      if (code != 0) {
        throw new IllegalStateException("demo exited " + code);
      }
      System.out.printf("demo: %d developers x %d days in %.1f s%n", developers, days, (System.nanoTime() - t0) / 1e9);
    }
    env.put("YARDSTICK_BOOTSTRAP_API_TOKEN", RolloutBench.API_TOKEN);
    env.put("YARDSTICK_BOOTSTRAP_ADMIN_EMAIL", RolloutBench.ADMIN_EMAIL);
    env.put("YARDSTICK_BOOTSTRAP_ADMIN_PASSWORD", RolloutBench.ADMIN_PASSWORD);
    App app = new App(Config.fromEnv(env), Clock.systemUTC());
    app.start();
    try {
      String base = "http://127.0.0.1:" + app.httpPort();
      System.out.println(DatabaseSize.describe(db, dir, developers, days));
      HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
      RolloutBench.signIn(http, base);
      List<String> emails = new ArrayList<>();
      List<Long> ids = new ArrayList<>();
      for (JsonNode d : JSON.readTree(get(http, base + "/api/v1/developers")).get("developers")) {
        emails.add(d.get("email").asText());
        ids.add(d.get("id").asLong());
      }
      String token = RolloutBench.Org.ingestToken(http, base, RolloutBench.API_TOKEN);
      Thread trickle = Thread.ofPlatform().daemon().start(() -> trickle(base, token, emails));
      long team = JSON.readTree(get(http, base + "/api/v1/teams")).get("teams").get(0).get("id").asLong();
      List<String> paths = paths(end).stream().map(p -> p.replace("{team}", Long.toString(team))).toList();
      for (String path : paths) { // the first answer after start: nothing in the report cache, JIT cold
        System.out.printf("first  %-90s %6.1f ms%n", path, RolloutBench.measure(http, base, path, ids, 1, 1)[0]);
      }
      for (String path : paths) {
        RolloutBench.measure(http, base, path, ids, 50, 1); // warm-up: JIT, caches, plans
      }
      for (int run = 1; run <= runs; run++) {
        for (String path : paths) {
          for (int clients : new int[] {1, 4}) {
            String route = path.replace("/teams/" + team + "/", "/teams/{id}/"); // as /metrics names the route
            double[] before = RolloutBench.serverTime(http, base, route);
            double[] ms = RolloutBench.measure(http, base, path, ids, requests, clients);
            double[] after = RolloutBench.serverTime(http, base, route);
            Arrays.sort(ms);
            System.out.printf("run %d  %-90s %d client%s  p50 %6.1f ms  p99 %6.1f ms  max %6.1f ms  server mean %5.1f ms%n",
                run, path, clients, clients == 1 ? " " : "s", RolloutBench.pct(ms, 0.50), RolloutBench.pct(ms, 0.99),
                ms[ms.length - 1], (after[1] - before[1]) * 1000 / (after[0] - before[0]));
          }
        }
      }
      trickle.interrupt();
      RawFactsRatio.print(db, dir, app.defaultOrgId(), paths.getFirst());
    } finally {
      app.close();
    }
  }

  /** The five answers issue 18 names and the pages of issue 19, over the last whole quarter before {@code end}. */
  static List<String> paths(LocalDate end) {
    LocalDate q = end.withDayOfMonth(1).withMonth(((end.getMonthValue() - 1) / 3) * 3 + 1).minusMonths(3);
    String range = "from=" + q + "&to=" + q.plusMonths(3).minusDays(1);
    return List.of(
        "/api/v1/report?" + range,
        "/api/v1/report?" + range + "&groupBy=team",
        "/api/v1/report?" + range + "&groupBy=developer",
        "/api/v1/timeseries?metric=aiUsagePercent&interval=week&groupBy=org&" + range,
        "/api/v1/impact?" + range,
        "/api/v1/report?groupBy=team&to=" + q.plusMonths(3).minusDays(1) + "&from={from}", // a different window each time
        "/?" + range, // the pages (issue 19): company overview and a developer's page, server-side rendered
        "/teams/{team}/dashboard?" + range,
        "/developers/{dev}?" + range);
  }

  private static final java.util.concurrent.atomic.AtomicInteger WINDOWS = new java.util.concurrent.atomic.AtomicInteger();

  /**
   * For a path with {from}: a first day never asked before in this run (windows of 61 to 360 days ending on the path's
   * "to"), so that no kept answer serves it: the day rows are held, the answer is computed each time.
   */
  static LocalDate movingFrom(String path, int i) {
    LocalDate to = LocalDate.parse(path.substring(path.indexOf("&to=") + 4, path.indexOf("&to=") + 14));
    return to.minusDays(60 + WINDOWS.getAndIncrement() % 300);
  }

  private static String get(HttpClient http, String url) throws Exception {
    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 200) {
      throw new IllegalStateException(url + " answered " + r.statusCode() + ": " + r.body());
    }
    return r.body();
  }

  /** 20 exports a second from random developers until interrupted: the database keeps changing under the reads. */
  private static void trickle(String base, String token, List<String> emails) {
    HttpClient http = HttpClient.newHttpClient();
    Random rnd = new Random(3);
    try {
      while (!Thread.currentThread().isInterrupted()) {
        String email = emails.get(rnd.nextInt(emails.size()));
        RolloutBench.Org.post(http, base, token, RolloutBench.Org.export(email, email + "#live" + rnd.nextInt(50),
            Instant.now().getEpochSecond()));
        Thread.sleep(50);
      }
    } catch (InterruptedException e) {
      // measuring ended
    } catch (Exception e) {
      System.err.println("ingest during the measurement failed: " + e);
    }
  }
}
