package dev.yardstick.storage;

/** The database cannot take data right now; the client should retry later (503 with Retry-After). */
public final class StorageUnavailableException extends RuntimeException {
  public StorageUnavailableException(String message) {
    super(message);
  }
}
