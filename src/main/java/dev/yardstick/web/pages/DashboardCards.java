package dev.yardstick.web.pages;

import dev.yardstick.metrics.BreakdownAnswers.AcceptanceRow;
import dev.yardstick.metrics.BreakdownAnswers.Answer;
import dev.yardstick.metrics.BreakdownAnswers.SpendRow;
import dev.yardstick.metrics.ReportRow;
import java.util.ArrayList;
import java.util.List;

/** The headline cards: each figure of the window with its definition and its change against the previous period. */
public final class DashboardCards {
  /** @param value the figure as written; @param detail what goes with it (coverage, split); @param change against before */
  public record Card(String id, String label, String definition, String value, String detail, String change) {}

  private DashboardCards() {}

  static List<Card> of(DashboardData d) {
    ReportRow now = d.now().rows().getFirst();
    ReportRow before = d.before().rows().getFirst();
    List<Card> out = new ArrayList<>();
    if (Boolean.TRUE.equals(now.withheld())) {
      return out; // the page says the figures are withheld
    }
    String coverage = now.coverage() == null ? "coverage unknown" : "over " + now.coverage().withBoth() + " developers with both"
        + " telemetry and commits (" + now.coverage().withUsage() + " send usage, " + now.coverage().withCommits() + " commit)";
    if (now.aiLinesBeyondCommitted() != null && now.aiLinesBeyondCommitted() > 0) {
      coverage += "; " + Fmt.count(now.aiLinesBeyondCommitted()) + " accepted AI lines beyond the committed lines were not"
          + " counted, " + now.aiExcessDevelopers() + (now.aiExcessDevelopers() == 1 ? " developer" : " developers") + " flagged";
    }
    out.add(new Card("card-ai-usage", "AI usage", Definitions.AI_USAGE + " " + Definitions.COVERAGE, Fmt.percent(now.aiUsagePercent()),
        coverage, Fmt.change(now.aiUsagePercent(), before.aiUsagePercent(), " pts", 1)));
    Long active = units(d.spend(), "perActiveDeveloper");
    out.add(new Card("card-active", "Active AI users", Definitions.ACTIVE_USERS, Fmt.count(active), "in the window",
        Fmt.change(active, units(d.spendBefore(), "perActiveDeveloper"), "", 0)));
    Double rate = rate(d.acceptance());
    out.add(new Card("card-acceptance", "Acceptance rate", Definitions.ACCEPTANCE, Fmt.share(rate), "of edit decisions",
        Fmt.change(rate == null ? null : rate * 100, rate(d.acceptanceBefore()) == null ? null : rate(d.acceptanceBefore()) * 100,
            " pts", 1)));
    Double cost = cost(d.spend());
    out.add(new Card("card-cost", "Cost", Definitions.COST, Fmt.money(cost), "estimated, US dollars",
        Fmt.change(cost, cost(d.spendBefore()), " $", 2)));
    out.add(new Card("card-commits", "Commits", Definitions.COMMITS, Fmt.count(now.commits()),
        Fmt.count(now.aiCoAuthoredCommits()) + " carry Claude Code's mark (an exact lower bound)",
        Fmt.change(now.commits(), before.commits(), "", 0)));
    out.add(new Card("card-lines", "Committed lines", Definitions.LINES, Fmt.count(now.committedLinesAdded()), "lines added",
        Fmt.change(now.committedLinesAdded(), before.committedLinesAdded(), "", 0)));
    out.add(new Card("card-rework", "Rework % AI / other", Definitions.REWORK,
        Fmt.pair(Fmt.percent(now.reworkPercentAiCoAuthored()), Fmt.percent(now.reworkPercentOther())), "AI co-authored / the rest",
        split(Fmt.change(now.reworkPercentAiCoAuthored(), before.reworkPercentAiCoAuthored(), " pts", 1),
            Fmt.change(now.reworkPercentOther(), before.reworkPercentOther(), " pts", 1))));
    out.add(new Card("card-defects", "Defect rate AI / other", Definitions.DEFECT,
        Fmt.pair(Fmt.rate(now.defectRateAiCoAuthored()), Fmt.rate(now.defectRateOther())), "AI co-authored / the rest",
        split(Fmt.change(now.defectRateAiCoAuthored(), before.defectRateAiCoAuthored(), "", 3),
            Fmt.change(now.defectRateOther(), before.defectRateOther(), "", 3))));
    return out;
  }

  private static String split(String ai, String other) {
    return ai.equals(other) && ai.equals(Fmt.change(null, null, "", 0)) ? ai : "AI " + ai + ", other " + other;
  }

  static Long units(Answer<SpendRow> a, String key) {
    return a == null ? null : a.rows().stream().filter(r -> r.dimension().equals("unit") && r.key().equals(key) && !Boolean.TRUE.equals(r.withheld()))
        .findFirst().map(SpendRow::units).orElse(null);
  }

  static Double cost(Answer<SpendRow> a) {
    return a == null ? null : a.rows().stream().filter(r -> r.dimension().equals("unit") && r.key().equals("total"))
        .findFirst().map(SpendRow::costUsd).orElse(null);
  }

  static Double rate(Answer<AcceptanceRow> a) {
    return a == null ? null : a.rows().stream().filter(r -> r.dimension().equals("all")).findFirst().map(AcceptanceRow::rate).orElse(null);
  }
}
