package dev.yardstick.metrics.adoption;

import java.time.LocalDate;

/**
 * Tokens and estimated cost (US dollars) of one developer, day and model, after resolution and the source merge.
 *
 * @param developer the developer, or null when unattributed (in the organization's and the model's totals only)
 * @param model the model as the source names it ("" when the source gave none)
 */
public record ModelDay(LocalDate day, Long developer, Long team, String model, double input, double output,
    double cacheRead, double cacheCreation, double costUsd) {}
