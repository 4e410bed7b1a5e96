package dev.yardstick.tokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.yardstick.identity.AliasKind;
import dev.yardstick.identity.IdentityResolver;
import dev.yardstick.identity.People.Alias;
import dev.yardstick.identity.People.Developer;
import dev.yardstick.model.Digest;
import dev.yardstick.model.Identity;
import dev.yardstick.storage.TokenStore.IngestTokenInfo;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The pure rules of ingest tokens: state, developers seen, who a personal token's data belongs to. */
class IngestTokenRulesTest {
  private static final Instant T = Instant.parse("2026-11-25T10:00:00Z");
  private static final Developer JANE = new Developer(1, "jane@example.com", "Jane", null, null);
  private static final Developer OMAR = new Developer(2, "omar@example.com", "Omar", null, null);
  private static final IdentityResolver RESOLVER = new IdentityResolver(List.of(JANE, OMAR),
      List.of(new Alias(10, 1, AliasKind.EMAIL, "jd@home.example", "linked", false),
          new Alias(0, 2, AliasKind.INGEST_TOKEN, "omarstok", "personal ingest token", false)),
      List.of(), List.of());

  @Test
  void state_revokedWinsOverExpiry_andATokenStopsAtTheInstantItExpires() {
    assertThat(TokenState.of(info(null, null), T)).isEqualTo(TokenState.ACTIVE);
    assertThat(TokenState.of(info(T.plusSeconds(1), null), T)).isEqualTo(TokenState.EXPIRING);
    assertThat(TokenState.of(info(T, null), T)).isEqualTo(TokenState.EXPIRED);
    assertThat(TokenState.of(info(T.plusSeconds(60), T.minusSeconds(5)), T)).isEqualTo(TokenState.REVOKED);
    assertThat(TokenState.EXPIRING.works()).isTrue();
    assertThat(TokenState.EXPIRED.works()).isFalse();
  }

  @Test
  void developersSeen_twoIdentitiesOfOneDeveloperCountOnce_unlinkedOnesApart() {
    DevelopersSeen seen = DevelopersSeen.of(List.of(email("jane@example.com"), email("jd@home.example"), email("omar@example.com"),
        email("who@example.com"), email("who@example.com"), email("other@example.com")), RESOLVER);

    assertThat(seen).isEqualTo(new DevelopersSeen(2, 2));
    assertThat(DevelopersSeen.of(List.of(), RESOLVER)).isEqualTo(DevelopersSeen.NONE);
  }

  @Test
  void personalToken_winsOverEveryAttribute() {
    Identity spoofed = email("jane@example.com").withPersonalToken("omarstok");

    assertThat(RESOLVER.developerOf(spoofed)).hasValue(2);
    assertThat(IdentityResolver.evidence(spoofed).getFirst().kind()).isEqualTo(AliasKind.INGEST_TOKEN);
    assertThat(RESOLVER.developerOf(email("jane@example.com"))).hasValue(1);
  }

  @Test
  void identityKey_changesOnlyWithAPersonalToken() {
    Identity plain = email("jane@example.com");
    long[] before = new Digest().putIdentity(plain).finish();

    assertThat(new Digest().putIdentity(new Identity("jane@example.com", null, null, null, null, null, null, null)).finish())
        .isEqualTo(before);
    assertThat(new Digest().putIdentity(plain.withPersonalToken("omarstok")).finish()).isNotEqualTo(before);
  }

  @Test
  void ingestToken_isNoAliasOneCanAdd() {
    assertThatThrownBy(() -> AliasKind.parse("ingest_token")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("kind must be one of email,");
  }

  @Test
  void graceHours_from0To720() {
    assertThat(IngestTokens.graceHours(0)).isZero();
    assertThat(IngestTokens.graceHours(720)).isEqualTo(720);
    assertThatThrownBy(() -> IngestTokens.graceHours(721)).hasMessage(
        "\"graceHours\" must be a whole number of hours from 0 to 720 (30 days) (got 721)");
  }

  private static Identity email(String e) {
    return new Identity(e, null, null, null, null, null, null);
  }

  private static IngestTokenInfo info(Instant expires, Instant revoked) {
    return new IngestTokenInfo("abcd1234", "laptops", T.minusSeconds(3600), null, expires, revoked, null, null, null);
  }
}
