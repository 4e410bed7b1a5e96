package dev.yardstick.repos;

import java.time.Instant;

/** How far an import of one repository got; shared between the worker and whoever asks. */
public final class ImportProgress {
  /** What the API and the CLI show. */
  public record Snapshot(long repositoryId, String phase, long done, long total, long newCommits, String state, String error,
      String note, Instant startedAt, Instant finishedAt) {
    public int percent() {
      return total == 0 ? (state.equals("running") ? 0 : 100) : (int) Math.min(100, 100L * done / total);
    }
  }

  private final long repositoryId;
  private final Instant startedAt;
  private String phase = "fetching";
  private long done;
  private long total;
  private long newCommits;
  private String state = "running";
  private String error;
  private String note;
  private Instant finishedAt;

  ImportProgress(long repositoryId, Instant startedAt) {
    this.repositoryId = repositoryId;
    this.startedAt = startedAt;
  }

  synchronized void phase(String phase, long total) {
    this.phase = phase;
    this.total = total;
    this.done = 0;
  }

  synchronized void advance(long n) {
    done += n;
  }

  synchronized void added(long n) {
    newCommits += n;
  }

  synchronized void note(String note) {
    this.note = note;
  }

  synchronized void finish(String error, Instant at) {
    this.state = error == null ? "done" : "failed";
    this.error = error;
    this.finishedAt = at;
    if (error == null) {
      phase = "done";
      done = total;
    }
  }

  public synchronized Snapshot snapshot() {
    return new Snapshot(repositoryId, phase, done, total, newCommits, state, error, note, startedAt, finishedAt);
  }
}
