package dev.yardstick.metrics;

import dev.yardstick.identity.IdentityResolver;
import dev.yardstick.metrics.ReportService.Who;
import dev.yardstick.metrics.SourceMerge.SourcedRow;
import dev.yardstick.metrics.adoption.DecisionRow;
import dev.yardstick.metrics.adoption.ModelDay;
import dev.yardstick.model.AdminUsage;
import dev.yardstick.model.Identity;
import dev.yardstick.storage.BreakdownQueries;
import dev.yardstick.storage.BreakdownQueries.Breakdown;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A window's per-model and per-decision rows of both sources, resolved to developers and teams as the report resolves
 * its day rows, and merged by the no-double-counting rule: a subject's day with an Admin API row takes its breakdown
 * from the Admin API, other days from telemetry.
 */
final class BreakdownRows {
  private BreakdownRows() {}

  record Rows(List<ModelDay> models, List<DecisionRow> decisions) {}

  private record Resolved(String subject, LocalDate day, ModelDay model, DecisionRow decision) {}

  static Rows of(List<Breakdown> telemetry, List<Breakdown> admin, List<SourcedRow> adminDays, Map<Long, Identity> identities,
      IdentityResolver resolver) {
    Map<Long, Who> byIdentity = new HashMap<>();
    List<Resolved> tel = new ArrayList<>();
    for (Breakdown b : telemetry) {
      Who w = byIdentity.computeIfAbsent(b.identityId(), id -> ReportService.who(id, identities.get(id), resolver));
      add(tel, b, w, resolver);
    }
    List<Resolved> adm = new ArrayList<>();
    for (Breakdown b : admin) {
      add(adm, b, ReportService.who(b.actorType(), b.actor(), resolver), resolver);
    }
    List<Resolved> merged = SourceMerge.breakdown(tel, adm, adminDays, r -> List.of(r.subject(), r.day()), UsageSource.MERGED);
    List<ModelDay> models = new ArrayList<>();
    List<DecisionRow> decisions = new ArrayList<>();
    for (Resolved r : merged) {
      if (r.model() != null) {
        models.add(r.model());
      } else {
        decisions.add(r.decision());
      }
    }
    return new Rows(models, decisions);
  }

  private static void add(List<Resolved> out, Breakdown b, Who w, IdentityResolver resolver) {
    Long team = ReportService.team(resolver, w.developer(), b.day());
    for (BreakdownQueries.ModelFigures m : b.models()) {
      double[] v = m.values();
      out.add(new Resolved(w.subject(), b.day(), new ModelDay(b.day(), w.developer(), team, m.model(), v[0], v[1], v[2], v[3],
          v[4]), null));
    }
    for (BreakdownQueries.Decisions d : b.decisions()) {
      if (d.count() == 0 || b.actorType() != null && !AdminUsage.EDIT_TOOLS.contains(d.tool())) {
        continue; // the Admin API's other tool keys are not edits (the report's totals leave them out too)
      }
      out.add(new Resolved(w.subject(), b.day(), null, new DecisionRow(b.day(), w.developer(), team, d.tool(),
          blankIsNull(d.language()), blankIsNull(d.source()), d.accepted() ? d.count() : 0, d.accepted() ? 0 : d.count())));
    }
  }

  private static String blankIsNull(String s) {
    return s == null || s.isEmpty() ? null : s;
  }
}
