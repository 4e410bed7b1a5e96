package dev.yardstick.config;

/** A setting is invalid; the message names the variable so start-up can stop with it. */
public final class ConfigException extends RuntimeException {
  private final String variable;

  public ConfigException(String variable, String value, String problem) {
    super(variable + "=" + (value.isEmpty() ? "(unset)" : value) + ": " + problem);
    this.variable = variable;
  }

  public String variable() {
    return variable;
  }
}
