package dev.yardstick.claudecode;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The helper script under the real /bin/sh, with a git email set by the real git in a temporary HOME. */
class HeadersHelperScriptTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final String PATH = "/usr/local/bin:/usr/bin:/bin";

  @TempDir
  Path home;

  @ParameterizedTest
  @ValueSource(strings = {"jane@example.com", "o\"brien@example.com", "back\\slash@example.com", "josé.müller@exämple.de",
      "日本語@example.jp", "tab\there@example.com", "both\\\"@example.com"})
  void printsTheGitEmailAsValidJson(String email) throws Exception {
    ShellRun set = ShellRun.run(home, env(PATH), "git", "config", "--global", "user.email", email);
    assertThat(set.exit()).as(set.err()).isZero();

    ShellRun r = helper(PATH);

    assertThat(r.exit()).isZero();
    assertThat(JSON.readValue(r.out(), Map.class)).isEqualTo(Map.of(HeadersHelperScript.HEADER, email));
  }

  @Test
  void noGitEmail_printsAnEmptyObject_andExitsZero() throws Exception {
    ShellRun r = helper(PATH);
    assertThat(r.exit()).isZero();
    assertThat(r.out()).isEqualTo("{}\n");
  }

  @Test
  void noGitOnPath_printsAnEmptyObject_andExitsZero() throws Exception {
    Path empty = Files.createDirectory(home.resolve("empty-bin"));
    ShellRun r = helper(empty.toString());
    assertThat(r.exit()).isZero();
    assertThat(r.out()).isEqualTo("{}\n");
  }

  private ShellRun helper(String path) throws Exception {
    Path script = home.resolve("yardstick-headers.sh");
    Files.writeString(script, HeadersHelperScript.text(), StandardCharsets.UTF_8);
    return ShellRun.run(home, env(path), "/bin/sh", script.toString());
  }

  private Map<String, String> env(String path) {
    return Map.of("HOME", home.toString(), "PATH", path, "GIT_CONFIG_GLOBAL", home.resolve(".gitconfig").toString(),
        "GIT_CONFIG_NOSYSTEM", "1", "LANG", "C.UTF-8");
  }
}
