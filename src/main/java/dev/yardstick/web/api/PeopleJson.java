package dev.yardstick.web.api;

import dev.yardstick.identity.IdentityResolver;
import dev.yardstick.identity.People.Alias;
import dev.yardstick.identity.People.Developer;
import dev.yardstick.identity.UnmatchedQueue;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The JSON shapes of developers, aliases and unmatched identifiers. */
final class PeopleJson {
  private PeopleJson() {}

  static Map<String, Object> developer(Developer d, IdentityResolver resolver, LocalDate today) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", d.id());
    m.put("email", d.email());
    m.put("name", d.name());
    m.put("team", resolver.teamOn(d.id(), today).map(t -> t.name()).orElse(null));
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
