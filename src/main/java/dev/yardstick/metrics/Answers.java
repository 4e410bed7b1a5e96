package dev.yardstick.metrics;

import dev.yardstick.people.PeopleService;
import dev.yardstick.storage.ReportCache;
import dev.yardstick.storage.ReportQueries;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Answers (reports, series, breakdowns, comparisons) kept while what they were computed from is unchanged: the same data
 * stamp of their days and the same people (the resolver is kept as long as developers, aliases, teams and memberships
 * are). Computing a quarter for 1,000 developers takes tens of milliseconds to seconds; a dashboard asks the same again.
 */
public final class Answers {
  private final ReportQueries queries;
  private final PeopleService people;
  private final Map<List<Object>, Held> held;

  /** Softly held: under memory pressure the collector takes answers back before the heap runs out. */
  private record Held(List<Object> stamp, java.lang.ref.SoftReference<Object> answer) {}

  /** {@code max}: the most answers kept, the least recently used going first. */
  public Answers(ReportQueries queries, PeopleService people, int max) {
    this.queries = queries;
    this.people = people;
    this.held = Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<List<Object>, Held> eldest) {
        return size() > max;
      }
    });
  }

  /**
   * The answer {@code key} names (with the organization and the days), computed from days {@code from..to} of organization {@code org} (a week either side
   * is stamped, for answers widened to whole weeks). The stamp is taken before computing: an answer that saw a newer
   * write is kept under the older stamp and computed again next time, never the other way.
   */
  @SuppressWarnings("unchecked")
  <T> T get(long org, LocalDate from, LocalDate to, List<Object> key, Supplier<T> compute) {
    ReportCache.Stamp data = queries.stamp(org, from.minusDays(7), to.plusDays(7));
    if (data == null) {
      return compute.get();
    }
    List<Object> stamp = List.of(data, people.resolver(org));
    List<Object> k = new ArrayList<>(key.size() + 3);
    k.add(org);
    k.add(from);
    k.add(to);
    k.addAll(key);
    Held h = held.get(k);
    Object kept = h != null && h.stamp().equals(stamp) ? h.answer().get() : null;
    if (kept != null) {
      return (T) kept;
    }
    T answer = compute.get();
    held.put(k, new Held(stamp, new java.lang.ref.SoftReference<>(answer)));
    return answer;
  }
}
