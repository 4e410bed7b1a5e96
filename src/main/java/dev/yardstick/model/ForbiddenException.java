package dev.yardstick.model;

/** The caller is known but may not do or see this (answered as 403). */
public final class ForbiddenException extends RuntimeException {
  public ForbiddenException(String message) {
    super(message);
  }
}
