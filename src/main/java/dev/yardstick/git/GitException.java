package dev.yardstick.git;

import java.time.Duration;

/** A git command failed; the message names the command and what git said. */
public class GitException extends RuntimeException {
  public GitException(String message) {
    super(message);
  }

  /** The command ran past its time limit and was stopped, with every process it started. */
  public static final class TimedOut extends GitException {
    private final Duration limit;

    TimedOut(String message, Duration limit) {
      super(message);
      this.limit = limit;
    }

    public Duration limit() {
      return limit;
    }
  }

  /** The command was stopped on request (the repository was deleted, the server stops). */
  public static final class Stopped extends GitException {
    Stopped(String message) {
      super(message);
    }
  }
}
