package dev.yardstick.ingest.anthropic;

import com.fasterxml.jackson.databind.JsonNode;
import dev.yardstick.model.Plausibility;
import dev.yardstick.model.Plausibility.Bound;
import dev.yardstick.model.Plausibility.Problem;

/**
 * Reads the figures of one Admin API row, each against what a day of one user (or of one API key,
 * which a team may share) can plausibly hold; the first figure out of bounds is kept as the row's problem.
 */
final class AdminAmounts {
  private final long points;
  private final String per;
  private Problem problem;

  AdminAmounts(boolean apiKey) {
    this.points = apiKey ? Plausibility.KEY_DAY_POINTS : Plausibility.USER_DAY_POINTS;
    this.per = apiKey ? " for one API key's day" : " for one user's day";
  }

  /** The first figure that was not plausible, or null. */
  Problem problem() {
    return problem;
  }

  long actions(JsonNode n, String label) {
    return (long) read(n, label, Plausibility.ACTIONS);
  }

  long lines(JsonNode n, String label) {
    return (long) read(n, label, Plausibility.LINES);
  }

  long tokens(JsonNode n, String label) {
    return (long) read(n, label, Plausibility.TOKENS);
  }

  /** estimated_cost.amount is in cents. */
  double cents(JsonNode n, String label) {
    Bound usd = Plausibility.COST;
    return read(n, label, new Bound(usd.reason(), usd.max() * 100, "cents"));
  }

  // a missing figure is 0, as before; text holding a number is read as the number
  private double read(JsonNode n, String label, Bound perPoint) {
    double v = n.isMissingNode() || n.isNull() ? 0 : n.asDouble(Double.NaN);
    if (problem != null) {
      return 0;
    }
    Bound limit = perPoint.times(points);
    if (!Double.isFinite(v)) {
      problem = new Problem("invalid", label + " " + n + " is not a number");
    } else if (v < 0) {
      problem = new Problem("negative", label + " " + Plausibility.number(v) + " is negative");
    } else if (v > limit.max()) {
      problem = new Problem(perPoint.reason(), label + " " + Plausibility.number(v) + " is above the plausibility limit of "
          + limit.amount() + per);
    }
    return problem == null ? v : 0;
  }
}
