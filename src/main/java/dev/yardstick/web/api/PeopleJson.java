package dev.yardstick.web.api;

import dev.yardstick.identity.IdentityResolver;
import dev.yardstick.identity.People.Alias;
import dev.yardstick.identity.People.Developer;
import dev.yardstick.identity.People.Team;
import dev.yardstick.identity.TeamHistory;
import dev.yardstick.identity.UnmatchedQueue;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The JSON shapes of developers, memberships, teams, aliases and unmatched identifiers. */
final class PeopleJson {
  private PeopleJson() {}

  static Map<String, Object> developer(Developer d, IdentityResolver resolver, LocalDate today) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", d.id());
    m.put("email", d.email());
    m.put("name", d.name());
    m.put("team", resolver.teamOn(d.id(), today).map(t -> t.name()).orElse(null));
    m.put("activeFrom", d.activeFrom() == null ? null : d.activeFrom().toString());
    m.put("activeTo", d.activeTo() == null ? null : d.activeTo().toString());
    return m;
  }

  /** A membership with its last day ({@code to}, inclusive like a report's window); null ends are open. */
  static Map<String, Object> membership(TeamHistory.Entry e, IdentityResolver resolver) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", e.id());
    m.put("team", resolver.team(e.teamId()).map(Team::name).orElse(null));
    m.put("from", e.from() == null ? null : e.from().toString());
    m.put("to", e.to() == null ? null : e.to().minusDays(1).toString());
    return m;
  }

  static Map<String, Object> team(Team t, IdentityResolver resolver, List<String> managers) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", t.id());
    m.put("name", t.name());
    m.put("parent", t.parentId() == null ? null : resolver.team(t.parentId()).map(Team::name).orElse(null));
    m.put("managers", managers);
    return m;
  }

  static Map<String, Object> alias(Alias a) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", a.id());
    m.put("kind", a.kind().wire());
    m.put("value", a.value());
    m.put("evidence", a.evidence());
    m.put("automatic", a.automatic());
    return m;
  }

  static Map<String, Object> unmatched(UnmatchedQueue.Entry e) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("kind", e.id().kind().wire());
    m.put("value", e.id().value());
    m.put("sources", e.sources());
    m.put("firstSeen", e.firstSeen() == null ? null : e.firstSeen().toString());
    m.put("lastSeen", e.lastSeen() == null ? null : e.lastSeen().toString());
    m.put("volume", e.volume());
    m.put("clientVersions", e.clientVersions());
    m.put("terminals", e.terminals());
    List<Map<String, Object>> suggestions = e.suggestions().stream().map(s -> {
      Map<String, Object> sm = new LinkedHashMap<>();
      sm.put("action", s.action());
      sm.put("developerId", s.developerId());
      sm.put("email", s.email());
      sm.put("reason", s.reason());
      return sm;
    }).toList();
    m.put("suggestions", suggestions);
    return m;
  }
}
