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
    assertThat(Tokens.parseIngest("tk_0123456789ABCDEF:sk_" + "A".repeat(43))).isEmpty(); // ids are lower case
    assertThat(Tokens.parseIngest("tk_0123456789abcdef:sk_" + "A".repeat(40) + "+/=")).isEmpty(); // base64url only
    assertThat(Tokens.parseIngest("tk_0123456789abcdef:sk_" + "A".repeat(30) + ":sk_" + "A".repeat(30))).isEmpty();
    assertThat(Tokens.parseIngest("xtk_0123456789abcdef:sk_" + "A".repeat(43))).isEmpty();
  }

  @Test
  void parseIngest_lengthLimits() {
    String secret = "A".repeat(22);
    assertThat(Tokens.parseIngest("tk_" + "a".repeat(7) + ":sk_" + secret)).isEmpty();
    assertThat(Tokens.parseIngest("tk_" + "a".repeat(8) + ":sk_" + secret)).isPresent();
    assertThat(Tokens.parseIngest("tk_" + "a".repeat(40) + ":sk_" + secret)).isPresent();
    assertThat(Tokens.parseIngest("tk_" + "a".repeat(41) + ":sk_" + secret)).isEmpty();
    assertThat(Tokens.parseIngest("tk_abcdefgh:sk_" + "A".repeat(21))).isEmpty();
    assertThat(Tokens.parseIngest("tk_abcdefgh:sk_" + "-_09az".repeat(33) + "AZ")).get()
        .extracting(Tokens.IngestCredentials::secret).isEqualTo("-_09az".repeat(33) + "AZ");
    assertThat(Tokens.parseIngest("tk_abcdefgh:sk_" + "A".repeat(201))).isEmpty();
    assertThat(Tokens.parseIngest("  tk_abcdefgh:sk_" + secret + " ")).isPresent();
  }

  @Test
  void matches_aMalformedStoredHash_isNoMatch() {
    assertThat(Tokens.matches("secret", "not hex")).isFalse();
    assertThat(Tokens.matches("secret", Tokens.sha256("secret"))).isTrue();
    assertThat(Tokens.sha256("abc")).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  }

  @Test
  void fromAuthorization_acceptsBearerInAnyCaseAndBareTokens() {
    assertThat(Tokens.fromAuthorization("Bearer abc")).isEqualTo("abc");
    assertThat(Tokens.fromAuthorization("bearer  abc ")).isEqualTo("abc");
    assertThat(Tokens.fromAuthorization("abc")).isEqualTo("abc");
    assertThat(Tokens.fromAuthorization(null)).isNull();
  }
}
