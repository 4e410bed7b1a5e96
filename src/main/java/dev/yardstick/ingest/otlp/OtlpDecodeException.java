package dev.yardstick.ingest.otlp;

/** The body cannot be decoded or is permanently invalid; the message says what and where (answered as 400). */
public final class OtlpDecodeException extends Exception {
  public OtlpDecodeException(String message) {
    super(message);
  }

  public OtlpDecodeException(String message, Throwable cause) {
    super(message, cause);
  }
}
