package dev.yardstick.claudecode;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Where developers' Claude Code talks to a model, and the variables Claude Code reads for that backend. */
public enum Provider {
  ANTHROPIC("anthropic", "Anthropic (Console API key or claude.ai subscription)", Map.of(), List.of()),
  BEDROCK("bedrock", "Amazon Bedrock", Map.of("CLAUDE_CODE_USE_BEDROCK", "1"),
      List.of(new Variable("AWS_REGION", "AWS region", "us-east-1"))),
  VERTEX("vertex", "Google Vertex AI", Map.of("CLAUDE_CODE_USE_VERTEX", "1"),
      List.of(new Variable("CLOUD_ML_REGION", "Vertex AI region", "us-east5"),
          new Variable("ANTHROPIC_VERTEX_PROJECT_ID", "Google Cloud project id", "my-project"))),
  FOUNDRY("foundry", "Microsoft Foundry", Map.of("CLAUDE_CODE_USE_FOUNDRY", "1"),
      List.of(new Variable("ANTHROPIC_FOUNDRY_RESOURCE", "Foundry resource name", "my-resource"))),
  LITELLM("litellm", "LiteLLM gateway", Map.of(),
      List.of(new Variable("ANTHROPIC_BASE_URL", "LiteLLM base URL", "https://litellm.example.com")));

  /** A variable the admin fills in; left empty it becomes a placeholder that still parses. */
  public record Variable(String name, String label, String example) {
    public String placeholder() {
      return "<fill in: " + label + ", e.g. " + example + ">";
    }
  }

  private final String key;
  private final String label;
  private final Map<String, String> fixed;
  private final List<Variable> variables;

  Provider(String key, String label, Map<String, String> fixed, List<Variable> variables) {
    this.key = key;
    this.label = label;
    this.fixed = fixed;
    this.variables = variables;
  }

  public String key() {
    return key;
  }

  public String label() {
    return label;
  }

  /** Switches that select the backend (e.g. CLAUDE_CODE_USE_BEDROCK=1); never asked for. */
  public Map<String, String> fixed() {
    return fixed;
  }

  public List<Variable> variables() {
    return variables;
  }

  /** Path 3: these backends send no email, so identity must come from the headers helper or the service name. */
  public boolean sendsNoEmail() {
    return this != ANTHROPIC;
  }

  public static Provider parse(String value) {
    String v = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
    for (Provider p : values()) {
      if (p.key.equals(v)) {
        return p;
      }
    }
    throw new IllegalArgumentException("\"provider\" must be one of anthropic, bedrock, vertex, foundry, litellm (got "
        + Texts.quote(value) + ")");
  }
}
