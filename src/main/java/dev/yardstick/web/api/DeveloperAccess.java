package dev.yardstick.web.api;

import dev.yardstick.auth.Principal;
import dev.yardstick.identity.People.Developer;
import dev.yardstick.model.ForbiddenException;
import dev.yardstick.people.PeopleService;

/** Who may see a developer: admins any, managers their teams' developers, everyone themselves. */
public final class DeveloperAccess {
  private DeveloperAccess() {}

  /** The developer (404 when the organization has none with that id), or 403 for a caller who may not see them. */
  public static Developer visible(PeopleService people, Principal p, long id) {
    Developer d = people.developer(p.orgId(), id);
    boolean ok = switch (p.role()) {
      case ADMIN -> true;
      case MANAGER -> (p.developerId() != null && p.developerId() == id) || people.resolver(p.orgId()).teamOn(id, people.today())
          .map(t -> people.managedTeamIds(p.orgId(), p.email()).contains(t.id())).orElse(false);
      case DEVELOPER -> p.developerId() != null && p.developerId() == id;
    };
    if (!ok) {
      throw new ForbiddenException("you may not see developer " + id);
    }
    return d;
  }
}
