package dev.yardstick.identity;

import dev.yardstick.model.Identity;
import java.time.Instant;

/**
 * One set of raw identifiers as telemetry carried them, with what was seen of it.
 *
 * @param volume how much data it brought (sessions plus events), to rank the unmatched queue
 */
public record IdentityRecord(long id, Identity identity, Instant firstSeen, Instant lastSeen, String terminalType,
    String appVersion, long volume) {}
