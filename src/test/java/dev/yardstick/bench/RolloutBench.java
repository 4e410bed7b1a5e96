package dev.yardstick.bench;

import dev.yardstick.App;
import dev.yardstick.config.Config;
import dev.yardstick.model.AdminUsage;
import dev.yardstick.model.CommitFacts;
import dev.yardstick.people.PeopleService;
import dev.yardstick.storage.AnthropicStore;
import dev.yardstick.storage.CommitStore;
import dev.yardstick.storage.Database;
import dev.yardstick.storage.RepositoryStore;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;

/**
 * Server-side render time of the rollout tracker (and any other GET path) on an organization of
 * 1,000 developers in nested teams: telemetry sent as real OTLP exports, 180 days of Admin API rows,
 * 25,000-odd commits. Starts a real server, signs in as the admin (session cookie, as a browser),
 * warms up, then prints p50/p99/max of REQUESTS requests per path, sequential and with 4 concurrent
 * clients, RUNS times, while 20 exports a second keep arriving (H2 would otherwise answer repeated
 * reads of unchanged tables from its result cache). A path may hold {dev}: each request then names the next developer's id.
 *
 * <p>Usage: RolloutBench [h2|jdbc:postgresql://...] [requests=500] [runs=3] [path ...]
 * (default paths: /rollout /api/v1/rollout)
 */
public final class RolloutBench {
  static final int DEVELOPERS = 1_000;
  static final int ADMIN_DAYS = 180;
  /** Exports a second sent while measuring, as 1,000 developers' clients do: the database keeps changing under the reads. */
  static final int INGEST_PER_SECOND = 20;
  static final String ADMIN_EMAIL = "bench-admin@example.com";
  static final String ADMIN_PASSWORD = "bench-admin-password-1";
  static final String API_TOKEN = "bench-api-token-0123456789abcdef";

  private RolloutBench() {}

  public static void main(String[] args) throws Exception {
    String db = args.length > 0 ? args[0] : "h2";
    int requests = args.length > 1 ? Integer.parseInt(args[1]) : 500;
    int runs = args.length > 2 ? Integer.parseInt(args[2]) : 3;
    List<String> paths = args.length > 3 ? Arrays.asList(args).subList(3, args.length) : List.of("/rollout", "/api/v1/rollout");
    Path dir = Files.createTempDirectory("yardstick-rollout-bench");
    Map<String, String> env = new HashMap<>();
    env.put("YARDSTICK_HTTP_HOST", "127.0.0.1");
    env.put("YARDSTICK_HTTP_PORT", "0");
    env.put("YARDSTICK_OTLP_GRPC_PORT", "0");
    env.put("YARDSTICK_DATA_DIR", dir.toString());
    env.put("YARDSTICK_BOOTSTRAP_API_TOKEN", API_TOKEN);
    env.put("YARDSTICK_BOOTSTRAP_ADMIN_EMAIL", ADMIN_EMAIL);
    env.put("YARDSTICK_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD);
    env.put("YARDSTICK_LOG_LEVEL", "warn");
    if (!db.equals("h2")) {
      env.put("YARDSTICK_DB_URL", db);
      env.put("YARDSTICK_DB_USER", Optional.ofNullable(System.getenv("PGUSER")).orElse("postgres"));
    }
    App app = new App(Config.fromEnv(env), Clock.systemUTC());
    app.start();
    try (Database side = new Database(db.equals("h2") ? Database.embeddedUrl(dir) : db,
        db.equals("h2") ? Optional.empty() : Optional.of(env.get("YARDSTICK_DB_USER")), Optional.empty(), 2)) {
      side.start();
      String base = "http://127.0.0.1:" + app.httpPort();
      long t0 = System.nanoTime();
      Org org = Org.fill(app, side, base, API_TOKEN);
      System.out.printf("database %s; organization filled in %.1f s: %s%n", side.describe().split(" ")[0],
          (System.nanoTime() - t0) / 1e9, org.summary(side, app.defaultOrgId()));
      HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
      signIn(http, base);
      Thread trickle = Thread.ofPlatform().daemon().start(() -> org.trickle(base, INGEST_PER_SECOND));
      for (String path : paths) {
        measure(http, base, path, org.developerIds, 200, 1); // warm-up: JIT, caches, plans
      }
      for (int run = 1; run <= runs; run++) {
        for (String path : paths) {
          for (int clients : new int[] {1, 4}) {
            double[] before = serverTime(http, base, path);
            double[] ms = measure(http, base, path, org.developerIds, requests, clients);
            double[] after = serverTime(http, base, path);
            Arrays.sort(ms);
            System.out.printf("run %d  %-28s %d client%s  p50 %6.1f ms  p99 %6.1f ms  max %6.1f ms  server mean %5.1f ms  (%d requests)%n",
                run, path, clients, clients == 1 ? " " : "s", pct(ms, 0.50), pct(ms, 0.99), ms[ms.length - 1],
                (after[1] - before[1]) * 1000 / (after[0] - before[0]), ms.length);
          }
        }
      }
      trickle.interrupt();
    } finally {
      app.close();
    }
  }

  static void signIn(HttpClient http, String base) throws Exception {
    String form = "email=" + URLEncoder.encode(ADMIN_EMAIL, StandardCharsets.UTF_8) + "&password="
        + URLEncoder.encode(ADMIN_PASSWORD, StandardCharsets.UTF_8) + "&next=%2F";
    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/login")).header("Origin", base)
        .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
        HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 303) {
      throw new IllegalStateException("sign-in answered " + r.statusCode() + ": " + r.body());
    }
  }

  /** Latencies in ms of {@code n} GETs of {@code path}, spread over {@code clients} concurrent clients. */
  static double[] measure(HttpClient http, String base, String path, List<Long> developers, int n, int clients) throws Exception {
    double[] ms = new double[n];
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    try {
      List<Future<?>> all = new ArrayList<>();
      for (int c = 0; c < clients; c++) {
        int client = c;
        all.add(pool.submit(() -> {
          for (int i = client; i < n; i += clients) {
            String p = path.replace("{dev}", Long.toString(developers.get(i % developers.size())))
                .replace("{from}", path.contains("{from}") ? ReportBench.movingFrom(path, i).toString() : "");
            HttpRequest req = HttpRequest.newBuilder(URI.create(base + p)).GET().build();
            long t = System.nanoTime();
            HttpResponse<byte[]> r = http.send(req, HttpResponse.BodyHandlers.ofByteArray());
            ms[i] = (System.nanoTime() - t) / 1e6;
            if (r.statusCode() != 200) {
              throw new IllegalStateException(p + " answered " + r.statusCode() + ": " + new String(r.body(), StandardCharsets.UTF_8));
            }
          }
          return null;
        }));
      }
      for (Future<?> f : all) {
        f.get();
      }
    } finally {
      pool.shutdown();
    }
    return ms;
  }

  /**
   * The server's own count and total seconds of answers to this path's route (its /metrics, timed
   * by the route table from request to response): the mean without the client's share.
   */
  static double[] serverTime(HttpClient http, String base, String path) throws Exception {
    String route = path.replace("{dev}", "{id}").replaceAll("\\?.*", "");
    String metrics = http.send(HttpRequest.newBuilder(URI.create(base + "/metrics")).GET().build(),
        HttpResponse.BodyHandlers.ofString()).body();
    double[] out = new double[2];
    for (String line : metrics.split("\n")) {
      if (line.contains("route=\"" + route + "\"") && line.contains("status=\"200\"")) {
        double v = Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
        if (line.startsWith("yardstick_requests_seconds_count")) {
          out[0] = v;
        } else if (line.startsWith("yardstick_requests_seconds_sum")) {
          out[1] = v;
        }
      }
    }
    return out;
  }

  static double pct(double[] sorted, double p) {
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
  }

  /** The generated organization: deterministic (seed 17), states spread as a rollout in progress. */
  static final class Org {
    final List<Long> developerIds = new ArrayList<>();
    String ingestToken;

    /** Sends exports of random developers at {@code perSecond} until interrupted. */
    void trickle(String base, int perSecond) {
      HttpClient http = HttpClient.newHttpClient();
      Random rnd = new Random(3);
      try {
        while (!Thread.currentThread().isInterrupted()) {
          String email = "dev" + rnd.nextInt(DEVELOPERS) + "@example.com";
          post(http, base, ingestToken, export(email, email + "#live" + rnd.nextInt(50), Instant.now().getEpochSecond()));
          Thread.sleep(1000 / perSecond);
        }
      } catch (InterruptedException e) {
        // measuring ended
      } catch (Exception e) {
        System.err.println("ingest during the measurement failed: " + e);
      }
    }

    static Org fill(App app, Database side, String base, String apiToken) throws Exception {
      Org o = new Org();
      Random rnd = new Random(17);
      long org = app.defaultOrgId();
      PeopleService people = app.people();
      List<String> teams = new ArrayList<>();
      for (int d = 0; d < 5; d++) { // 5 departments, 4 teams each, 2 sub-teams each: 65 teams, 3 levels
        String dept = "Dept " + d;
        people.saveTeam(org, dept, null, List.of("head" + d + "@example.com"));
        teams.add(dept);
        for (int t = 0; t < 4; t++) {
          String team = dept + " team " + t;
          people.saveTeam(org, team, dept, List.of("lead" + d + t + "@example.com"));
          teams.add(team);
          for (int s = 0; s < 2; s++) {
            people.saveTeam(org, team + "." + s, team, List.of());
            teams.add(team + "." + s);
          }
        }
      }
      Instant now = Instant.now();
      LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
      HttpClient http = HttpClient.newHttpClient();
      String ingest = ingestToken(http, base, apiToken);
      o.ingestToken = ingest;
      Semaphore inFlight = new Semaphore(16);
      List<Future<?>> sends = new ArrayList<>();
      ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor();
      Map<LocalDate, List<AdminUsage>> adminRows = new HashMap<>();
      List<CommitFacts> commits = new ArrayList<>();
      for (int i = 0; i < DEVELOPERS; i++) {
        String email = "dev" + i + "@example.com";
        o.developerIds.add(people.createDeveloper(org, email, "Developer " + i, teams.get(rnd.nextInt(teams.size()))).id());
        int kind = rnd.nextInt(100); // 0-54 sending, 55-69 silent, 70-79 only Admin API, 80-89 only git, 90-99 never
        if (kind < 70) {
          int newest = kind < 55 ? rnd.nextInt(6) : 9 + rnd.nextInt(10);
          for (int e = 0; e < 10; e++) {
            int daysAgo = Math.min(29, newest + e * 2);
            String body = export(email, email + "#" + e, now.minusSeconds(daysAgo * 86_400L + rnd.nextInt(30_000)).getEpochSecond());
            inFlight.acquire();
            sends.add(senders.submit(() -> {
              try {
                post(http, base, ingest, body);
              } finally {
                inFlight.release();
              }
              return null;
            }));
          }
        }
        if (kind < 40 || (kind >= 70 && kind < 80)) {
          for (int d = 0; d < ADMIN_DAYS; d++) {
            if (rnd.nextInt(3) != 0) {
              adminRows.computeIfAbsent(today.minusDays(d), k -> new ArrayList<>()).add(adminRow(today.minusDays(d), email, rnd));
            }
          }
        }
        if (kind < 70 || (kind >= 80 && kind < 90)) {
          for (int c = 0; c < 35; c++) {
            commits.add(commit(i, c, email, now.minusSeconds(rnd.nextInt(ADMIN_DAYS * 86_400)), rnd));
          }
        }
      }
      for (int k = 0; k < 40; k++) { // CI keys and people nobody added: the unmatched
        for (int d = 0; d < ADMIN_DAYS; d += 2) {
          String actor = k < 20 ? "ci-key-" + k : "contractor" + k + "@example.com";
          AdminUsage r = adminRow(today.minusDays(d), actor, rnd);
          adminRows.computeIfAbsent(today.minusDays(d), x -> new ArrayList<>()).add(k < 20 ? new AdminUsage(r.day(),
              AdminUsage.ActorType.API, actor, r.terminalType(), r.remote(), r.customerType(), r.sessions(), r.linesAdded(),
              r.linesRemoved(), r.commits(), r.pullRequests(), r.toolActions(), r.models()) : r);
        }
      }
      for (Future<?> f : sends) {
        f.get();
      }
      senders.shutdown();
      AnthropicStore anthropic = new AnthropicStore(side);
      adminRows.forEach((day, rows) -> anthropic.replaceDay(org, day, rows));
      long repo = new RepositoryStore(side).create(org, "monorepo", null, "/nowhere", null, null, "", "", "", Instant.now());
      CommitStore store = new CommitStore(side);
      java.util.Set<String> known = new HashSet<>();
      for (int from = 0; from < commits.size(); from += 1000) {
        store.add(org, repo, ZoneOffset.UTC, commits.subList(from, Math.min(commits.size(), from + 1000)), new HashSet<>(), known);
      }
      app.writeSeen();
      return o;
    }

    String summary(Database side, long org) throws Exception {
      StringBuilder b = new StringBuilder();
      for (String table : List.of("developers", "teams", "identities", "identity_days", "anthropic_activity", "commits")) {
        try (var c = side.connection(); var s = c.createStatement(); var rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
          rs.next();
          b.append(b.isEmpty() ? "" : ", ").append(String.format("%,d %s", rs.getLong(1), table));
        }
      }
      return b.toString();
    }

    static String ingestToken(HttpClient http, String base, String apiToken) throws Exception {
      HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/ingest-tokens"))
          .header("Authorization", "Bearer " + apiToken).header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"bench\"}")).build(), HttpResponse.BodyHandlers.ofString());
      String token = r.body().replaceAll(".*\"token\":\"([^\"]+)\".*", "$1");
      if (r.statusCode() != 201 || token.equals(r.body())) {
        throw new IllegalStateException("ingest token: " + r.statusCode() + " " + r.body());
      }
      return token;
    }

    static void post(HttpClient http, String base, String token, String body) throws Exception {
      HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/otel/v1/metrics"))
          .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() != 200) {
        throw new IllegalStateException("export answered " + r.statusCode() + ": " + r.body());
      }
    }

    /** A Claude Code metrics export: one session and one commit, from {@code email}. */
    static String export(String email, String session, long epochSecond) {
      String attrs = "[{\"key\":\"session.id\",\"value\":{\"stringValue\":\"" + session + "\"}},{\"key\":\"user.email\","
          + "\"value\":{\"stringValue\":\"" + email + "\"}},{\"key\":\"terminal.type\",\"value\":{\"stringValue\":\"vscode\"}}]";
      String point = "\"dataPoints\":[{\"attributes\":" + attrs + ",\"startTimeUnixNano\":\"" + (epochSecond - 60)
          + "000000000\",\"timeUnixNano\":\"" + epochSecond + "000000000\",\"asDouble\":1}]";
      return "{\"resourceMetrics\":[{\"resource\":{\"attributes\":[{\"key\":\"service.name\",\"value\":{\"stringValue\":\"claude-code\"}},"
          + "{\"key\":\"service.version\",\"value\":{\"stringValue\":\"2.1.230\"}}]},\"scopeMetrics\":[{\"metrics\":["
          + "{\"name\":\"claude_code.session.count\",\"sum\":{\"aggregationTemporality\":1,\"isMonotonic\":true," + point + "}},"
          + "{\"name\":\"claude_code.commit.count\",\"sum\":{\"aggregationTemporality\":1,\"isMonotonic\":true," + point + "}}]}]}]}";
    }

    private static AdminUsage adminRow(LocalDate day, String email, Random rnd) {
      return new AdminUsage(day, AdminUsage.ActorType.USER, email, "vscode", false, "api", 1 + rnd.nextInt(5), rnd.nextInt(900),
          rnd.nextInt(200), rnd.nextInt(4), rnd.nextInt(2), Map.of("edit_tool", new AdminUsage.ToolCounts(rnd.nextInt(40), rnd.nextInt(4))),
          List.of(new AdminUsage.ModelUsage("claude-sonnet-5", 1000 + rnd.nextInt(90_000), rnd.nextInt(20_000), rnd.nextInt(500_000), 0,
              rnd.nextInt(300) / 100.0)));
    }

    private static CommitFacts commit(int dev, int n, String email, Instant at, Random rnd) {
      String sha = String.format("%040x", (long) dev * 1_000_003L + n).substring(0, 24) + String.format("%016x", rnd.nextLong());
      var t = at.atOffset(ZoneOffset.UTC);
      return new CommitFacts(sha, List.of(), "Developer " + dev, email, t, email, t, rnd.nextInt(200), rnd.nextInt(50),
          1 + rnd.nextInt(5), rnd.nextInt(3) == 0 ? "Co-Authored-By: Claude <noreply@anthropic.com>" : null, false, List.of(), false);
    }
  }
}
