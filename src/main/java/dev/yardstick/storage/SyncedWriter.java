package dev.yardstick.storage;

import dev.yardstick.model.TelemetryBatch;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;

/**
 * Forces each telemetry commit to the disk before its exports are acknowledged
 * ({@code YARDSTICK_H2_SYNC_COMMITS}). H2 writes a commit to its file before the commit returns,
 * but into the operating system's cache: it survives the process being killed, not a power loss
 * or a kernel crash. {@code CHECKPOINT SYNC} fsyncs the file, and with it every earlier commit.
 * PostgreSQL flushes its log at every commit by default: nothing to add there.
 */
public final class SyncedWriter implements TelemetryWriter {
  /** What forces the file to disk. */
  @FunctionalInterface
  interface Sync {
    void run() throws SQLException;
  }

  private final TelemetryWriter writer;
  private final Sync sync;

  SyncedWriter(TelemetryWriter writer, Sync sync) {
    this.writer = writer;
    this.sync = sync;
  }

  /** {@code writer}, syncing after each commit when asked and the database is H2. */
  public static TelemetryWriter around(TelemetryWriter writer, Database db, boolean syncCommits) {
    if (!syncCommits || db.dialect() != Dialect.H2) {
      return writer;
    }
    return new SyncedWriter(writer, () -> {
      try (Connection c = db.connection(); Statement s = c.createStatement()) {
        s.execute("CHECKPOINT SYNC");
      }
    });
  }

  @Override
  public List<TelemetryStore.Outcome> write(List<TelemetryBatch> batches, Instant now) throws SQLException {
    List<TelemetryStore.Outcome> outcomes = writer.write(batches, now);
    sync.run(); // a failure answers the exports as not stored: their retry is a duplicate, counted once
    return outcomes;
  }
}
