package dev.yardstick.demo;

import java.io.PrintStream;

/** Phase and percent on stderr while a phase runs; the time each phase took, and all of them, on stdout. */
public final class Progress {
  private final PrintStream out;
  private final PrintStream err;
  private final long started = System.nanoTime();
  private String phase;
  private long phaseStarted;
  private int shown = -1;

  public Progress(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  public void phase(String name) {
    phase = name;
    phaseStarted = System.nanoTime();
    shown = -1;
    update(0, 1);
  }

  public void update(long done, long total) {
    int percent = total == 0 ? 100 : (int) (done * 100 / total);
    if (percent != shown) {
      shown = percent;
      err.print("\r" + phase + " " + percent + "%   ");
      err.flush();
    }
  }

  /** Ends the phase: "people: 1.2 s (60 developers)". */
  public void done(String what) {
    update(1, 1);
    err.println();
    out.printf("%-14s %7.1f s  %s%n", phase + ":", (System.nanoTime() - phaseStarted) / 1e9, what);
  }

  public double totalSeconds() {
    return (System.nanoTime() - started) / 1e9;
  }
}
