package dev.yardstick.web;

/** An HTTP error with a status and a message for the caller; thrown by handlers, answered by WebServer. */
final class HttpProblem extends RuntimeException {
  private final int status;

  HttpProblem(int status, String message) {
    super(message);
    this.status = status;
  }

  int status() {
    return status;
  }
}
