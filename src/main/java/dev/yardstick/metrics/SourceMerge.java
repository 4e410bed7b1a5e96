package dev.yardstick.metrics;

import dev.yardstick.model.UsageField;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Function;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Pure: the no-double-counting rule (docs/METRICS.md). Per subject (a developer, or an unresolved
 * email, API key or telemetry identity) and day, every field the Admin API reports comes from the
 * Admin API when it has a row for that subject and day, and from telemetry otherwise; active time
 * (which only telemetry has) always comes from telemetry. The sources are never added together.
 */
final class SourceMerge {
  private SourceMerge() {}

  /** A daily row of one source, keyed by who it is about. */
  record SourcedRow(LocalDate day, String subject, Long developerId, Long teamId, double[] values) {}

  static boolean fromAdminApi(UsageField f) {
    return f != UsageField.ACTIVE_USER_SECONDS && f != UsageField.ACTIVE_CLI_SECONDS;
  }

  static List<ResolvedRow> merge(List<SourcedRow> telemetry, List<SourcedRow> admin, UsageSource source) {
    if (source == UsageSource.TELEMETRY) {
      return plain(telemetry, true);
    }
    if (source == UsageSource.ADMIN_API) {
      return plain(admin, false);
    }
    Map<List<Object>, SourcedRow> tel = sum(telemetry);
    Map<List<Object>, SourcedRow> adm = sum(admin);
    List<ResolvedRow> out = new ArrayList<>(tel.size() + adm.size());
    tel.forEach((k, t) -> {
      SourcedRow a = adm.get(k);
      if (a == null) {
        out.add(resolved(t, true));
        return;
      }
      double[] v = new double[UsageField.count()];
      for (UsageField f : UsageField.values()) {
        v[f.ordinal()] = fromAdminApi(f) ? a.values()[f.ordinal()] : t.values()[f.ordinal()];
      }
      out.add(new ResolvedRow(t.day(), t.developerId(), t.teamId(), v, true, null));
    });
    adm.forEach((k, a) -> {
      if (!tel.containsKey(k)) {
        out.add(resolved(a, false)); // no telemetry that day: active time unknown, not 0
      }
    });
    return out;
  }

  /**
   * The same rule for rows broken down further (per model, per tool): a telemetry row is kept only when the Admin API
   * has no day row for its subject and day ({@code admin}, as {@link #merge} takes them), so the breakdown adds up to
   * the merged totals and the sources are never added together.
   *
   * @param subjectDay a breakdown row's subject and day, as {@code List.of(subject, day)}
   */
  static <T> List<T> breakdown(List<T> telemetry, List<T> adminBreakdown, List<SourcedRow> admin,
      Function<T, List<Object>> subjectDay, UsageSource source) {
    if (source != UsageSource.MERGED) {
      return source == UsageSource.TELEMETRY ? telemetry : adminBreakdown;
    }
    Set<List<Object>> adminDays = new HashSet<>();
    admin.forEach(a -> adminDays.add(List.of(a.subject(), a.day())));
    List<T> out = new ArrayList<>(adminBreakdown);
    telemetry.stream().filter(t -> !adminDays.contains(subjectDay.apply(t))).forEach(out::add);
    return out;
  }

  private static Map<List<Object>, SourcedRow> sum(List<SourcedRow> rows) {
    Map<List<Object>, SourcedRow> out = new LinkedHashMap<>();
    for (SourcedRow r : rows) {
      out.merge(List.of(r.subject(), r.day()), r, (x, y) -> {
        double[] v = x.values().clone();
        for (int i = 0; i < v.length; i++) {
          v[i] = dev.yardstick.model.Plausibility.sum(v[i], y.values()[i]);
        }
        return new SourcedRow(x.day(), x.subject(), x.developerId(), x.teamId(), v);
      });
    }
    return out;
  }

  private static List<ResolvedRow> plain(List<SourcedRow> rows, boolean telemetry) {
    return rows.stream().map(r -> resolved(r, telemetry)).toList();
  }

  private static ResolvedRow resolved(SourcedRow r, boolean telemetry) {
    return new ResolvedRow(r.day(), r.developerId(), r.teamId(), r.values(), telemetry, null);
  }
}
