package dev.yardstick.model;

/**
 * The request contradicts what is stored (an identifier already linked, overlapping memberships):
 * answered 409. A kind of bad argument, so callers that catch those catch it too.
 */
public final class ConflictException extends IllegalArgumentException {
  public ConflictException(String message) {
    super(message);
  }
}
