package dev.yardstick.demo;

import dev.yardstick.demo.DemoOrg.Developer;
import dev.yardstick.demo.DemoOrg.Team;
import dev.yardstick.identity.AliasKind;
import dev.yardstick.identity.People.RawId;
import dev.yardstick.people.PeopleService;
import java.util.List;

/** Teams, developers, their dated moves and their git and API-key aliases, through the people service. */
public final class PeopleLoader {
  private PeopleLoader() {}

  public static void load(PeopleService people, long org, DemoOrg demo, Progress progress) {
    for (Team t : demo.teams()) {
      people.saveTeam(org, t.name(), t.parent(), List.of());
    }
    List<Developer> developers = demo.developers();
    for (int i = 0; i < developers.size(); i++) {
      Developer d = developers.get(i);
      long id = people.createDeveloper(org, d.email(), d.name(), d.memberships().getFirst().team()).id();
      for (DemoOrg.Membership m : d.memberships().subList(1, d.memberships().size())) {
        people.moveToTeam(org, id, m.team(), m.from());
      }
      if (!d.gitEmail().equals(d.email())) {
        people.link(org, id, new RawId(AliasKind.GIT_EMAIL, d.gitEmail()), "demo");
      }
      if (d.apiKeyName() != null) {
        people.link(org, id, new RawId(AliasKind.API_KEY_NAME, d.apiKeyName()), "demo");
      }
      progress.update(i + 1, developers.size());
    }
  }
}
