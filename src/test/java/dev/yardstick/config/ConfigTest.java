package dev.yardstick.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigTest {
  @Test
  void fromEnv_nothingSet_usesTheDocumentedDefaults() {
    Config c = Config.fromEnv(Map.of());

    assertThat(c.httpPort()).isEqualTo(8080);
    assertThat(c.grpcPort()).isEqualTo(4317);
    assertThat(c.dataDir().toString()).endsWith("data");
    assertThat(c.embeddedDatabase()).isTrue();
    assertThat(c.anthropicApiUrl().toString()).isEqualTo("https://api.anthropic.com");
    assertThat(c.publicUrl().toString()).isEqualTo("http://localhost:8080");
    assertThat(c.maxBodyBytes()).isEqualTo(64L << 20);
  }

  @Test
  void load_flagsWinOverEnvironment() {
    Config c = Config.load(Map.of("YARDSTICK_HTTP_PORT", "9000"),
        Map.of("YARDSTICK_HTTP_PORT", "9100", "YARDSTICK_OTLP_GRPC_PORT", "0"));

    assertThat(c.httpPort()).isEqualTo(9100);
    assertThat(c.grpcPort()).isZero();
  }

  @Test
  void fromEnv_badPort_namesTheVariable() {
    assertThatThrownBy(() -> Config.fromEnv(Map.of("YARDSTICK_HTTP_PORT", "eighty")))
        .isInstanceOf(ConfigException.class).hasMessageContaining("YARDSTICK_HTTP_PORT=eighty")
        .extracting(e -> ((ConfigException) e).variable()).isEqualTo("YARDSTICK_HTTP_PORT");
    assertThatThrownBy(() -> Config.fromEnv(Map.of("YARDSTICK_OTLP_GRPC_PORT", "70000")))
        .hasMessageContaining("YARDSTICK_OTLP_GRPC_PORT").hasMessageContaining("0 to 65535");
  }

  @Test
  void fromEnv_badValues_eachNamesItsVariable() {
    assertThatThrownBy(() -> Config.fromEnv(Map.of("YARDSTICK_DB_URL", "mysql://x"))).hasMessageContaining("YARDSTICK_DB_URL");
    assertThatThrownBy(() -> Config.fromEnv(Map.of("YARDSTICK_PUBLIC_URL", "ftp://x"))).hasMessageContaining("YARDSTICK_PUBLIC_URL");
    assertThatThrownBy(() -> Config.fromEnv(Map.of("YARDSTICK_LOG_LEVEL", "loud"))).hasMessageContaining("YARDSTICK_LOG_LEVEL");
    assertThatThrownBy(() -> Config.fromEnv(Map.of("YARDSTICK_BOOTSTRAP_API_TOKEN", "short")))
        .hasMessageContaining("YARDSTICK_BOOTSTRAP_API_TOKEN").hasMessageNotContaining("short");
    assertThatThrownBy(() -> Config.fromEnv(Map.of("YARDSTICK_BOOTSTRAP_ADMIN_EMAIL", "a@b.c")))
        .hasMessageContaining("YARDSTICK_BOOTSTRAP_ADMIN_PASSWORD");
  }

  @Test
  void git_defaultsAreSafe_andRepositoryRootsAreRealDirectories() throws Exception {
    Config c = Config.fromEnv(Map.of());
    assertThat(c.gitTimeoutSeconds()).isEqualTo(600);
    assertThat(c.gitAllowHttp()).isFalse();
    assertThat(c.repositoryRoots()).isEmpty();

    Path a = Files.createTempDirectory("yardstick-root-a").toRealPath();
    Path b = Files.createTempDirectory("yardstick-root-b").toRealPath();
    Path link = a.resolveSibling(a.getFileName() + "-link");
    Files.createSymbolicLink(link, b);
    assertThat(Config.fromEnv(Map.of("YARDSTICK_REPOSITORY_ROOTS", a + File.pathSeparator + link)).repositoryRoots())
        .containsExactly(a, b);
    assertThatThrownBy(() -> Config.fromEnv(Map.of("YARDSTICK_REPOSITORY_ROOTS", "srv/git")))
        .hasMessageContaining("YARDSTICK_REPOSITORY_ROOTS").hasMessageContaining("srv/git is not an absolute path");
    assertThatThrownBy(() -> Config.fromEnv(Map.of("YARDSTICK_REPOSITORY_ROOTS", a + "/none")))
        .hasMessageContaining("YARDSTICK_REPOSITORY_ROOTS").hasMessageContaining("does not exist");
    assertThatThrownBy(() -> Config.fromEnv(Map.of("YARDSTICK_GIT_TIMEOUT_SECONDS", "0")))
        .hasMessageContaining("YARDSTICK_GIT_TIMEOUT_SECONDS");
    assertThatThrownBy(() -> Config.fromEnv(Map.of("YARDSTICK_GIT_ALLOW_HTTP", "maybe")))
        .hasMessageContaining("YARDSTICK_GIT_ALLOW_HTTP");
  }

  @Test
  void ingestHardening_defaultsAndBadValues() {
    Config c = Config.fromEnv(Map.of());
    assertThat(c.bodyTimeoutMillis()).isEqualTo(30_000);
    assertThat(c.bodyMinRate()).isEqualTo(16_384);
    assertThat(c.h2SyncCommits()).isFalse();
    assertThat(Config.fromEnv(Map.of("YARDSTICK_H2_SYNC_COMMITS", "true")).h2SyncCommits()).isTrue();
    assertThat(Config.load(Map.of(), Map.of("YARDSTICK_BODY_MIN_RATE", "0")).bodyMinRate()).isZero();

    assertThatThrownBy(() -> Config.fromEnv(Map.of("YARDSTICK_H2_SYNC_COMMITS", "maybe"))).hasMessageContaining("YARDSTICK_H2_SYNC_COMMITS");
    assertThatThrownBy(() -> Config.fromEnv(Map.of("YARDSTICK_BODY_TIMEOUT_MS", "10"))).hasMessageContaining("YARDSTICK_BODY_TIMEOUT_MS");
    assertThatThrownBy(() -> Config.fromEnv(Map.of("YARDSTICK_BODY_MIN_RATE", "-1"))).hasMessageContaining("YARDSTICK_BODY_MIN_RATE");
  }

  @Test
  void toString_neverShowsSecrets() {
    Config c = Config.fromEnv(Map.of("YARDSTICK_DB_URL", "jdbc:postgresql://db/y?password=hunter2",
        "YARDSTICK_DB_PASSWORD", "hunter3", "YARDSTICK_BOOTSTRAP_API_TOKEN", "ys_secret_token_value_0123456789"));

    assertThat(c.toString()).doesNotContain("hunter2", "hunter3", "ys_secret");
  }
}
