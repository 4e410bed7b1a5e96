package dev.yardstick.profile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.yardstick.identity.AliasKind;
import dev.yardstick.identity.IdentityResolver;
import dev.yardstick.identity.People.Alias;
import dev.yardstick.identity.People.Developer;
import dev.yardstick.model.AdminUsage.ActorType;
import dev.yardstick.model.Identity;
import dev.yardstick.profile.TelemetryStatus.Identified;
import dev.yardstick.storage.GitQueries.Author;
import dev.yardstick.storage.StatusQueries.ActorDays;
import dev.yardstick.storage.StatusQueries.ClientSeen;
import dev.yardstick.storage.StatusQueries.IdentitySeen;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class TelemetryStatusesTest {
  static final Instant T0 = Instant.parse("2026-11-20T09:00:00Z");
  static final Developer JANE = new Developer(1, "jane@example.com", "Jane", null, null);
  static final Developer OMAR = new Developer(2, "omar@example.com", "Omar", null, null);

  static IdentityResolver resolver(Alias... aliases) {
    return new IdentityResolver(List.of(JANE, OMAR), List.of(aliases), List.of(), List.of());
  }

  static IdentitySeen identity(long id, Identity who, int fromHours, int toHours, String version, String terminal) {
    return new IdentitySeen(id, who, T0.plusSeconds(3600L * fromHours), T0.plusSeconds(3600L * toHours),
        T0.plusSeconds(3600L * toHours + 5), version, terminal);
  }

  static Identity email(String email) {
    return new Identity(email, null, null, null, null, null, null);
  }

  @Test
  void identities_clients_adminDaysAndCommits_ofOneDeveloper_onlyTheirs() {
    IdentityResolver r = resolver(new Alias(1, 1, AliasKind.USER_ID, "u-jane", "linked", false),
        new Alias(2, 1, AliasKind.GIT_EMAIL, "jane@home.example", "linked", false));
    List<IdentitySeen> ids = List.of(
        identity(10, email("Jane@Example.com"), 0, 2, "2.1.0", "vscode"),
        identity(11, new Identity(null, null, null, null, null, "u-jane", null), -5, 1, null, null),
        identity(12, email("omar@example.com"), -10, 10, "2.2.0", "iTerm.app"));
    List<ClientSeen> clients = List.of(
        new ClientSeen(10, "2.1.0", "vscode", T0, T0.plusSeconds(7200)),
        new ClientSeen(10, "2.0.9", "", T0, T0.plusSeconds(60)),
        new ClientSeen(12, "2.2.0", "iTerm.app", T0, T0.plusSeconds(36000)));
    List<ActorDays> actors = List.of(
        new ActorDays(ActorType.USER, "jane@example.com", 3, LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 5)),
        new ActorDays(ActorType.USER, "omar@example.com", 9, LocalDate.of(2026, 10, 1), LocalDate.of(2026, 11, 5)));
    List<Author> authors = List.of(
        new Author("JANE@home.example", "Jane", T0.minusSeconds(86400), T0.minusSeconds(3600), 4),
        new Author("jane@example.com", "Jane", T0.minusSeconds(100), T0.minusSeconds(50), 1),
        new Author("omar@example.com", "Omar", T0, T0, 7));

    TelemetryStatus s = TelemetryStatuses.of(1, r, ids, clients, actors, null, authors);

    assertThat(s.firstEventAt()).isEqualTo(T0.minusSeconds(5 * 3600));
    assertThat(s.lastEventAt()).isEqualTo(T0.plusSeconds(7200));
    assertThat(s.lastReceivedAt()).isEqualTo(T0.plusSeconds(7205));
    assertThat(s.clientVersions()).containsExactly("2.1.0", "2.0.9");
    assertThat(s.terminals()).containsExactly("vscode");
    assertThat(s.adminApi()).isEqualTo(new TelemetryStatus.AdminApi(3, LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 5)));
    assertThat(s.git()).isEqualTo(new TelemetryStatus.Git(5, T0.minusSeconds(86400), T0.minusSeconds(50)));
    assertThat(s.identifiedBy()).containsExactly(
        new Identified("telemetry", "email", "user.email", "jane@example.com", T0.toString(), T0.plusSeconds(7200).toString()),
        new Identified("telemetry", "user_id", "user.id", "u-jane", T0.minusSeconds(5 * 3600).toString(), T0.plusSeconds(3600).toString()),
        new Identified("admin-api", "email", null, "jane@example.com", "2026-11-01", "2026-11-05"),
        new Identified("git", "git_email", null, "jane@home.example", T0.minusSeconds(86400).toString(), T0.minusSeconds(3600).toString()),
        new Identified("git", "git_email", null, "jane@example.com", T0.minusSeconds(100).toString(), T0.minusSeconds(50).toString()));
  }

  @Test
  void anIdentifierLinkedLater_movesItsDataToTheDeveloper() {
    List<IdentitySeen> ids = List.of(identity(11, new Identity(null, null, "jdoe", null, null, null, null), 0, 1, "2.1.0", "vscode"));

    TelemetryStatus before = TelemetryStatuses.of(1, resolver(), ids, List.of(), List.of(), null, List.of());
    TelemetryStatus after = TelemetryStatuses.of(1, resolver(new Alias(1, 1, AliasKind.SERVICE_NAME, "jdoe", "linked", false)), ids,
        List.of(), List.of(), null, List.of());

    assertThat(before.firstEventAt()).isNull();
    assertThat(before.nothing()).isTrue();
    assertThat(after.firstEventAt()).isEqualTo(T0);
    // no client rows yet (sent before they were kept): the identity's last client stands in
    assertThat(after.clientVersions()).containsExactly("2.1.0");
    assertThat(after.identifiedBy()).extracting(Identified::kind, Identified::attribute, Identified::value)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("service_name", "service.name", "jdoe"));
  }

  @Test
  void aHigherRankedIdentifierOfSomeoneElse_wins_andTheHeaderEmailIsNamed() {
    // the identity's user.email is Omar's: it is his, even though its header names Jane
    Identity both = new Identity("omar@example.com", "jane@example.com", null, null, null, null, null);
    Identity header = new Identity(null, "jane@example.com", null, null, null, null, null);
    List<IdentitySeen> ids = List.of(identity(1, both, 0, 1, null, null), identity(2, header, 2, 3, null, null));

    TelemetryStatus jane = TelemetryStatuses.of(1, resolver(), ids, List.of(), List.of(), null, List.of());

    assertThat(jane.firstEventAt()).isEqualTo(T0.plusSeconds(7200));
    assertThat(jane.identifiedBy()).extracting(Identified::attribute).containsExactly("X-Yardstick-User-Email");
  }

  @Test
  void severalAdminActors_takeTheDistinctTotal() {
    IdentityResolver r = resolver(new Alias(1, 1, AliasKind.API_KEY_NAME, "jane-ci", "linked", false));
    List<ActorDays> actors = List.of(
        new ActorDays(ActorType.USER, "jane@example.com", 3, LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 3)),
        new ActorDays(ActorType.API, "jane-ci", 2, LocalDate.of(2026, 11, 2), LocalDate.of(2026, 11, 4)));
    ActorDays distinct = new ActorDays(null, null, 4, LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 4));

    TelemetryStatus s = TelemetryStatuses.of(1, r, List.of(), List.of(), actors, distinct, List.of());

    assertThat(s.adminApi()).isEqualTo(new TelemetryStatus.AdminApi(4, LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 4)));
    assertThat(s.identifiedBy()).extracting(Identified::kind).containsExactly("email", "api_key_name");
  }

  @Test
  void nothingArrived_nullsAndEmptyLists() {
    TelemetryStatus s = TelemetryStatuses.of(2, resolver(), List.of(identity(1, email("jane@example.com"), 0, 1, "2.1.0", "vscode")),
        List.of(), List.of(), null, List.of());

    assertThat(s.firstEventAt()).isNull();
    assertThat(s.lastEventAt()).isNull();
    assertThat(s.lastReceivedAt()).isNull();
    assertThat(s.clientVersions()).isEmpty();
    assertThat(s.terminals()).isEmpty();
    assertThat(s.identifiedBy()).isEmpty();
    assertThat(s.adminApi()).isEqualTo(new TelemetryStatus.AdminApi(0, null, null));
    assertThat(s.git()).isEqualTo(new TelemetryStatus.Git(0, null, null));
    assertThat(s.nothing()).isTrue();
  }
}
