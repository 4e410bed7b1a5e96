package dev.yardstick.ingest;

/** More exports are waiting than the server holds in memory; the client should retry shortly (429). */
public final class OverloadedException extends RuntimeException {
  public OverloadedException(String message) {
    super(message);
  }
}
