package dev.yardstick.ingest.anthropic;

import java.time.Instant;
import java.time.LocalDate;

/** How far a sync of a range of days got; shared between the worker and whoever asks. */
public final class SyncProgress {
  /** What the API and the CLI show. */
  public record Snapshot(String kind, LocalDate from, LocalDate to, int daysDone, int daysTotal, LocalDate currentDay,
      long rows, long refusedRows, long pages, String state, String error, Instant startedAt, Instant finishedAt) {
    public int percent() {
      return daysTotal == 0 ? 100 : (int) (100L * daysDone / daysTotal);
    }
  }

  private final String kind;
  private final LocalDate from;
  private final LocalDate to;
  private final int daysTotal;
  private final Instant startedAt;
  private int daysDone;
  private LocalDate currentDay;
  private long rows;
  private long refusedRows;
  private long pages;
  private String state = "running";
  private String error;
  private Instant finishedAt;

  public SyncProgress(String kind, LocalDate from, LocalDate to, Instant startedAt) {
    this.kind = kind;
    this.from = from;
    this.to = to;
    this.daysTotal = to.isBefore(from) ? 0 : (int) (to.toEpochDay() - from.toEpochDay() + 1);
    this.startedAt = startedAt;
  }

  synchronized void working(LocalDate day) {
    currentDay = day;
  }

  synchronized void page(int rowsInPage) {
    pages++;
    rows += rowsInPage;
  }

  /** Rows of a day left out as implausible. */
  synchronized void refused(int n) {
    refusedRows += n;
  }

  synchronized void dayDone() {
    daysDone++;
  }

  synchronized void finish(String error, Instant at) {
    this.state = error == null ? "done" : "failed";
    this.error = error;
    this.finishedAt = at;
  }

  public synchronized Snapshot snapshot() {
    return new Snapshot(kind, from, to, daysDone, daysTotal, currentDay, rows, refusedRows, pages, state, error, startedAt,
        finishedAt);
  }
}
