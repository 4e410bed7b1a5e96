package dev.yardstick.metrics;

import java.time.LocalDate;
import java.util.List;

/** A report over days {@code from..to} inclusive, in the organization's time zone. */
public record Report(LocalDate from, LocalDate to, GroupBy groupBy, List<ReportRow> rows) {}
