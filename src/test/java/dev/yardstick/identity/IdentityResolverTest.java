package dev.yardstick.identity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.yardstick.identity.People.Alias;
import dev.yardstick.identity.People.Developer;
import dev.yardstick.identity.People.Membership;
import dev.yardstick.identity.People.RawId;
import dev.yardstick.identity.People.Team;
import dev.yardstick.model.Identity;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class IdentityResolverTest {
  private static final Developer JANE = new Developer(1, "jane@example.com", "Jane", null, null);
  private static final Developer OMAR = new Developer(2, "omar@example.com", "Omar", null, null);
  private static final LocalDate D1 = LocalDate.parse("2026-10-01");

  private final IdentityResolver resolver = new IdentityResolver(List.of(JANE, OMAR),
      List.of(new Alias(10, 2, AliasKind.USER_ID, "u-omar", "linked", false),
          new Alias(11, 1, AliasKind.SERVICE_NAME, "janes-laptop", "linked", false),
          new Alias(12, 1, AliasKind.GIT_EMAIL, "jane@users.noreply.github.com", "linked", false),
          new Alias(13, 2, AliasKind.API_KEY_NAME, "omar-ci", "linked", false)),
      List.of(new Team(100, "Engineering", null), new Team(101, "Platform", 100L), new Team(102, "Payments", 100L)),
      List.of(new Membership(1, 101, D1, D1.plusDays(10)), new Membership(1, 102, D1.plusDays(10), null)));

  @Test
  void developerOf_firstClaimedIdentifierInOrderOfEvidence() {
    assertThat(resolver.developerOf(id(" JANE@example.com", null, null, "u-omar"))).hasValue(1); // email before user.id
    assertThat(resolver.developerOf(id(null, "jane@example.com", null, null))).hasValue(1); // header email
    assertThat(resolver.developerOf(id(null, null, "Jane@Example.com", null))).hasValue(1); // email in service.name
    assertThat(resolver.developerOf(id(null, null, "janes-laptop", null))).hasValue(1); // service name alias
    assertThat(resolver.developerOf(id("new@example.com", null, null, "u-omar"))).hasValue(2); // unknown email falls through
    assertThat(resolver.developerOf(id(null, null, "claude-code", "u-nobody"))).isEmpty();
  }

  @Test
  void developerOf_gitEmailMatchesAliasOrPlainEmail() {
    assertThat(resolver.developerOf(new RawId(AliasKind.GIT_EMAIL, AliasKind.GIT_EMAIL.normalize("123+Jane@users.noreply.github.com"))))
        .hasValue(1);
    assertThat(resolver.developerOf(new RawId(AliasKind.GIT_EMAIL, "omar@example.com"))).hasValue(2);
    assertThat(resolver.developerOf(new RawId(AliasKind.API_KEY_NAME, "omar-ci"))).hasValue(2);
  }

  @Test
  void teamOn_followsDatedMemberships() {
    assertThat(resolver.teamOn(1, D1).map(Team::name)).hasValue("Platform");
    assertThat(resolver.teamOn(1, D1.plusDays(9)).map(Team::name)).hasValue("Platform");
    assertThat(resolver.teamOn(1, D1.plusDays(10)).map(Team::name)).hasValue("Payments");
    assertThat(resolver.teamOn(1, D1.minusDays(1))).isEmpty();
    assertThat(resolver.teamOn(2, D1)).isEmpty();
  }

  @Test
  void teams_nest() {
    assertThat(resolver.teamAndAncestors(101)).extracting(Team::name).containsExactly("Platform", "Engineering");
    assertThat(resolver.teamAndDescendants(100)).extracting(Team::name).containsExactlyInAnyOrder("Engineering", "Platform", "Payments");
    assertThat(resolver.membersBetween(100, D1, D1.plusDays(30))).containsExactly(1L);
    assertThat(resolver.membersBetween(102, D1, D1.plusDays(5))).isEmpty();
  }

  @Test
  void linker_proposesAnonymousIdsSeenWithAKnownEmail_butNotSharedOnesOrRefusedOnes() {
    IdentityRecord janeWithUserId = record(1, id("jane@example.com", null, null, "u-jane"));
    IdentityRecord sharedMachineA = record(2, id("jane@example.com", null, null, "u-shared"));
    IdentityRecord sharedMachineB = record(3, id("omar@example.com", null, null, "u-shared"));
    IdentityRecord refusedOne = new IdentityRecord(4, new Identity("jane@example.com", null, null, "acct-1", null, null, null),
        D1.atStartOfDay(java.time.ZoneOffset.UTC).toInstant(), D1.atStartOfDay(java.time.ZoneOffset.UTC).toInstant(), null, null, 1);

    List<IdentityLinker.Proposal> out = IdentityLinker.propose(List.of(janeWithUserId, sharedMachineA, sharedMachineB, refusedOne),
        resolver, java.util.Set.of(new RawId(AliasKind.ACCOUNT_UUID, "acct-1")));

    assertThat(out).singleElement().satisfies(p -> {
      assertThat(p.id()).isEqualTo(new RawId(AliasKind.USER_ID, "u-jane"));
      assertThat(p.developerId()).isEqualTo(1);
      assertThat(p.evidence()).contains("user.id u-jane arrived with email jane@example.com");
    });
  }

  @Test
  void unmatchedQueue_listsWhatNoAliasClaims_withSuggestions_largestFirst() {
    IdentityRecord known = record(1, id("jane@example.com", null, null, "u-seen-with-jane"));
    IdentityRecord anonymous = new IdentityRecord(2, id(null, null, "claude-code", "u-seen-with-jane"),
        D1.atStartOfDay(java.time.ZoneOffset.UTC).toInstant(), D1.plusDays(3).atStartOfDay(java.time.ZoneOffset.UTC).toInstant(),
        "vscode", "2.1.197", 40);
    IdentityRecord newEmail = new IdentityRecord(3, id("jane.doe@other.example", null, null, null),
        D1.atStartOfDay(java.time.ZoneOffset.UTC).toInstant(), D1.atStartOfDay(java.time.ZoneOffset.UTC).toInstant(), null, null, 5);
    IdentityRecord ignored = record(4, id(null, null, "ignored-box", null));

    List<UnmatchedQueue.Entry> out = UnmatchedQueue.build(
        List.of(Sighting.of(known), Sighting.of(anonymous), Sighting.of(newEmail), Sighting.of(ignored)), resolver,
        java.util.Set.of(new RawId(AliasKind.SERVICE_NAME, "ignored-box")));

    // Claude Code's default service.name is shared by everyone: the user.id is what to link
    assertThat(out).extracting(e -> e.id().value()).containsExactly("u-seen-with-jane", "jane.doe@other.example");
    UnmatchedQueue.Entry first = out.getFirst();
    assertThat(first.volume()).isEqualTo(40);
    assertThat(first.clientVersions()).containsExactly("2.1.197");
    assertThat(first.terminals()).containsExactly("vscode");
    assertThat(first.suggestions()).anySatisfy(s -> {
      assertThat(s.action()).isEqualTo("link");
      assertThat(s.developerId()).isEqualTo(1);
      assertThat(s.reason()).contains("user.id u-seen-with-jane also arrived with email jane@example.com");
    });
    assertThat(out.get(1).suggestions()).extracting(UnmatchedQueue.Suggestion::action).contains("create");
    assertThat(out.get(1).suggestions()).anySatisfy(s -> assertThat(s.email()).isEqualTo("jane@example.com"));
  }

  private static Identity id(String email, String header, String serviceName, String userId) {
    return new Identity(email, header, serviceName, null, null, userId, null);
  }

  private static IdentityRecord record(long id, Identity identity) {
    var t = D1.atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
    return new IdentityRecord(id, identity, t, t, null, null, 1);
  }
}
