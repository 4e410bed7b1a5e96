package dev.yardstick.model;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * One row of the Claude Code Analytics Admin API: an actor's activity on one UTC day in one
 * terminal, local or remote, with its tokens and estimated cost per model (in US dollars).
 *
 * @param actor the user's email (normalized) or the API key's name
 * @param toolActions every tool the row counted, by the API's key (edit_tool, write_tool, ...)
 */
public record AdminUsage(
    LocalDate day,
    ActorType actorType,
    String actor,
    String terminalType,
    boolean remote,
    String customerType,
    long sessions,
    long linesAdded,
    long linesRemoved,
    long commits,
    long pullRequests,
    Map<String, ToolCounts> toolActions,
    List<ModelUsage> models) {

  public enum ActorType { USER, API }

  public record ToolCounts(long accepted, long rejected) {}

  /** Tokens of one model and their estimated cost in US dollars (the API says cents). */
  public record ModelUsage(String model, long input, long output, long cacheRead, long cacheCreation, double costUsd) {}

  /** The documented edit tools; other keys are kept but are not edits. */
  public static final List<String> EDIT_TOOLS = List.of("edit_tool", "multi_edit_tool", "write_tool", "notebook_edit_tool");

  public long editsAccepted() {
    return EDIT_TOOLS.stream().mapToLong(t -> toolActions.getOrDefault(t, new ToolCounts(0, 0)).accepted()).sum();
  }

  public long editsRejected() {
    return EDIT_TOOLS.stream().mapToLong(t -> toolActions.getOrDefault(t, new ToolCounts(0, 0)).rejected()).sum();
  }
}
