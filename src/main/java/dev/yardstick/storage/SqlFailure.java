package dev.yardstick.storage;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLNonTransientConnectionException;

/** What a failed statement means for the caller: retry it, report the database away, or give up. */
public enum SqlFailure {
  /** Deadlock or serialization failure: retrying the transaction will succeed. */
  CONFLICT,
  /** No connection, or the server went away: answer 503 and let the client retry later. */
  UNAVAILABLE,
  /** Anything else: retrying the same data will fail again. */
  PERMANENT;

  public static SqlFailure of(SQLException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException
          || t instanceof SQLRecoverableException || t instanceof java.net.SocketException
          || t instanceof java.io.EOFException) {
        return UNAVAILABLE;
      }
      if (t instanceof SQLException s && s.getSQLState() != null) {
        String state = s.getSQLState();
        if (state.equals("40001") || state.equals("40P01") || state.equals("HYT00")) {
          return CONFLICT;
        }
        // 08: connection exceptions; 57P0x: server shutting down; 53300: too many connections;
        // H2's 90067 / 90098 / 90121: connection broken, database closed
        if (state.startsWith("08") || state.startsWith("57P") || state.equals("53300")
            || state.equals("90067") || state.equals("90098") || state.equals("90121")) {
          return UNAVAILABLE;
        }
      }
    }
    return PERMANENT;
  }

  /** The unchecked exception to throw for it: StorageUnavailableException (503) when the database is away. */
  public static RuntimeException unchecked(SQLException e) {
    return of(e) == UNAVAILABLE ? new StorageUnavailableException("the database is unreachable") : new IllegalStateException(e);
  }

  /** True when some cause of {@code e} (a Jdbi or pool exception, say) says the database is away. */
  public static boolean unavailable(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException s) {
        return of(s) == UNAVAILABLE;
      }
    }
    return false;
  }
}
