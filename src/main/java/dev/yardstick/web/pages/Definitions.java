package dev.yardstick.web.pages;

/** The definitions of docs/METRICS.md that the dashboard shows beside its numbers (title attributes and footnotes). */
final class Definitions {
  private Definitions() {}

  static final String AI_USAGE = "AI usage %: accepted AI lines (at most the committed lines per developer and week) ÷ committed"
      + " lines × 100, over the developers with both usage data and commits. A directional adoption proxy, not line attribution.";
  static final String COVERAGE = "Coverage: developers with usage data (telemetry or Admin API), with commits, and with both;"
      + " a developer without telemetry does not read as no AI.";
  static final String ACTIVE_USERS = "Active AI users: developers with any session, active second, edit decision or token on a"
      + " day of the window, from telemetry or the Admin API.";
  static final String ACCEPTANCE = "Acceptance rate: accepted ÷ (accepted + rejected) edit decisions of Edit, MultiEdit, Write"
      + " and NotebookEdit. A rejection is not a defect.";
  static final String COST = "Cost: estimated US dollars (a client estimate at list price for telemetry, the Admin API's"
      + " estimate otherwise): not billing data.";
  static final String COMMITS = "Commits: non-merge commits authored in the window in followed repositories, by author date.";
  static final String LINES = "Committed lines: lines the window's commits added, less binary, lock, vendored and generated files.";
  static final String REWORK = "Rework %: of the lines the commits added, how many a later commit deleted or rewrote within 21"
      + " days, × 100; AI co-authored commits (Claude Code's mark, an exact lower bound) against the rest.";
  static final String DEFECT = "Defect rate: defect-introducing commits (named by a revert, or blamed by a fix) ÷ commits,"
      + " as a percentage; AI co-authored commits against the rest.";
  static final String OUTPUT_PER_WEEK = "Output per developer-week: the week's commits (committed lines) ÷ the developers with"
      + " a commit that week.";
  static final String SESSIONS = "Sessions: Claude Code sessions started (telemetry or Admin API).";
  static final String DEVELOPERS = "Developers: how many developers the row's figures come from.";
  static final String LIFT = "High- against low-AI weeks of the same developers (at least 2 h against under 0.5 h of Claude Code"
      + " active time; 4 weeks on each side): output as the geometric mean of per-developer ratios − 1 in %, rework and"
      + " defects as mean differences; 95 % bootstrap interval. Not a causal effect; an interval across 0 cannot tell an"
      + " effect from none.";
  static final String BEFORE_AFTER = "Up to 12 weeks after each developer's adoption week against up to 12 weeks before it,"
      + " the same measures and interval as the lift. Later in time too: not a causal effect.";
  static final String SPLIT = "Each developer's AI co-authored commits against their other commits (at least 5 commits on"
      + " each side): the mean of per-developer differences of rework (points) and defect rate; 95 % bootstrap interval.";
  static final String CHANGE = "Change against the previous period of the same length, ending the day before this one starts.";
}
