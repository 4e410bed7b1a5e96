package dev.yardstick.web.pages;

import dev.yardstick.people.PeopleService;
import dev.yardstick.repos.RepositoryService;
import dev.yardstick.storage.ClaudeCodeStatusStore;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** The first-run steps of the company page, each ticked from what the organization really has. */
public final class SetupChecklist {
  /** @param done whether the organization has it already */
  public record Step(String id, String label, String href, String link, boolean done) {}

  private final ClaudeCodeStatusStore status;
  private final PeopleService people;
  private final RepositoryService repositories;

  public SetupChecklist(ClaudeCodeStatusStore status, PeopleService people, RepositoryService repositories) {
    this.status = status;
    this.people = people;
    this.repositories = repositories;
  }

  /** The steps, or an empty list once all are done (the checklist goes away). */
  public List<Step> steps(long org) {
    // cheapest first: the senders' count reads every identity, and the first answer usually settles it
    boolean claudeCode = status.tokens(org).lastDataAt() != null || senders(org) > 0
        || status.adminApiActors(org, LocalDate.of(2000, 1, 1)) > 0;
    List<Step> steps = List.of(
        new Step("setup-claude-code", "Connect Claude Code: its telemetry or the Admin API brings usage", "/integrations/claude-code",
            "Connect Claude Code", claudeCode),
        new Step("setup-people", "Add people and teams, so that usage and commits have names", "/developers", "Add people",
            !people.resolver(org).developers().isEmpty()),
        new Step("setup-repository", "Follow a repository, for commits, rework and defects", "/repositories", "Follow a repository",
            !repositories.list(org).isEmpty()));
    return steps.stream().allMatch(Step::done) ? List.of() : steps;
  }

  private long senders(long org) {
    ClaudeCodeStatusStore.Senders seen = status.senders(org, Instant.EPOCH);
    return seen.withEmail() + seen.withoutEmail();
  }
}
