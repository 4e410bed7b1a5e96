package dev.yardstick.web.pages;

import static dev.yardstick.web.pages.Figures.Kind.COUNT;
import static dev.yardstick.web.pages.Figures.Kind.PERCENT;
import static dev.yardstick.web.pages.Figures.Kind.RATE;
import static dev.yardstick.web.pages.Figures.Kind.USD;

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
      coverage += "; " + Figures.show(now.aiLinesBeyondCommitted(), COUNT) + " accepted AI lines beyond the committed lines were not"
          + " counted, " + now.aiExcessDevelopers() + (now.aiExcessDevelopers() == 1 ? " developer" : " developers") + " flagged";
    }
    out.add(new Card("card-ai-usage", "AI usage", Definitions.AI_USAGE + " " + Definitions.COVERAGE,
        Figures.show(now.aiUsagePercent(), PERCENT), coverage, change(now.aiUsagePercent(), before.aiUsagePercent(), PERCENT)));
    Long active = units(d.spend(), "perActiveDeveloper");
    out.add(new Card("card-active", "Active AI users", Definitions.ACTIVE_USERS, Figures.show(active, COUNT), "in the window",
        change(active, units(d.spendBefore(), "perActiveDeveloper"), COUNT)));
    Double rate = rate(d.acceptance());
    out.add(new Card("card-acceptance", "Acceptance rate", Definitions.ACCEPTANCE, Figures.show(rate, RATE), "of edit decisions",
        change(rate, rate(d.acceptanceBefore()), RATE)));
    Double cost = cost(d.spend());
    out.add(new Card("card-cost", "Cost", Definitions.COST, Figures.show(cost, USD), "estimated, US dollars",
        change(cost, cost(d.spendBefore()), USD)));
    out.add(new Card("card-commits", "Commits", Definitions.COMMITS, Figures.show(now.commits(), COUNT),
        now.aiCoAuthoredCommits() == null ? "no commits read in the window"
            : Figures.show(now.aiCoAuthoredCommits(), COUNT) + " carry Claude Code's mark (an exact lower bound)",
        change(now.commits(), before.commits(), COUNT)));
    out.add(new Card("card-lines", "Committed lines", Definitions.LINES, Figures.show(now.committedLinesAdded(), COUNT),
        "lines added", change(now.committedLinesAdded(), before.committedLinesAdded(), COUNT)));
    out.add(new Card("card-rework", "Rework % AI / other", Definitions.REWORK,
        pair(now.reworkPercentAiCoAuthored(), now.reworkPercentOther(), PERCENT), "AI co-authored / the rest",
        split(change(now.reworkPercentAiCoAuthored(), before.reworkPercentAiCoAuthored(), PERCENT),
            change(now.reworkPercentOther(), before.reworkPercentOther(), PERCENT))));
    out.add(new Card("card-defects", "Defect rate AI / other", Definitions.DEFECT,
        pair(now.defectRateAiCoAuthored(), now.defectRateOther(), RATE), "AI co-authored / the rest",
        split(change(now.defectRateAiCoAuthored(), before.defectRateAiCoAuthored(), RATE),
            change(now.defectRateOther(), before.defectRateOther(), RATE))));
    return out;
  }

  /** Two figures of one kind, AI co-authored first, as the cards and the team table write them. */
  static String pair(Number ai, Number other, Figures.Kind kind) {
    return Figures.show(ai, kind) + " / " + Figures.show(other, kind);
  }

  /** The change of a card with no figure on one side (the developer page words it the same). */
  public static final String NO_CHANGE = "no data to compare";

  private static String change(Number now, Number before, Figures.Kind kind) {
    String c = Figures.change(now, before, kind);
    return c == null ? NO_CHANGE : c;
  }

  private static String split(String ai, String other) {
    return ai.equals(other) && ai.equals(NO_CHANGE) ? ai : "AI " + ai + ", other " + other;
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
