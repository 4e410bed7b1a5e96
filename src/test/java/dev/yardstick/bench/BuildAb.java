package dev.yardstick.bench;

import java.io.File;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Decode+map of two builds in one JVM, in alternating slices: each build's classes in a class loader
 * of its own, both over the same exports, timed by the thread's own CPU time, so that a busy machine
 * (other processes taking the cores) shows in neither and the ratio is what the change costs. Prints,
 * per payload, the median ratio of CPU per export B/A over the rounds and its range.
 *
 * <p>Usage: BuildAb dirA dirB dependencyClasspath [rounds] (dirs hold target/classes and target/test-classes)
 */
public final class BuildAb {
  private static final long SLICE_NANOS = 250_000_000L;
  private static final java.lang.management.ThreadMXBean CPU = java.lang.management.ManagementFactory.getThreadMXBean();

  private BuildAb() {}

  public static void main(String[] args) throws Exception {
    int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 15;
    URLClassLoader deps = new URLClassLoader(urls(args[2].split(File.pathSeparator)), ClassLoader.getPlatformClassLoader());
    Method a = probe(args[0], deps);
    Method b = probe(args[1], deps);
    for (boolean metrics : new boolean[] {true, false}) {
      for (boolean json : new boolean[] {true, false}) {
        List<byte[]> bodies = bodies(metrics, json);
        for (long end = System.nanoTime() + 3_000_000_000L; System.nanoTime() < end; ) { // warm-up: let the JIT finish
          slice(a, metrics, json, bodies);
          slice(b, metrics, json, bodies);
        }
        double[] ratios = new double[rounds];
        for (int r = 0; r < rounds; r++) {
          boolean aFirst = r % 2 == 0; // neither build always runs after the other
          double first = slice(aFirst ? a : b, metrics, json, bodies);
          double second = slice(aFirst ? b : a, metrics, json, bodies);
          ratios[r] = aFirst ? second / first : first / second;
        }
        Arrays.sort(ratios);
        System.out.printf("%-8s %-9s CPU B/A median %.3f (range %.3f-%.3f over %d rounds)%n", metrics ? "metrics" : "logs",
            json ? "json" : "protobuf", ratios[rounds / 2], ratios[0], ratios[rounds - 1], rounds);
      }
    }
  }

  /** CPU nanoseconds of this thread per export over one slice. */
  private static double slice(Method probe, boolean metrics, boolean json, List<byte[]> bodies) throws Exception {
    long n = 0;
    long sink = 0;
    long cpu0 = CPU.getCurrentThreadCpuTime();
    while (CPU.getCurrentThreadCpuTime() - cpu0 < SLICE_NANOS) {
      for (byte[] body : bodies) {
        sink += probe.invoke(null, metrics, json, body).hashCode();
        n++;
      }
    }
    return (CPU.getCurrentThreadCpuTime() - cpu0 + (sink == 42 ? 1 : 0)) / (double) n;
  }

  private static List<byte[]> bodies(boolean metrics, boolean json) {
    ClaudeCodePayloads[] devs = new ClaudeCodePayloads[100];
    for (int d = 0; d < devs.length; d++) {
      devs[d] = new ClaudeCodePayloads(d, 1_790_000_000L, 7);
    }
    List<byte[]> out = new ArrayList<>();
    for (int i = 0; i < 500; i++) {
      out.add((metrics ? devs[i % devs.length].metrics(json) : devs[i % devs.length].logs(json)).body());
    }
    return out;
  }

  private static Method probe(String dir, ClassLoader deps) throws Exception {
    ClassLoader build = new URLClassLoader(urls(Path.of(dir, "target", "classes").toString(),
        Path.of(dir, "target", "test-classes").toString()), deps);
    return build.loadClass("dev.yardstick.ingest.otlp.OtlpIngestProbe")
        .getMethod("decodeAndMap", boolean.class, boolean.class, byte[].class);
  }

  private static URL[] urls(String... paths) throws Exception {
    URL[] out = new URL[paths.length];
    for (int i = 0; i < paths.length; i++) {
      out[i] = Path.of(paths[i]).toUri().toURL();
    }
    return out;
  }
}
