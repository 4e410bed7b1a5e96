package dev.yardstick.web;

import dev.yardstick.auth.Principal;
import dev.yardstick.metrics.Viewer;
import dev.yardstick.people.PeopleService;
import java.util.Set;

/** The report view of a caller: admins everything, managers their teams, developers themselves. */
final class Viewers {
  private Viewers() {}

  static Viewer of(Principal p, PeopleService people, boolean managersSeeIndividuals) {
    return switch (p.role()) {
      case ADMIN -> Viewer.ADMIN;
      case MANAGER -> new Viewer(p.role(), p.developerId(), people.managedTeamIds(p.orgId(), p.email()), managersSeeIndividuals);
      case DEVELOPER -> new Viewer(p.role(), p.developerId() == null ? -1L : p.developerId(), Set.of(), false);
    };
  }
}
