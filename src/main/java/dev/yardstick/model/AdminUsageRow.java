package dev.yardstick.model;

import java.time.LocalDate;

/**
 * An Admin API actor's usage on one UTC day, summed over terminals and models; {@code values} is
 * indexed by {@link UsageField#ordinal()} (active time stays 0: the API does not report it).
 */
public record AdminUsageRow(LocalDate day, AdminUsage.ActorType actorType, String actor, double[] values) {}
