package dev.yardstick.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.yardstick.ingest.otlp.OtlpIngestProbe;
import java.util.ArrayList;
import java.util.List;

/**
 * In-process decode rate, one thread: the same Claude-Code-shaped exports the load generator sends,
 * decoded and mapped to facts (what a request costs before storage), beside a plain Jackson tree
 * parse of the same bytes as a reference point.
 *
 * <p>Usage: DecodeBench [seconds per case]
 */
public final class DecodeBench {
  private DecodeBench() {}

  public static void main(String[] args) throws Exception {
    int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
    for (String signal : List.of("metrics", "logs")) {
      for (boolean json : new boolean[] {true, false}) {
        List<byte[]> bodies = new ArrayList<>();
        ClaudeCodePayloads[] devs = new ClaudeCodePayloads[100];
        for (int d = 0; d < devs.length; d++) {
          devs[d] = new ClaudeCodePayloads(d, 1_790_000_000L, 7);
        }
        long bytes = 0;
        for (int i = 0; i < 2000; i++) {
          ClaudeCodePayloads dev = devs[i % devs.length];
          byte[] b = (signal.equals("metrics") ? dev.metrics(json) : dev.logs(json)).body();
          bodies.add(b);
          bytes += b.length;
        }
        double avg = (double) bytes / bodies.size();
        boolean metrics = signal.equals("metrics");
        run(signal + (json ? " json" : " protobuf") + " decode+map", seconds, bodies, avg,
            b -> OtlpIngestProbe.decodeAndMap(metrics, json, b));
        if (json) {
          ObjectMapper mapper = new ObjectMapper();
          run(signal + " json Jackson readTree (reference)", seconds, bodies, avg, mapper::readTree);
        }
      }
    }
  }

  interface Work {
    Object apply(byte[] body) throws Exception;
  }

  private static void run(String label, int seconds, List<byte[]> bodies, double avgBytes, Work work) throws Exception {
    long sink = 0;
    for (long end = System.nanoTime() + 5_000_000_000L; System.nanoTime() < end; ) { // warm-up: let the JIT finish
      for (byte[] b : bodies) {
        sink += work.apply(b).hashCode();
      }
    }
    var threads = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
    long alloc0 = threads.getCurrentThreadAllocatedBytes();
    long n = 0;
    long t0 = System.nanoTime();
    long end = t0 + seconds * 1_000_000_000L;
    while (System.nanoTime() < end) {
      for (byte[] b : bodies) {
        sink += work.apply(b).hashCode();
        n++;
      }
    }
    double secs = (System.nanoTime() - t0) / 1e9;
    long allocated = (threads.getCurrentThreadAllocatedBytes() - alloc0) / n;
    System.out.printf("%-44s %9.0f exports/s  %6.1f us/export  %6.1f MB/s  %7d B allocated/export (avg body %.0f B)%s%n",
        label, n / secs, secs * 1e6 / n, n * avgBytes / secs / 1e6, allocated, avgBytes, sink == 42 ? " " : "");
  }
}
