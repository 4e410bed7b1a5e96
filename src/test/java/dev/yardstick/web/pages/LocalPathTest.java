package dev.yardstick.web.pages;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LocalPathTest {
  @ParameterizedTest
  @ValueSource(strings = {"//evil.com", "/\\evil.com", "/\t/evil.com", "/\n/evil.com", "/\r\n/evil.com", "\t//evil.com",
      " //evil.com", "/ /evil.com", "/\u0000/evil.com", "/\u3000/evil.com", "/\uff0fevil.com", "/\u2028/evil.com",
      "https:evil.com", "https://evil.com", "javascript:alert(1)", "evil.com", "\\\\evil.com", "/%5Cevil.com",
      "/%2F/evil.com", "/%252F/evil.com", "/%09/evil.com", "/%2509/evil.com", "/.//evil.com", "/a/..//evil.com",
      "/../evil.com", "/%2E%2E//evil.com", "/%", "/%zz", "/%25252F/x", "", "/account\u00e9"})
  void foreignOrMalformed_isRefused(String next) {
    assertThat(LocalPath.orHome(next)).isEqualTo("/");
  }

  @ParameterizedTest
  @ValueSource(strings = {"/", "/account", "/api/v1/report?from=2026-01-01&to=2026-01-31", "/identities?value=a%40example.com",
      "/developers?team=Platform%20Team", "/developers?next=//elsewhere", "/a/b/../c"})
  void pathOfThisSite_isKept(String next) {
    assertThat(LocalPath.orHome(next)).isEqualTo(next);
  }

  @ParameterizedTest
  @ValueSource(ints = {2048, 2049})
  void overlongValues_areRefused(int length) {
    String next = "/" + "a".repeat(length - 1);
    assertThat(LocalPath.orHome(next)).isEqualTo(length <= 2048 ? next : "/");
  }
}
