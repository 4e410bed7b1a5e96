package dev.yardstick.claudecode;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.util.LinkedHashMap;
import java.util.Map;

/** Builds the Claude Code configuration files from a request: pure, no I/O, the same text for the same input. */
public final class ConfigGenerator {
  public static final String SERVICE_NAME = "OTEL_SERVICE_NAME";
  // "key": "value" with two-space indents and \n on every OS, so the API and the page give the same bytes everywhere
  private static final ObjectWriter JSON = new ObjectMapper().writer(new DefaultPrettyPrinter()
      .withSeparators(Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER))
      .withObjectIndenter(new DefaultIndenter("  ", "\n")));

  private ConfigGenerator() {}

  public static ClaudeCodeConfig generate(ConfigRequest r) {
    Map<String, String> shared = sharedEnv(r);
    Map<String, String> user = new LinkedHashMap<>(shared);
    if (r.identity() == Identity.SERVICE_NAME) {
      user.put(SERVICE_NAME, r.email());
    }
    boolean helper = r.identity() == Identity.HEADERS_HELPER;
    // managed settings win over the user's, variable by variable: a service name here would mask every developer's own
    return new ClaudeCodeConfig(settings(user, helper), settings(shared, helper), shell(user),
        helper ? new ClaudeCodeConfig.HeadersHelper(HeadersHelperScript.PATH, HeadersHelperScript.text()) : null,
        ConfigNotes.of(r));
  }

  /** The variables every developer gets: telemetry on, Yardstick as the OTLP endpoint, the backend's switches. */
  static Map<String, String> sharedEnv(ConfigRequest r) {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("CLAUDE_CODE_ENABLE_TELEMETRY", "1");
    env.put("OTEL_METRICS_EXPORTER", "otlp");
    env.put("OTEL_LOGS_EXPORTER", "otlp");
    env.put("OTEL_EXPORTER_OTLP_PROTOCOL", "http/json");
    env.put("OTEL_EXPORTER_OTLP_ENDPOINT", r.endpoint());
    env.put("OTEL_EXPORTER_OTLP_HEADERS", "Authorization=Bearer " + r.token().trim());
    env.put("OTEL_METRIC_EXPORT_INTERVAL", "300000");
    env.putAll(new java.util.TreeMap<>(r.provider().fixed()));
    for (Provider.Variable v : r.provider().variables()) {
      String value = r.variables().get(v.name());
      env.put(v.name(), value == null || value.isEmpty() ? v.placeholder() : value);
    }
    return env;
  }

  private static String settings(Map<String, String> env, boolean helper) {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("env", env);
    if (helper) {
      root.put("otelHeadersHelper", HeadersHelperScript.PATH);
    }
    try {
      return JSON.writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a map of strings always serializes", e);
    }
  }

  private static String shell(Map<String, String> env) {
    StringBuilder b = new StringBuilder();
    env.forEach((k, v) -> b.append("export ").append(k).append('=').append(Texts.shellQuote(v)).append('\n'));
    return b.toString();
  }
}
