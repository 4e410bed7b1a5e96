package dev.yardstick.storage;

import dev.yardstick.model.Plausibility;
import dev.yardstick.model.UsageField;
import java.util.List;
import java.util.TreeMap;

/**
 * What an identity's day row keeps beyond its totals: usage per model, edit decisions per tool,
 * decision, language and source, and events per name. Stored as text (see {@link DayDetailText})
 * in the same row, so that a day costs one row whatever it breaks down into.
 */
final class DayDetail {
  /** A decision's dimensions: tool, decision, language, source. */
  record Decision(String tool, String decision, String language, String source) implements Comparable<Decision> {
    @Override
    public int compareTo(Decision o) {
      int c = tool.compareTo(o.tool);
      c = c != 0 ? c : decision.compareTo(o.decision);
      c = c != 0 ? c : language.compareTo(o.language);
      return c != 0 ? c : source.compareTo(o.source);
    }

    List<String> parts() {
      return List.of(tool, decision, language, source);
    }
  }

  final TreeMap<String, double[]> models = new TreeMap<>();
  final TreeMap<Decision, Double> decisions = new TreeMap<>();
  final TreeMap<String, Long> events = new TreeMap<>();

  void addModel(String model, UsageField field, double increment) {
    double[] v = models.computeIfAbsent(model, m -> new double[UsageField.count()]);
    v[field.ordinal()] = Plausibility.sum(v[field.ordinal()], increment);
  }

  void addDecision(Decision d, double increment) {
    decisions.merge(d, increment, Plausibility::sum);
  }

  void addEvents(String name, long n) {
    events.merge(name, n, Plausibility::sum);
  }

  /** Adds everything of {@code other} to this. */
  void add(DayDetail other) {
    other.models.forEach((m, v) -> {
      double[] mine = models.computeIfAbsent(m, k -> new double[UsageField.count()]);
      for (int i = 0; i < v.length; i++) {
        mine[i] = Plausibility.sum(mine[i], v[i]);
      }
    });
    other.decisions.forEach(this::addDecision);
    other.events.forEach(this::addEvents);
  }

  DayDetail copy() {
    DayDetail c = new DayDetail();
    c.add(this);
    return c;
  }

  boolean isEmpty() {
    return models.isEmpty() && decisions.isEmpty() && events.isEmpty();
  }
}
