package dev.yardstick.storage;

import dev.yardstick.model.FactGroup;
import dev.yardstick.model.MetricPoint;
import dev.yardstick.model.Rejections;
import dev.yardstick.model.SessionContext;
import dev.yardstick.model.Signal;
import dev.yardstick.model.TelemetryBatch;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Stores telemetry: facts (de-duplicated by content key), identities, and the daily rollups, all of
 * a call's batches in one transaction. A fact group already stored adds nothing, so a retried export
 * counts once, also when two servers receive it at the same time.
 */
public final class TelemetryStore implements TelemetryWriter {
  private final Database db;
  private final OrgStore orgs;
  private final IdentityCache identities;
  private final CumulativeSeries cumulative;
  private final IdentityDays days;
  private final SeenRefresher seen;
  private final TokenSightings tokenSightings;
  private static final String UNIQUE_VIOLATION = "23505";
  private static final List<String> FACT_COLUMNS = List.of("org_id", "key_hi", "key_lo", "signal", "identity_id",
      "first_day", "min_time_ns", "item_count", "session_id", "terminal_type", "app_version", "attributes", "payload",
      "received_at", "ingest_token_id", "last_day");
  private final String insertFactSql;
  private final String plainInsertFactSql;
  private final RecentKeys recent = new RecentKeys(1 << 16);
  private final FactSpans spans = new FactSpans();

  /**
   * What became of one batch: items newly stored, items that were already there, and items refused
   * here (cumulative running totals that rose implausibly since the series' previous point).
   */
  public record Outcome(int stored, int duplicates, Rejections rejected) {
    public Outcome(int stored, int duplicates) {
      this(stored, duplicates, new Rejections());
    }
  }

  public TelemetryStore(Database db, OrgStore orgs) {
    this.db = db;
    this.orgs = orgs;
    this.seen = new SeenRefresher(db.dialect());
    this.identities = new IdentityCache(db.dialect(), seen);
    this.cumulative = new CumulativeSeries(db.dialect());
    this.days = new IdentityDays(db.dialect());
    this.tokenSightings = new TokenSightings(db.dialect());
    this.plainInsertFactSql = "INSERT INTO fact_groups (" + String.join(", ", FACT_COLUMNS) + ") VALUES ("
        + String.join(", ", java.util.Collections.nCopies(FACT_COLUMNS.size(), "?")) + ")";
    this.insertFactSql = db.dialect().insertIfAbsent("fact_groups", List.of("org_id", "min_time_ns", "key_hi", "key_lo"),
        FACT_COLUMNS,
        List.of("BIGINT", "BIGINT", "BIGINT", "CHAR(1)", "BIGINT", "DATE", "BIGINT", "INTEGER", "VARCHAR(512)",
            "VARCHAR(512)", "VARCHAR(512)", "VARCHAR(1000000)", "VARCHAR(10000000)", "TIMESTAMP WITH TIME ZONE", "VARCHAR(40)",
            "DATE"));
  }

  /** Writes the identities' first/last seen that ingest recorded since the last call. */
  public void writeSeen() throws SQLException {
    seen.flush(db);
    tokenSightings.flush(db);
  }

  /** Stores the batches in one transaction and says, per batch in order, what was new. */
  @Override
  public List<Outcome> write(List<TelemetryBatch> batches, Instant now) throws SQLException {
    try (Connection c = db.connection()) {
      c.setAutoCommit(false);
      // H2 has one writer: a plain insert is cheapest, and a key conflict (rare past RecentKeys) is redone carefully
      boolean plain = db.dialect() == Dialect.H2;
      while (true) {
        try {
          Written w = writeIn(c, batches, now, plain);
          c.commit();
          w.identities.commit();
          w.days.commit();
          noteTokens(w, now);
          spans.remember(w.spans);
          recent.addAll(w.keys);
          return w.outcomes;
        } catch (SQLException | RuntimeException e) {
          rollbackQuietly(c, e);
          if (!(plain && e instanceof SQLException s && UNIQUE_VIOLATION.equals(s.getSQLState()))) {
            throw e;
          }
          plain = false;
        }
      }
    }
  }

  /** Which identities used which token, for the developers seen per token (written later, off this path). */
  private void noteTokens(Written w, Instant now) {
    for (TokenUse u : w.tokenUses) {
      Long id = w.identities.ids.get(u.key());
      if (id != null) {
        tokenSightings.saw(new TokenSightings.Pair(u.key().org(), u.token(), id), now);
      }
    }
  }

  private record TokenUse(String token, IdentityCache.Key key) {}

  private record Written(List<Outcome> outcomes, IdentityCache.Pending identities, IdentityDays.Written days,
      List<FactKey> keys, Map<Long, Integer> spans, java.util.Set<TokenUse> tokenUses) {}

  private record Ref(int batch, long org, FactGroup group) {}

  private Written writeIn(Connection c, List<TelemetryBatch> batches, Instant now, boolean plainInsert) throws SQLException {
    int[] stored = new int[batches.size()];
    int[] duplicates = new int[batches.size()];
    Rejections[] rejected = new Rejections[batches.size()];
    Map<FactKey, Ref> unique = new LinkedHashMap<>();
    Map<IdentityCache.Key, IdentityCache.Sighting> sightings = new HashMap<>();
    Map<FactGroup, IdentityCache.Key> identityOf = new IdentityHashMap<>(); // by instance: records hash their whole content
    java.util.Set<TokenUse> tokenUses = new java.util.HashSet<>();
    for (int b = 0; b < batches.size(); b++) {
      TelemetryBatch batch = batches.get(b);
      for (FactGroup g : batch.groups()) {
        FactKey fk = new FactKey(batch.orgId(), g.keyHi(), g.keyLo());
        if (recent.contains(fk) || unique.putIfAbsent(fk, new Ref(b, batch.orgId(), g)) != null) {
          duplicates[b] += g.size(); // sent before, or twice in this transaction (a retry racing its original)
          continue;
        }
        dev.yardstick.model.Identity identity = batch.identityOf(g);
        IdentityCache.Key key = IdentityCache.Key.of(batch.orgId(), identity);
        identityOf.put(g, key);
        if (batch.ingestTokenId() != null) {
          tokenUses.add(new TokenUse(batch.ingestTokenId(), key));
        }
        sightings.computeIfAbsent(key, k -> new IdentityCache.Sighting(identity))
            .saw(g.minTimeNanos(), g.maxTimeNanos(), g.context().terminalType(), g.context().clientVersion());
      }
    }
    IdentityCache.Pending ids = identities.resolve(c, sightings, now.getEpochSecond() * 1_000_000_000L + now.getNano());
    List<Map.Entry<FactKey, Ref>> ordered = new ArrayList<>(unique.entrySet());
    ordered.sort(Map.Entry.comparingByKey(FactKey.ORDER));
    Map<Long, Integer> groupSpans = new HashMap<>();
    int[] inserted = insertFacts(c, plainInsert ? plainInsertFactSql : insertFactSql, ordered, batches, ids, identityOf, now,
        groupSpans);
    Map<Long, Integer> raisedSpans = spans.raise(c, groupSpans);
    DayRows rollups = new DayRows();
    List<CumulativeSeries.Pending> cumulativePoints = new ArrayList<>();
    for (int i = 0; i < ordered.size(); i++) {
      Ref ref = ordered.get(i).getValue();
      if (inserted[i] == 0) {
        duplicates[ref.batch()] += ref.group().size();
        continue;
      }
      stored[ref.batch()] += ref.group().size();
      long identityId = ids.ids.get(identityOf.get(ref.group()));
      RollupMapper.add(rollups, ref.org(), orgs.zone(ref.org()), identityId, ref.group(), ref.batch(), cumulativePoints);
    }
    List<CumulativeSeries.Refused> refused = cumulative.apply(c, cumulativePoints, rollups, orgs::zone, now);
    for (CumulativeSeries.Refused r : refused) {
      int b = r.pending().batch();
      stored[b]--;
      (rejected[b] == null ? rejected[b] = new Rejections() : rejected[b]).add(r.problem().reason(),
          r.pending().point().name() + ": " + r.problem().message());
    }
    RefusedPoints.dropFromFacts(c, refused);
    IdentityDays.Written dayRows = days.write(c, rollups);
    List<Outcome> outcomes = new ArrayList<>(batches.size());
    for (int b = 0; b < batches.size(); b++) {
      outcomes.add(rejected[b] == null ? new Outcome(stored[b], duplicates[b]) : new Outcome(stored[b], duplicates[b], rejected[b]));
    }
    return new Written(outcomes, ids, dayRows, ordered.stream().map(Map.Entry::getKey).toList(), raisedSpans,
        tokenUses);
  }

  private int[] insertFacts(Connection c, String sql, List<Map.Entry<FactKey, Ref>> ordered, List<TelemetryBatch> batches,
      IdentityCache.Pending ids, Map<FactGroup, IdentityCache.Key> identityOf, Instant now, Map<Long, Integer> spans)
      throws SQLException {
    if (ordered.isEmpty()) {
      return new int[0];
    }
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      for (Map.Entry<FactKey, Ref> e : ordered) {
        Ref ref = e.getValue();
        FactGroup g = ref.group();
        SessionContext ctx = g.context();
        Signal signal = batches.get(ref.batch()).signal();
        long minTime = g.minTimeNanos();
        ps.setLong(1, ref.org());
        ps.setLong(2, g.keyHi());
        ps.setLong(3, g.keyLo());
        ps.setString(4, String.valueOf(signal.code()));
        ps.setLong(5, ids.ids.get(identityOf.get(g)));
        LocalDate firstDay = Times.day(minTime, orgs.zone(ref.org()));
        LocalDate lastDay = Times.day(g.maxTimeNanos(), orgs.zone(ref.org()));
        spans.merge(ref.org(), FactSpans.days(firstDay, lastDay), Math::max);
        ps.setDate(6, Date.valueOf(firstDay));
        ps.setLong(7, minTime);
        ps.setInt(8, g.size());
        ps.setString(9, ctx.sessionId());
        ps.setString(10, ctx.terminalType());
        ps.setString(11, ctx.appVersion());
        ps.setString(12, FactJson.object(ctx.resourceAttributes()));
        ps.setString(13, signal == Signal.METRICS ? FactJson.points(g.points()) : FactJson.events(g.events()));
        ps.setObject(14, now.atOffset(ZoneOffset.UTC));
        ps.setString(15, batches.get(ref.batch()).ingestTokenId());
        ps.setDate(16, Date.valueOf(lastDay));
        ps.addBatch();
      }
      int[] counts = ps.executeBatch();
      for (int i = 0; i < counts.length; i++) {
        if (counts[i] < 0) {
          throw new SQLException("the driver did not report which facts were new", "0A000");
        }
      }
      return counts;
    }
  }

  private static void rollbackQuietly(Connection c, Exception cause) {
    try {
      c.rollback();
    } catch (SQLException e) {
      cause.addSuppressed(e);
    }
  }

  record FactKey(long org, long hi, long lo) {
    static final Comparator<FactKey> ORDER = Comparator.comparingLong(FactKey::org)
        .thenComparingLong(FactKey::hi).thenComparingLong(FactKey::lo);
  }
}
