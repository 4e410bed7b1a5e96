package dev.yardstick.model;

/** Which OTLP signal a batch came from; the letter is what facts store. */
public enum Signal {
  METRICS('M'),
  LOGS('L');

  private final char code;

  Signal(char code) {
    this.code = code;
  }

  public char code() {
    return code;
  }
}
