package dev.yardstick.storage;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Content keys this process committed lately. A retried export is usually recognized here, without
 * asking the database; the database's key stays the authority for everything else.
 */
final class RecentKeys {
  private final Map<TelemetryStore.FactKey, Boolean> keys;

  RecentKeys(int capacity) {
    this.keys = new LinkedHashMap<>(capacity * 4 / 3 + 1, 0.75f, false) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<TelemetryStore.FactKey, Boolean> eldest) {
        return size() > capacity;
      }
    };
  }

  synchronized boolean contains(TelemetryStore.FactKey key) {
    return keys.containsKey(key);
  }

  /** Records keys of a committed transaction. */
  synchronized void addAll(Collection<TelemetryStore.FactKey> committed) {
    for (TelemetryStore.FactKey k : committed) {
      keys.put(k, Boolean.TRUE);
    }
  }
}
