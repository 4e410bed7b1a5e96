package dev.yardstick.rollout;

import dev.yardstick.storage.RolloutQueries;
import dev.yardstick.storage.RolloutQueries.AdminLastDay;
import dev.yardstick.storage.RolloutQueries.LastCommit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Admin API's last day per actor and git's last commit per author, per organization: each a
 * scan of an index over every row of the organization (hundreds of ms at 1,000 developers), while
 * they change only when a sync or an import runs. Read once, then refreshed in the background when
 * older than a minute, so that no page view waits for the scans after the first.
 */
final class SourceCache {
  private static final Logger log = LoggerFactory.getLogger(SourceCache.class);
  static final long MAX_AGE_NANOS = 60_000_000_000L;

  /** What was read, and when (System.nanoTime). */
  record Sources(List<AdminLastDay> adminApi, List<LastCommit> commits, long readAt) {}

  private final RolloutQueries queries;
  private final Map<Long, Sources> cache = new ConcurrentHashMap<>();
  private final Set<Long> refreshing = ConcurrentHashMap.newKeySet();

  SourceCache(RolloutQueries queries) {
    this.queries = queries;
  }

  Sources get(long org) {
    Sources s = cache.get(org);
    if (s == null) {
      return read(org); // the first view after a start waits for the scans
    }
    if (System.nanoTime() - s.readAt() > MAX_AGE_NANOS && refreshing.add(org)) {
      Thread.ofVirtual().name("yardstick-rollout-refresh").start(() -> {
        try {
          read(org);
        } catch (RuntimeException e) {
          log.warn("could not refresh the rollout's Admin API and git rows, will retry: {}", e.toString());
        } finally {
          refreshing.remove(org);
        }
      });
    }
    return s;
  }

  private Sources read(long org) {
    Sources s = new Sources(queries.adminLastDays(org), queries.lastCommits(org), System.nanoTime());
    cache.put(org, s);
    return s;
  }
}
