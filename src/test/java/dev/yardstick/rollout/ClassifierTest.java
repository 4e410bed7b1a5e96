package dev.yardstick.rollout;

import static org.assertj.core.api.Assertions.assertThat;

import dev.yardstick.identity.AliasKind;
import dev.yardstick.identity.IdentityRecord;
import dev.yardstick.identity.IdentityResolver;
import dev.yardstick.identity.People.Alias;
import dev.yardstick.identity.People.Developer;
import dev.yardstick.model.AdminUsage.ActorType;
import dev.yardstick.model.Identity;
import dev.yardstick.storage.RolloutQueries.AdminLastDay;
import dev.yardstick.storage.RolloutQueries.LastCommit;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClassifierTest {
  private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
  private static final Instant RECENT = NOW.minus(Duration.ofDays(2));
  private static final Instant OLD = NOW.minus(Duration.ofDays(20));
  private static final LocalDate DAY = LocalDate.parse("2026-11-20");
  private static final Developer JANE = new Developer(1, "jane@example.com", "Jane", null, null);
  private static final Developer OMAR = new Developer(2, "omar@example.com", "Omar", null, null);
  private static final Developer ANA = new Developer(3, "ana@example.com", "Ana", null, null);

  @Test
  void classify_telemetryFirst_thenAdminApi_thenGit_elseNeverSeen() {
    assertThat(Classifier.classify(new Evidence(OLD, RECENT, DAY, RECENT), NOW, 7)).isEqualTo(SetupState.SENDING);
    assertThat(Classifier.classify(new Evidence(OLD, OLD, DAY, RECENT), NOW, 7)).isEqualTo(SetupState.SILENT);
    assertThat(Classifier.classify(new Evidence(OLD, OLD, null, null), NOW, 7)).isEqualTo(SetupState.SILENT);
    assertThat(Classifier.classify(new Evidence(null, null, DAY, RECENT), NOW, 7)).isEqualTo(SetupState.ONLY_ADMIN_API);
    assertThat(Classifier.classify(new Evidence(null, null, DAY, null), NOW, 7)).isEqualTo(SetupState.ONLY_ADMIN_API);
    assertThat(Classifier.classify(new Evidence(null, null, null, RECENT), NOW, 7)).isEqualTo(SetupState.ONLY_GIT);
    assertThat(Classifier.classify(Evidence.NONE, NOW, 7)).isEqualTo(SetupState.NEVER_SEEN);
  }

  @Test
  void classify_exactlyNDaysAgoIsStillSending_aMomentMoreIsSilent_andNMoves() {
    Instant edge = NOW.minus(Duration.ofDays(7));
    assertThat(Classifier.classify(new Evidence(edge, edge, null, null), NOW, 7)).isEqualTo(SetupState.SENDING);
    Instant past = edge.minusMillis(1);
    assertThat(Classifier.classify(new Evidence(past, past, null, null), NOW, 7)).isEqualTo(SetupState.SILENT);
    assertThat(Classifier.classify(new Evidence(OLD, OLD, null, null), NOW, 30)).isEqualTo(SetupState.SENDING);
    assertThat(Classifier.classify(new Evidence(RECENT, RECENT, null, null), NOW, 1)).isEqualTo(SetupState.SILENT);
  }

  @Test
  void gather_resolvesEverySourceThroughAliases_andKeepsTheExtremes() {
    IdentityResolver resolver = new IdentityResolver(List.of(JANE, OMAR, ANA),
        List.of(new Alias(10, 1, AliasKind.USER_ID, "u-jane", "linked", false),
            new Alias(11, 2, AliasKind.API_KEY_NAME, "omar-ci", "linked", false),
            new Alias(12, 3, AliasKind.GIT_EMAIL, "ana@users.noreply.github.com", "linked", false)),
        List.of(), List.of());

    Map<Long, Evidence> seen = Classifier.gather(resolver,
        List.of(identity(1, "jane@example.com", null, OLD, OLD.plusSeconds(60)),
            identity(2, null, "u-jane", RECENT.minusSeconds(60), RECENT), // same developer through an alias
            identity(3, "stranger@example.com", null, RECENT, RECENT)),
        List.of(actor(ActorType.API, "omar-ci", DAY), actor(ActorType.USER, "omar@example.com", DAY.plusDays(2)),
            actor(ActorType.USER, "nobody@example.com", DAY)),
        List.of(author("Ana@Example.com", RECENT), author("123+ana@users.noreply.github.com", RECENT.plusSeconds(5)),
            author("jane@example.com", OLD)));

    assertThat(seen).containsOnlyKeys(1L, 2L, 3L);
    assertThat(seen.get(1L)).isEqualTo(new Evidence(OLD, RECENT, null, OLD));
    assertThat(seen.get(2L)).isEqualTo(new Evidence(null, null, DAY.plusDays(2), null));
    assertThat(seen.get(3L)).isEqualTo(new Evidence(null, null, null, RECENT.plusSeconds(5)));
  }

  @Test
  void gather_linkingAnIdentifierLater_reattributesItsData() {
    List<IdentityRecord> identities = List.of(identity(1, null, "u-omar", RECENT, RECENT));
    IdentityResolver before = new IdentityResolver(List.of(OMAR), List.of(), List.of(), List.of());
    IdentityResolver after = new IdentityResolver(List.of(OMAR), List.of(new Alias(1, 2, AliasKind.USER_ID, "u-omar", "linked", false)),
        List.of(), List.of());

    assertThat(Classifier.gather(before, identities, List.of(), List.of())).isEmpty();
    assertThat(Classifier.classify(Classifier.gather(after, identities, List.of(), List.of()).get(2L), NOW, 7))
        .isEqualTo(SetupState.SENDING);
  }

  private static IdentityRecord identity(long id, String email, String userId, Instant first, Instant last) {
    return new IdentityRecord(id, new Identity(email, null, "claude-code", null, null, userId, null), first, last, null, null, 0);
  }

  private static AdminLastDay actor(ActorType type, String actor, LocalDate last) {
    return new AdminLastDay(type, actor, last);
  }

  private static LastCommit author(String email, Instant last) {
    return new LastCommit(email, last);
  }
}
