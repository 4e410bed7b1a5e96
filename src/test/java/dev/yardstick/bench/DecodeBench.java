package dev.yardstick.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.yardstick.ingest.otlp.OtlpIngestProbe;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * In-process decode rate, one thread: the same Claude-Code-shaped exports the load generator sends,
 * decoded and mapped to facts (what a request costs before storage), beside a plain Jackson tree
 * parse of the same bytes as a reference point. Each case runs twice:
 * <ul>
 *   <li><b>warm</b>: the same 2,000 bodies of 100 developers over and over, so that every email,
 *       user id and session id is already in the decoder's string table;
 *   <li><b>cold</b>: every export from a developer and a session never seen before (generated
 *       between timed batches), so that none is: the worst case of real traffic, where sessions
 *       last many exports.
 * </ul>
 *
 * <p>Usage: DecodeBench [seconds per measurement, 5] [rounds, 3]: warm and cold alternate, round by round.
 */
public final class DecodeBench {
  private static final int COLD_BATCH = 500;

  private DecodeBench() {}

  public static void main(String[] args) throws Exception {
    int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    System.out.println("(warm: the same 2,000 bodies of 100 developers; cold: a developer and session never seen before every export)");
    int[] nextDeveloper = {100_000};
    for (String signal : List.of("metrics", "logs")) {
      boolean metrics = signal.equals("metrics");
      for (boolean json : new boolean[] {true, false}) {
        List<byte[]> bodies = new ArrayList<>();
        ClaudeCodePayloads[] devs = new ClaudeCodePayloads[100];
        for (int d = 0; d < devs.length; d++) {
          devs[d] = new ClaudeCodePayloads(d, 1_790_000_000L, 7);
        }
        for (int i = 0; i < 2000; i++) {
          ClaudeCodePayloads dev = devs[i % devs.length];
          bodies.add((metrics ? dev.metrics(json) : dev.logs(json)).body());
        }
        IntFunction<List<byte[]>> warm = i -> bodies;
        IntFunction<List<byte[]>> cold = i -> { // a new developer, hence a new email, user id and session, every export
          List<byte[]> fresh = new ArrayList<>(COLD_BATCH);
          for (int k = 0; k < COLD_BATCH; k++) {
            ClaudeCodePayloads dev = new ClaudeCodePayloads(nextDeveloper[0]++, 1_790_000_000L, 11);
            if (metrics) {
              dev.metrics(json); // its second export: the first carries the session.count point that 19 in 20 lack
            }
            fresh.add((metrics ? dev.metrics(json) : dev.logs(json)).body());
          }
          return fresh;
        };
        String label = signal + (json ? " json" : " protobuf") + " decode+map";
        Work decode = b -> OtlpIngestProbe.decodeAndMap(metrics, json, b);
        warmUp(warm, decode);
        warmUp(cold, decode);
        for (int r = 1; r <= rounds; r++) { // alternated: the machine's noise falls on both alike
          double w = run(label + " warm, round " + r, seconds, warm, decode);
          double c = run(label + " cold, round " + r, seconds, cold, decode);
          System.out.printf("%-44s cold/warm CPU per export %.2f%n", label + ", round " + r, c / w);
        }
        if (json) {
          ObjectMapper mapper = new ObjectMapper();
          warmUp(warm, mapper::readTree);
          run(signal + " json Jackson readTree (reference)", seconds, warm, mapper::readTree);
        }
      }
    }
  }

  /** 5 s of the work: lets the JIT finish before anything is timed. */
  private static void warmUp(IntFunction<List<byte[]>> batches, Work work) throws Exception {
    long sink = 0;
    for (long end = System.nanoTime() + 5_000_000_000L; System.nanoTime() < end; ) {
      for (byte[] b : batches.apply(0)) {
        sink += work.apply(b).hashCode();
      }
    }
    if (sink == 42) {
      System.out.print(' ');
    }
  }

  interface Work {
    Object apply(byte[] body) throws Exception;
  }

  /**
   * Times {@code work} over batches of bodies for {@code seconds} of its own time (a batch is made
   * before its timing starts), prints the rate, time, CPU time and bytes allocated per export, and returns
   * the CPU microseconds per export (the thread's own CPU: on a busy machine wall time counts other processes' turns).
   */
  private static double run(String label, int seconds, IntFunction<List<byte[]>> batches, Work work) throws Exception {
    var threads = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
    long sink = 0;
    long n = 0;
    long nanos = 0;
    long cpu = 0;
    long allocated = 0;
    long bytes = 0;
    for (int round = 1; nanos < seconds * 1_000_000_000L; round++) {
      List<byte[]> batch = batches.apply(round);
      long alloc0 = threads.getCurrentThreadAllocatedBytes();
      long c0 = threads.getCurrentThreadCpuTime();
      long t0 = System.nanoTime();
      for (byte[] b : batch) {
        sink += work.apply(b).hashCode();
      }
      nanos += System.nanoTime() - t0;
      cpu += threads.getCurrentThreadCpuTime() - c0;
      allocated += threads.getCurrentThreadAllocatedBytes() - alloc0;
      n += batch.size();
      for (byte[] b : batch) {
        bytes += b.length;
      }
    }
    double secs = nanos / 1e9;
    System.out.printf("%-44s %9.0f exports/s  %6.1f us/export (CPU %5.1f us)  %6.1f MB/s  %7d B allocated/export (avg body %d B)%s%n",
        label, n / secs, secs * 1e6 / n, cpu / 1e3 / n, bytes / secs / 1e6, allocated / n, bytes / n, sink == 42 ? " " : "");
    return cpu / 1e3 / n;
  }
}
