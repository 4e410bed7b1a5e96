package dev.yardstick.model;

/** The thing asked for does not exist in the caller's organization (answered as 404). */
public final class NotFoundException extends RuntimeException {
  public NotFoundException(String message) {
    super(message);
  }
}
