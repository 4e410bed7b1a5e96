package dev.yardstick.storage;

import dev.yardstick.model.TelemetryBatch;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/** Where the write queue commits telemetry: the store, or in a benchmark, nothing at all. */
@FunctionalInterface
public interface TelemetryWriter {
  /** Stores the batches in one transaction and says, per batch in order, what was new. */
  List<TelemetryStore.Outcome> write(List<TelemetryBatch> batches, Instant now) throws SQLException;
}
