package dev.yardstick.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.yardstick.model.Signal;
import dev.yardstick.model.TelemetryBatch;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SyncedWriterTest {
  private static final List<TelemetryBatch> BATCHES = List.of(new TelemetryBatch(1, Signal.METRICS, List.of(), 0, "", 0, null));
  private final List<String> steps = new ArrayList<>();
  private final TelemetryWriter store = (batches, now) -> {
    steps.add("commit");
    return List.of(new TelemetryStore.Outcome(1, 0));
  };

  @Test
  void eachCommit_isSyncedBeforeItIsAcknowledged() throws Exception {
    TelemetryWriter w = new SyncedWriter(store, () -> steps.add("sync"));

    w.write(BATCHES, Instant.EPOCH);
    w.write(BATCHES, Instant.EPOCH);

    assertThat(steps).containsExactly("commit", "sync", "commit", "sync");
  }

  @Test
  void aFailedSync_failsTheWrite_soThatNothingUnsyncedIsAcknowledged() {
    TelemetryWriter w = new SyncedWriter(store, () -> {
      throw new SQLException("disk gone", "58030");
    });

    assertThatThrownBy(() -> w.write(BATCHES, Instant.EPOCH)).isInstanceOf(SQLException.class).hasMessage("disk gone");
  }

  @Test
  void only_onH2_andWhenAsked() {
    Database h2 = new Database("jdbc:h2:mem:x", Optional.empty(), Optional.empty(), 2);
    Database pg = new Database("jdbc:postgresql://127.0.0.1:5432/x", Optional.empty(), Optional.empty(), 2);

    assertThat(SyncedWriter.around(store, h2, true)).isInstanceOf(SyncedWriter.class);
    assertThat(SyncedWriter.around(store, h2, false)).isSameAs(store);
    assertThat(SyncedWriter.around(store, pg, true)).isSameAs(store); // PostgreSQL syncs its log at every commit already
  }
}
