package dev.yardstick.metrics;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Pure: who is behind each row of a breakdown (a model, a tool, a team), so that a row holding data of people the
 * viewer may not see individually is withheld when fewer than the minimum group size contributed to it.
 */
final class GroupRows {
  private final Viewer viewer;
  private final int minGroupSize;
  private final Map<String, Set<Long>> contributors = new HashMap<>();
  private final Set<String> unseen = new HashSet<>();

  GroupRows(Viewer viewer, int minGroupSize) {
    this.viewer = viewer;
    this.minGroupSize = minGroupSize;
  }

  /** Data of this developer (null: unattributed, one contributor however many identities) on a day of this team. */
  void add(String key, Long developer, Long team) {
    contributors.computeIfAbsent(key, k -> new HashSet<>()).add(developer == null ? SmallGroups.UNLINKED : developer);
    if (!viewer.seesIndividually(developer, team)) {
      unseen.add(key);
    }
  }

  /** How many developers (unattributed data as one) the row's figures come from. */
  int developers(String key) {
    return contributors.getOrDefault(key, Set.of()).size();
  }

  boolean withheld(String key) {
    return unseen.contains(key) && developers(key) < minGroupSize;
  }
}
