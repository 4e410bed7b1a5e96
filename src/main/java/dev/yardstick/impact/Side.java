package dev.yardstick.impact;

/** Sums over one side of one developer's comparison: weeks counted and what their commits delivered. */
final class Side {
  long weeks;
  long commits;
  long lines;
  long reworked;
  long defects;

  void add(DeveloperWeek w) {
    weeks++;
    commits += w.commits();
    lines += w.linesAdded();
    reworked += w.reworkedLines();
    defects += w.defectCommits();
  }

  void addAiCoAuthored(DeveloperWeek w) {
    commits += w.aiCommits();
    lines += w.aiLinesAdded();
    reworked += w.aiReworkedLines();
    defects += w.aiDefectCommits();
  }

  void addOther(DeveloperWeek w) {
    commits += w.commits() - w.aiCommits();
    lines += w.linesAdded() - w.aiLinesAdded();
    reworked += w.reworkedLines() - w.aiReworkedLines();
    defects += w.defectCommits() - w.aiDefectCommits();
  }

  double commitsPerWeek() {
    return (double) commits / weeks;
  }

  double linesPerWeek() {
    return (double) lines / weeks;
  }

  /** Ratio of sums, so a week of many lines weighs more than a week of few; null without committed lines. */
  Double reworkPercent() {
    return lines == 0 ? null : 100.0 * reworked / lines;
  }

  Double defectRate() {
    return commits == 0 ? null : (double) defects / commits;
  }

  /** One developer's two sides. */
  record Pair(Side a, Side b) {}
}
