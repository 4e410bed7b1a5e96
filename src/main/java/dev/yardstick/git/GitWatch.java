package dev.yardstick.git;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Watches one running git command: stops it, with every process it started (git runs its transports
 * as children), when it runs past its limit, when asked to, or when the thread waiting for it is
 * interrupted (a blocked read of git's output never notices an interrupt by itself).
 */
final class GitWatch {
  /** Why a command was stopped. */
  enum Reason { TIMED_OUT, STOPPED }

  private static final long PERIOD_MS = 200;
  private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(
      r -> Thread.ofPlatform().name("git-watch").daemon(true).unstarted(r));

  private final Process process;
  private final GitCli.Limits limits;
  private final Thread owner;
  private final boolean wholeRun;
  private final AtomicReference<Reason> reason = new AtomicReference<>();
  private volatile long lastSign = System.nanoTime();
  private volatile boolean waitingOnCaller;
  private final ScheduledFuture<?> task;

  /** @param wholeRun true to limit the whole run (network commands), false to limit the time without output */
  GitWatch(Process process, GitCli.Limits limits, Thread owner, boolean wholeRun) {
    this.process = process;
    this.limits = limits;
    this.owner = owner;
    this.wholeRun = wholeRun;
    this.task = TIMER.scheduleAtFixedRate(this::check, PERIOD_MS, PERIOD_MS, TimeUnit.MILLISECONDS);
  }

  /** Git said something; time the caller spends on it is not git's. */
  void callerBusy(boolean busy) {
    if (!wholeRun) {
      lastSign = System.nanoTime();
    }
    waitingOnCaller = busy;
  }

  Reason reason() {
    return reason.get();
  }

  Duration limit() {
    return limits.timeout();
  }

  private void check() {
    if (limits.stopped().getAsBoolean() || owner.isInterrupted()) {
      stop(Reason.STOPPED);
    } else if (!waitingOnCaller && System.nanoTime() - lastSign > limits.timeout().toNanos()) {
      stop(Reason.TIMED_OUT);
    }
  }

  void stop(Reason why) {
    if (reason.compareAndSet(null, why)) {
      killTree(process);
    }
  }

  void done() {
    task.cancel(false);
  }

  /**
   * Ends the process and its descendants, whose open pipes would otherwise keep the output from
   * ending: asked first (git then removes its lock files and half-made clone), forced two seconds later.
   */
  static void killTree(Process p) {
    List<ProcessHandle> all = new ArrayList<>(p.descendants().toList());
    all.add(p.toHandle());
    all.forEach(ProcessHandle::destroy);
    TIMER.schedule(() -> all.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly), 2, TimeUnit.SECONDS);
  }
}
