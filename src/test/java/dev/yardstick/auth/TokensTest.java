package dev.yardstick.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TokensTest {
  @Test
  void newIngestToken_parsesBackAndMatchesItsHash() {
    Tokens.NewIngestToken t = Tokens.newIngestToken();

    Tokens.IngestCredentials c = Tokens.parseIngest(t.token()).orElseThrow();

    assertThat(t.token()).matches("tk_[0-9a-f]{16}:sk_[A-Za-z0-9_-]{43}");
    assertThat(c.id()).isEqualTo(t.id());
    assertThat(Tokens.matches(c.secret(), t.secretSha256())).isTrue();
    assertThat(Tokens.matches(c.secret() + "x", t.secretSha256())).isFalse();
    assertThat(t.secretSha256()).doesNotContain(c.secret());
  }

  @Test
  void newIngestToken_secretsDoNotRepeat() {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 1000; i++) {
      assertThat(seen.add(Tokens.newIngestToken().token())).isTrue();
    }
  }

  @Test
  void parseIngest_rejectsOtherShapes() {
    assertThat(Tokens.parseIngest(null)).isEmpty();
    assertThat(Tokens.parseIngest("tk_abc:sk_short")).isEmpty();
    assertThat(Tokens.parseIngest("ys_" + "a".repeat(40))).isEmpty();
    assertThat(Tokens.parseIngest("tk_0123456789abcdef:sk_" + "A".repeat(43) + " extra")).isEmpty();
  }

  @Test
  void fromAuthorization_acceptsBearerInAnyCaseAndBareTokens() {
    assertThat(Tokens.fromAuthorization("Bearer abc")).isEqualTo("abc");
    assertThat(Tokens.fromAuthorization("bearer  abc ")).isEqualTo("abc");
    assertThat(Tokens.fromAuthorization("abc")).isEqualTo("abc");
    assertThat(Tokens.fromAuthorization(null)).isNull();
  }
}
