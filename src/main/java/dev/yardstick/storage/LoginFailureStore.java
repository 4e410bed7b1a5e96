package dev.yardstick.storage;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/**
 * Failed sign-ins (and password checks) per subject, shared by every server on the database: a
 * subject is an email, a client, or an email from one client (see LoginThrottle).
 */
public final class LoginFailureStore {
  private final Database db;

  public LoginFailureStore(Database db) {
    this.db = db;
  }

  /** Failed attempts of a subject (an email, a client, or both): how many, and when the latest was. */
  public record Failures(int count, Instant last) {}

  /**
   * Judges an attempt by its subjects' failures and, unless it must wait, counts one more failure for
   * each, in one transaction; returns how long the attempt must wait (zero: counted). The
   * {@code gate} subject's row is locked while judging, so attempts on it pass one at a time, on
   * any number of servers: its count bounds exactly how many are tried. The others (in the same
   * order for every caller, so that no two attempts deadlock) are read as they stand and added to in
   * place: their counts are exact, and a burst may go past their limits by the attempts in flight.
   * A failure older than {@code forgetBefore} no longer counts: the next one starts over at one.
   */
  public Duration countFailure(String gate, List<String> others, Instant now, Instant forgetBefore,
      Function<Map<String, Failures>, Duration> judge) {
    List<String> subjects = new ArrayList<>(List.of(gate));
    subjects.addAll(others);
    subjects.forEach(subject -> ensureFailureRow(subject, now));
    return db.jdbi().inTransaction(h -> {
      Map<String, Failures> seen = new HashMap<>();
      for (String subject : subjects) {
        seen.put(subject, h.createQuery("SELECT failures, last_failure FROM login_failures WHERE subject = :s"
                + (subject.equals(gate) ? " FOR UPDATE" : ""))
            .bind("s", subject)
            .map((rs, ctx) -> new Failures(rs.getInt(1), rs.getObject(2, OffsetDateTime.class).toInstant())).one());
      }
      Duration wait = judge.apply(seen);
      if (wait.isZero()) {
        for (String subject : subjects) {
          h.createUpdate("UPDATE login_failures SET failures = CASE WHEN last_failure < :forget THEN 1 ELSE failures + 1 END,"
                  + " last_failure = :now WHERE subject = :s")
              .bind("forget", utc(forgetBefore)).bind("now", utc(now)).bind("s", subject).execute();
        }
      }
      return wait;
    });
  }

  // a row to lock; two servers adding it at once is fine (the loser's insert changes nothing)
  private void ensureFailureRow(String subject, Instant now) {
    String sql = db.dialect().insertIfAbsent("login_failures", List.of("subject"), List.of("subject", "failures", "last_failure"),
        List.of("VARCHAR(400)", "INTEGER", "TIMESTAMP WITH TIME ZONE"));
    try {
      db.jdbi().useHandle(h -> h.createUpdate(sql).bind(0, subject).bind(1, 0).bind(2, utc(now)).execute());
    } catch (UnableToExecuteStatementException e) {
      // H2's MERGE can still meet a row another server inserted a moment ago: that row is the one wanted
      if (!(e.getCause() instanceof SQLException cause && "23505".equals(cause.getSQLState()))) {
        throw e;
      }
    }
  }

  /** After a success: {@code forget} starts over, and each of {@code refund} gets back the failure counted for the attempt. */
  public void forgiveFailure(String forget, List<String> refund) {
    db.jdbi().useTransaction(h -> {
      h.createUpdate("DELETE FROM login_failures WHERE subject = :s").bind("s", forget).execute();
      if (!refund.isEmpty()) {
        h.createUpdate("UPDATE login_failures SET failures = failures - 1 WHERE subject IN (<s>) AND failures > 0")
            .bindList("s", refund).execute();
      }
    });
  }

  public Optional<Failures> failures(String subject) {
    return db.jdbi().withHandle(h -> h.createQuery("SELECT failures, last_failure FROM login_failures WHERE subject = :s")
        .bind("s", subject)
        .map((rs, ctx) -> new Failures(rs.getInt(1), rs.getObject(2, OffsetDateTime.class).toInstant()))
        .findOne());
  }

  /** Forgets failures whose latest is older than {@code t} (they no longer count). */
  public void deleteFailuresBefore(Instant t) {
    db.jdbi().useHandle(h -> h.createUpdate("DELETE FROM login_failures WHERE last_failure < :t").bind("t", utc(t)).execute());
  }

  private static OffsetDateTime utc(Instant t) {
    return t.atOffset(ZoneOffset.UTC);
  }
}
