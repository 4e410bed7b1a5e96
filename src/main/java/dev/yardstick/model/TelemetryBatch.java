package dev.yardstick.model;

import java.util.List;

/**
 * Everything one export request brought for one organization, ready to store.
 *
 * @param rejected points or log records refused as invalid (reported as partial success)
 * @param rejectReason why, in plain English; empty when nothing was rejected
 * @param ignored points or records accepted but not stored (telemetry that is not Claude Code's)
 * @param ingestTokenId the ingest token the export came with, recorded with each fact group it stores
 * @param personalToken the token is a developer's personal one: its id joins every identity of the batch
 */
public record TelemetryBatch(long orgId, Signal signal, List<FactGroup> groups, int rejected, String rejectReason, int ignored,
    String ingestTokenId, boolean personalToken) {

  public TelemetryBatch(long orgId, Signal signal, List<FactGroup> groups, int rejected, String rejectReason, int ignored,
      String ingestTokenId) {
    this(orgId, signal, groups, rejected, rejectReason, ignored, ingestTokenId, false);
  }

  /** The identity a group of this batch is stored under. */
  public Identity identityOf(FactGroup g) {
    return personalToken ? g.context().identity().withPersonalToken(ingestTokenId) : g.context().identity();
  }

  public int items() {
    int n = 0;
    for (FactGroup g : groups) {
      n += g.size();
    }
    return n;
  }
}
