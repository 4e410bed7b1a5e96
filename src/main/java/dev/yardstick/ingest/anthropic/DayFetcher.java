package dev.yardstick.ingest.anthropic;

import dev.yardstick.model.AdminUsage;
import dev.yardstick.model.Rejections;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fetches days in order on its own thread, a little ahead of the thread that stores them, so that
 * the network wait and the database writes overlap instead of adding up.
 */
final class DayFetcher implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(DayFetcher.class);
  private static final int AHEAD = 2;

  /** A day's rows, summed per key, and those refused as implausible; or the failure that ended the fetching. */
  record Fetched(LocalDate day, Collection<AdminUsage> rows, Rejections refused, Exception failure) {}

  /** Called for every page as it arrives (progress, lease). */
  interface PageListener {
    void page(int rows);
  }

  private final BlockingQueue<Fetched> ready = new ArrayBlockingQueue<>(AHEAD);
  private final Thread thread;

  DayFetcher(AdminApiClient client, String key, int pageLimit, LocalDate from, LocalDate to, PageListener listener) {
    thread = Thread.ofVirtual().name("anthropic-fetch").start(() -> {
      try {
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
          Rejections refused = new Rejections();
          ready.put(new Fetched(day, fetch(client, key, pageLimit, day, listener, refused), refused, null));
        }
      } catch (InterruptedException stop) {
        // the storing side is gone
      } catch (Exception e) {
        ready.offer(new Fetched(null, null, null, e));
      }
    });
  }

  private static Collection<AdminUsage> fetch(AdminApiClient client, String key, int limit, LocalDate day, PageListener listener,
      Rejections refused) throws Exception {
    List<AdminUsage> rows = new ArrayList<>();
    client.day(key, day, limit, page -> {
      listener.page(page.rows().size());
      refused.addAll(page.refused());
      for (AdminUsage r : page.rows()) {
        if (r.day().equals(day)) {
          rows.add(r);
        } else {
          log.warn("Admin API answered a row of {} when asked for {}; skipped", r.day(), day);
        }
      }
    });
    return AdminRows.aggregate(rows);
  }

  /** The next day in order; throws what ended the fetching. */
  Fetched next() throws Exception {
    Fetched f = ready.take();
    if (f.failure() != null) {
      throw f.failure();
    }
    return f;
  }

  @Override
  public void close() throws InterruptedException {
    thread.interrupt();
    thread.join(10_000);
  }
}
