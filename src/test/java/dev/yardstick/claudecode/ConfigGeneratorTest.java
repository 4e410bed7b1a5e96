package dev.yardstick.claudecode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import java.util.stream.Stream;

/** Every generator over every provider and identity: the blocks parse, carry the token and URL exactly, and agree. */
class ConfigGeneratorTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final String TOKEN = "tk_0123456789abcdef:sk_AbC-_0123456789abcdefghijklmnopqrstuvwxyzAB";
  static final URI URL = URI.create("https://yardstick.example.com/");
  static final String EMAIL = "jane.o'neil@example.com";

  @TempDir
  Path tmp;

  static Stream<Arguments> everyChoice() {
    return Stream.of(Provider.values()).flatMap(p -> Stream.of(Identity.values()).map(i -> Arguments.of(p, i)));
  }

  static ConfigRequest request(Provider p, Identity i, Map<String, String> vars) {
    return new ConfigRequest(p, URL, TOKEN, i, i == Identity.SERVICE_NAME ? EMAIL : null, vars);
  }

  @ParameterizedTest(name = "{0} with {1}")
  @MethodSource("everyChoice")
  void blocksParse_carryTokenAndUrlExactly_andManagedNeverSetsTheServiceName(Provider p, Identity i) throws Exception {
    Map<String, String> vars = new HashMap<>();
    p.variables().stream().skip(1).forEach(v -> vars.put(v.name(), "it's $HOME `x` \"q\" \\ ü")); // first stays a placeholder
    ClaudeCodeConfig c = ConfigGenerator.generate(request(p, i, vars));

    JsonNode user = JSON.readTree(c.userSettings());
    JsonNode managed = JSON.readTree(c.managedSettings());
    for (JsonNode s : new JsonNode[] {user, managed}) {
      assertThat(s.path("env").path("OTEL_EXPORTER_OTLP_HEADERS").asText()).isEqualTo("Authorization=Bearer " + TOKEN);
      assertThat(s.path("env").path("OTEL_EXPORTER_OTLP_ENDPOINT").asText()).isEqualTo("https://yardstick.example.com/otel");
      assertThat(s.path("env").path("CLAUDE_CODE_ENABLE_TELEMETRY").asText()).isEqualTo("1");
      assertThat(s.path("env").path("OTEL_EXPORTER_OTLP_PROTOCOL").asText()).isEqualTo("http/json");
      assertThat(s.path("env").path("OTEL_METRIC_EXPORT_INTERVAL").asText()).isEqualTo("300000");
      s.path("env").properties().forEach(e -> assertThat(e.getValue().isTextual()).as(e.getKey()).isTrue());
      p.fixed().forEach((k, v) -> assertThat(s.path("env").path(k).asText()).isEqualTo(v));
      p.variables().stream().skip(1).forEach(v -> assertThat(s.path("env").path(v.name()).asText()).isEqualTo(vars.get(v.name())));
      p.variables().stream().limit(1).forEach(v -> assertThat(s.path("env").path(v.name()).asText()).startsWith("<fill in: "));
      assertThat(s.has("otelHeadersHelper")).isEqualTo(i == Identity.HEADERS_HELPER);
      if (i == Identity.HEADERS_HELPER) {
        assertThat(s.path("otelHeadersHelper").asText()).isEqualTo(c.headersHelper().path());
      }
    }
    assertThat(managed.path("env").has("OTEL_SERVICE_NAME")).isFalse();
    assertThat(c.managedSettings()).doesNotContain("OTEL_SERVICE_NAME");
    assertThat(user.path("env").has("OTEL_SERVICE_NAME")).isEqualTo(i == Identity.SERVICE_NAME);
    if (i == Identity.SERVICE_NAME) {
      assertThat(user.path("env").path("OTEL_SERVICE_NAME").asText()).isEqualTo(EMAIL);
    }
    assertThat(c.headersHelper() == null).isEqualTo(i != Identity.HEADERS_HELPER);
    assertThat(c.notes()).isNotEmpty().allMatch(n -> !n.isBlank());
    assertThat(String.join(" ", c.notes())).contains("not historical");

    Path file = tmp.resolve("exports.sh");
    Files.writeString(file, c.shell(), StandardCharsets.UTF_8);
    assertThat(ShellRun.run(tmp, Map.of(), "/bin/sh", "-n", file.toString()).exit()).isZero();
    ShellRun sourced = ShellRun.run(tmp, Map.of("PATH", "/usr/bin:/bin"), "/bin/sh", "-c", ". ./exports.sh; env");
    assertThat(sourced.exit()).as(sourced.err()).isZero();
    Map<String, String> env = new LinkedHashMap<>();
    sourced.out().lines().forEach(l -> env.put(l.substring(0, l.indexOf('=')), l.substring(l.indexOf('=') + 1)));
    user.path("env").properties().forEach(e -> assertThat(env.get(e.getKey())).as(e.getKey()).isEqualTo(e.getValue().asText()));
    assertThat(c.shell().lines().count()).isEqualTo(user.path("env").size());
  }

  @Test
  void sameInput_sameBytes() {
    var r = request(Provider.VERTEX, Identity.HEADERS_HELPER, Map.of("CLOUD_ML_REGION", "europe-west1"));
    assertThat(ConfigGenerator.generate(r)).isEqualTo(ConfigGenerator.generate(r));
  }

  @Test
  void serviceNameWithoutEmail_orBadInput_isRefusedNamingTheProblem() {
    assertThatThrownBy(() -> new ConfigRequest(Provider.BEDROCK, URL, TOKEN, Identity.SERVICE_NAME, " ", Map.of()))
        .hasMessageContaining("\"email\" is required");
    assertThatThrownBy(() -> new ConfigRequest(Provider.BEDROCK, URL, TOKEN, Identity.SERVICE_NAME, "no-at-sign", Map.of()))
        .hasMessageContaining("\"email\" must be an email address");
    assertThatThrownBy(() -> new ConfigRequest(Provider.BEDROCK, URL, "tk a", Identity.NONE, null, Map.of()))
        .hasMessageContaining("\"token\"");
    assertThatThrownBy(() -> new ConfigRequest(Provider.BEDROCK, URL, TOKEN, Identity.NONE, null, Map.of("AWS_REGION", "a\nb")))
        .hasMessageContaining("AWS_REGION");
    assertThatThrownBy(() -> Provider.parse("azure")).hasMessageContaining("\"provider\" must be one of");
    assertThatThrownBy(() -> Identity.parse("hook")).hasMessageContaining("\"identity\" must be one of");
  }

  @Test
  void emailIsUsedOnlyForTheServiceName() {
    var c = ConfigGenerator.generate(new ConfigRequest(Provider.BEDROCK, URL, TOKEN, Identity.HEADERS_HELPER, "x@example.com", Map.of()));
    assertThat(c.userSettings() + c.managedSettings() + c.shell()).doesNotContain("x@example.com");
  }
}
