package dev.yardstick.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Load generator: Claude-Code-shaped exports (metrics 1-8 KB, event batches 5-10 KB) from N
 * simulated developers over OTLP/HTTP JSON or protobuf with keep-alive, every export carrying new
 * data points. Modes: closed loop (C connections as fast as the server answers), open loop at a
 * fixed rate (latency measured from the intended send time), and a burst of simultaneous exports.
 *
 * <pre>
 * LoadGen --url http://127.0.0.1:8080 --token tk_..:sk_.. [--developers 1000] [--encoding json|protobuf]
 *         [--signal metrics|logs|mixed] [--connections 64] [--duration 15] [--warmup 3] [--rate 0]
 *         [--burst 0] [--admin-token T (checks totals through the report API)]
 * </pre>
 */
public final class LoadGen {
  private final Map<String, String> opts;
  private final String host;
  private final int port;
  private final String auth;
  private final boolean json;
  private final String signal;
  private final ClaudeCodePayloads[] developers;
  private final AtomicLong nextDeveloper = new AtomicLong();
  private final Map<Integer, LongAdder> statuses = new ConcurrentHashMap<>();
  private final LongAdder exports = new LongAdder();
  private final LongAdder acceptedMetricExports = new LongAdder();
  private final LongAdder items = new LongAdder();
  private final LongAdder bytes = new LongAdder();
  private final Histogram latency = new Histogram();

  private LoadGen(Map<String, String> opts) {
    this.opts = opts;
    URI url = URI.create(opts.getOrDefault("url", "http://127.0.0.1:8080"));
    this.host = url.getHost();
    this.port = url.getPort() < 0 ? 80 : url.getPort();
    this.auth = "Bearer " + opts.get("token");
    this.json = !"protobuf".equals(opts.getOrDefault("encoding", "json"));
    this.signal = opts.getOrDefault("signal", "metrics");
    int n = Integer.parseInt(opts.getOrDefault("developers", "1000"));
    long seed = System.nanoTime(); // new sessions and values every run: a rerun must not replay the last one's data
    this.developers = new ClaudeCodePayloads[n];
    // the server refuses points older than 30 days or over a day ahead: start 20 days back, a minute per export
    long start = java.time.Instant.now().getEpochSecond() - 20 * 86_400;
    for (int i = 0; i < n; i++) {
      developers[i] = new ClaudeCodePayloads(i, start, seed);
    }
  }

  public static void main(String[] args) throws Exception {
    Map<String, String> opts = new HashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      opts.put(args[i].replaceFirst("^--", ""), args[i + 1]);
    }
    if (!opts.containsKey("token")) {
      System.err.println("usage: LoadGen --url http://127.0.0.1:8080 --token tk_...:sk_... [options]; see the class comment");
      System.exit(2);
    }
    new LoadGen(opts).run();
  }

  private void run() throws Exception {
    long before = opts.containsKey("admin-token") ? commitsInReport() : 0;
    int burst = Integer.parseInt(opts.getOrDefault("burst", "0"));
    if (burst > 0) {
      runBurst(burst);
    } else {
      runLoad();
    }
    if (opts.containsKey("admin-token")) {
      Thread.sleep(500);
      long after = commitsInReport();
      System.out.printf("verify: report commits +%d, acknowledged metrics exports %d -> %s%n", after - before,
          acceptedMetricExports.sum(), after - before == acceptedMetricExports.sum() ? "EXACT" : "MISMATCH");
    }
  }

  private void runLoad() throws Exception {
    int connections = Integer.parseInt(opts.getOrDefault("connections", "64"));
    double rate = Double.parseDouble(opts.getOrDefault("rate", "0"));
    long warmup = Long.parseLong(opts.getOrDefault("warmup", "3")) * 1_000_000_000L;
    long duration = Long.parseLong(opts.getOrDefault("duration", "15")) * 1_000_000_000L;
    long t0 = System.nanoTime();
    long measureFrom = t0 + warmup;
    long end = measureFrom + duration;
    List<Thread> workers = new ArrayList<>();
    for (int w = 0; w < connections; w++) {
      int worker = w;
      workers.add(Thread.ofPlatform().daemon().start(() -> {
        try (Http1Client client = new Http1Client(host, port)) {
          // open loop: each worker owns every connections-th slot of a fixed schedule
          long interval = rate > 0 ? (long) (1e9 * connections / rate) : 0;
          long intended = t0 + (rate > 0 ? (long) (1e9 * worker / rate) : 0);
          while (System.nanoTime() < end) {
            if (rate > 0) {
              long wait = intended - System.nanoTime();
              if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
              }
            }
            long started = rate > 0 ? intended : System.nanoTime();
            sendOne(client, started, started >= measureFrom);
            intended += interval;
          }
        } catch (Exception e) {
          System.err.println("worker stopped: " + e);
        }
      }));
    }
    for (Thread t : workers) {
      t.join();
    }
    report(duration / 1e9, rate > 0 ? "rate " + rate + "/s" : connections + " connections");
  }

  private void sendOne(Http1Client client, long started, boolean measuring) throws Exception {
    ClaudeCodePayloads dev = developers[(int) (nextDeveloper.getAndIncrement() % developers.length)];
    boolean metrics = signal.equals("metrics") || (signal.equals("mixed") && started % 4 != 0);
    ClaudeCodePayloads.Export e;
    synchronized (dev) { // one developer's exports keep their order of timestamps
      e = metrics ? dev.metrics(json) : dev.logs(json);
    }
    Http1Client.Response r = client.post(metrics ? "/otel/v1/metrics" : "/otel/v1/logs",
        json ? "application/json" : "application/x-protobuf", auth, e.body());
    long done = System.nanoTime();
    if (r.status() == 200 && metrics) {
      acceptedMetricExports.increment();
    }
    if (measuring) {
      statuses.computeIfAbsent(r.status(), s -> new LongAdder()).increment();
      exports.increment();
      items.add(e.items());
      bytes.add(e.body().length);
      latency.record(done - started);
    }
  }

  /** N exports sent at the same moment on N connections; each retries after 429/503 as OTLP clients do. */
  private void runBurst(int n) throws Exception {
    CountDownLatch ready = new CountDownLatch(n);
    CountDownLatch go = new CountDownLatch(1);
    List<Thread> threads = new ArrayList<>();
    LongAdder retries = new LongAdder();
    for (int i = 0; i < n; i++) {
      threads.add(Thread.ofVirtual().start(() -> {
        try (Http1Client client = new Http1Client(host, port)) {
          ClaudeCodePayloads dev = developers[(int) (nextDeveloper.getAndIncrement() % developers.length)];
          ClaudeCodePayloads.Export e;
          synchronized (dev) {
            e = dev.metrics(json);
          }
          ready.countDown();
          go.await();
          long started = System.nanoTime();
          for (int attempt = 0; attempt < 20; attempt++) {
            Http1Client.Response r = client.post("/otel/v1/metrics", json ? "application/json" : "application/x-protobuf", auth, e.body());
            statuses.computeIfAbsent(r.status(), s -> new LongAdder()).increment();
            if (r.status() == 200) {
              acceptedMetricExports.increment();
              exports.increment();
              items.add(e.items());
              bytes.add(e.body().length);
              latency.record(System.nanoTime() - started);
              return;
            }
            retries.increment();
            Thread.sleep(r.retryAfter() == null ? 1000 : Long.parseLong(r.retryAfter()) * 1000);
          }
        } catch (Exception ex) {
          statuses.computeIfAbsent(-1, s -> new LongAdder()).increment();
        }
      }));
    }
    ready.await();
    long t0 = System.nanoTime();
    go.countDown();
    for (Thread t : threads) {
      t.join();
    }
    report((System.nanoTime() - t0) / 1e9, "burst of " + n + " (" + retries.sum() + " retries)");
  }

  private void report(double seconds, String mode) {
    Map<Integer, Long> byStatus = new java.util.TreeMap<>();
    statuses.forEach((k, v) -> byStatus.put(k, v.sum()));
    System.out.printf("%s %s %s, %d developers: exports/s=%.0f items/s=%.0f avg body=%d B p50=%.2fms p99=%.2fms max=%.2fms statuses=%s%n",
        json ? "json" : "protobuf", signal, mode, developers.length, exports.sum() / seconds, items.sum() / seconds,
        exports.sum() == 0 ? 0 : bytes.sum() / exports.sum(), latency.percentile(50) / 1e6, latency.percentile(99) / 1e6,
        latency.percentile(100) / 1e6, byStatus);
  }

  private long commitsInReport() throws Exception {
    HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
            URI.create("http://" + host + ":" + port + "/api/v1/report?from=2026-01-01&to=2027-12-31&groupBy=org"))
        .header("Authorization", "Bearer " + opts.get("admin-token")).build(), HttpResponse.BodyHandlers.ofString());
    Matcher m = Pattern.compile("\"commitsByClaudeCode\":(\\d+)").matcher(r.body());
    return m.find() ? Long.parseLong(m.group(1)) : 0;
  }

  /** Latencies in nanoseconds, in logarithmic buckets of about 2% width. */
  private static final class Histogram {
    private final long[] counts = new long[2048];

    synchronized void record(long nanos) {
      counts[Math.min(counts.length - 1, bucket(Math.max(1, nanos)))]++;
    }

    synchronized double percentile(double p) {
      long total = Arrays.stream(counts).sum();
      long want = (long) Math.ceil(total * p / 100);
      long seen = 0;
      for (int i = 0; i < counts.length; i++) {
        seen += counts[i];
        if (seen >= want && total > 0) {
          return Math.pow(1.02, i + 1);
        }
      }
      return 0;
    }

    private static int bucket(long nanos) {
      return (int) (Math.log(nanos) / Math.log(1.02));
    }
  }
}
