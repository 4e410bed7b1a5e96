package dev.yardstick.model;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;

/**
 * How much one Claude Code metric point, event or Admin API row can plausibly hold; ingest refuses
 * anything beyond and stores none of it. A metric point is one developer's increase over one export
 * interval (Claude Code exports every minute by default, Yardstick's configuration every five); the
 * limits allow a whole hour of {@link #AGENTS} agents working at once, each at a pace no real
 * session reaches, so they never refuse real use yet keep one hostile point from outweighing an
 * organization's year. docs/METRICS.md lists them with their reasons.
 */
public final class Plausibility {
  /** The longest span one point is taken to cover: an export interval, with twelvefold headroom over ours. */
  public static final Duration POINT_SPAN = Duration.ofHours(1);
  /** Sessions and subagents one developer may have working at once. */
  public static final int AGENTS = 25;
  /** Points and events older than this are refused: exporters send what happened in the last minutes. */
  public static final Duration MAX_AGE = Duration.ofDays(30);
  /** Points and events further ahead than this are refused: a client's clock may be off, not by more. */
  public static final Duration MAX_AHEAD = Duration.ofDays(1);
  /** Stored totals and report sums saturate here: 2^53 - 1, the largest integer a double (and a JavaScript client) holds exactly. */
  public static final double MAX_SUM = 9_007_199_254_740_991d;
  /** An Admin API row of a user is one person's UTC day: 24 points. */
  public static final int USER_DAY_POINTS = 24;
  /** An Admin API row of an API key may be a key a whole team shares: a day of 100 people. */
  public static final int KEY_DAY_POINTS = 24 * 100;

  /** One limit: at most {@code max} {@code unit}; {@code reason} names it where refusals are counted. */
  public record Bound(String reason, double max, String unit) {
    public Bound times(long n) {
      return new Bound(reason, max * n, unit);
    }

    /** "1,000,000 lines" */
    public String amount() {
      return number(max) + (unit.isEmpty() ? "" : " " + unit);
    }
  }

  /** Why something was refused: {@code reason} is the counter's label, {@code message} says it in words. */
  public record Problem(String reason, String message) {}

  // per point: AGENTS agents x 3,600 s = 90,000 agent-seconds, each doing at most what follows
  public static final Bound ACTIONS = new Bound("actions", 100_000, ""); // one action a second
  public static final Bound LINES = new Bound("lines", 1_000_000, "lines"); // ten lines a second
  public static final Bound TOKENS = new Bound("tokens", 10_000_000_000d, "tokens"); // a 1M-token context every 10 s
  public static final Bound COST = new Bound("cost", 10_000, "USD"); // ten cents a second
  private static final Bound SECONDS = new Bound("active_time", 100_000, "seconds"); // busy every second

  private static final Map<String, Bound> METRICS = Map.of(
      "claude_code.session.count", unit(ACTIONS, "sessions"),
      "claude_code.commit.count", unit(ACTIONS, "commits"),
      "claude_code.pull_request.count", unit(ACTIONS, "pull requests"),
      "claude_code.code_edit_tool.decision", unit(ACTIONS, "edit decisions"),
      "claude_code.lines_of_code.count", LINES,
      "claude_code.token.usage", TOKENS,
      "claude_code.cost.usage", COST,
      "claude_code.active_time.total", SECONDS);

  // per event: one API request, tool call, compaction, subagent or hook run
  private static final Bound EVENT_TOKENS = new Bound("tokens", 10_000_000, "tokens"); // ten times the largest context
  private static final Bound DURATION = new Bound("duration", Duration.ofDays(7).toMillis(), "ms");
  private static final Bound SIZE = new Bound("size", 1_000_000_000, "bytes");
  private static final Bound COUNT = new Bound("count", 1_000_000, "");
  private static final Map<String, Bound> EVENT_FIELDS = Map.ofEntries(
      Map.entry("cost_usd", new Bound("cost", 1_000, "USD")), // forty times a full 1M-token request at list price
      Map.entry("cost_usd_micros", new Bound("cost", 1_000_000_000, "micro-USD")),
      Map.entry("input_tokens", EVENT_TOKENS), Map.entry("output_tokens", EVENT_TOKENS),
      Map.entry("cache_read_tokens", EVENT_TOKENS), Map.entry("cache_creation_tokens", EVENT_TOKENS),
      Map.entry("pre_tokens", EVENT_TOKENS), Map.entry("post_tokens", EVENT_TOKENS),
      Map.entry("total_tokens", TOKENS), // a subagent's whole run: as much as a point
      Map.entry("duration_ms", DURATION), Map.entry("total_duration_ms", DURATION),
      Map.entry("total_retry_duration_ms", DURATION),
      Map.entry("prompt_length", unit(SIZE, "characters")), Map.entry("response_length", unit(SIZE, "characters")),
      Map.entry("body_length", SIZE), Map.entry("tool_input_size_bytes", SIZE), Map.entry("tool_result_size_bytes", SIZE),
      Map.entry("attempt", COUNT), Map.entry("total_attempts", COUNT), Map.entry("total_tool_uses", COUNT));

  private Plausibility() {}

  /** The limit of one point of {@code metric}, or null for a metric Yardstick does not sum (kept, never added up). */
  public static Bound metric(String metric) {
    return METRICS.get(metric);
  }

  /** The limit of an event's field, or null for a field that is not an amount. */
  public static Bound eventField(String field) {
    return EVENT_FIELDS.get(field);
  }

  /**
   * A point's value against its metric's limit; {@code covered} is the span a cumulative running
   * total covers (its start to its time), 0 for a delta point (one export interval) or an unknown start.
   */
  public static Problem pointValue(String metric, double value, boolean cumulative, long covered) {
    if (value < 0) {
      return new Problem("negative", "value " + number(value) + " is negative (Claude Code's metrics only count up)");
    }
    Bound b = metric(metric);
    if (b == null) {
      return null;
    }
    long points = cumulative ? points(covered > 0 ? covered : MAX_AGE.toNanos()) : 1;
    if (value <= b.max() * points) {
      return null; // no allocation on the way through: this runs for every point
    }
    return new Problem(b.reason(), "value " + number(value) + " is above the plausibility limit of " + b.times(points).amount()
        + (cumulative ? " for the " + hours(points) + " this running total covers" : " per point"));
  }

  /** How much a cumulative series' running total rose since its previous point, {@code since} nanoseconds before. */
  public static Problem rise(String metric, double rise, long since) {
    Bound b = metric(metric);
    long points = points(since);
    if (b == null || rise <= b.max() * points) {
      return null;
    }
    return new Problem(b.reason(), "the running total rose by " + number(rise) + ", above the plausibility limit of "
        + b.times(points).amount() + " for the " + hours(points) + " since its previous point");
  }

  /** A point's or event's time against the window around the server's {@code now}; null when inside. */
  public static Problem time(String field, long nanos, Instant now) {
    long n = now.getEpochSecond() * 1_000_000_000L + now.getNano();
    if (nanos < n - MAX_AGE.toNanos()) {
      return new Problem("time", field + " " + instant(nanos) + " is more than " + MAX_AGE.toDays() + " days in the past");
    }
    if (nanos > n + MAX_AHEAD.toNanos()) {
      return new Problem("time", field + " " + instant(nanos) + " is more than " + MAX_AHEAD.toDays() + " day in the future");
    }
    return null;
  }

  /** An event field's value (a number, or text holding one, as older clients send) against its limit. */
  public static Problem eventValue(String field, Object value) {
    Bound b = eventField(field);
    if (b == null) {
      return null;
    }
    double v;
    if (value instanceof Number n) {
      v = n.doubleValue();
    } else if (value instanceof String s && !s.isBlank()) {
      try {
        v = Double.parseDouble(s.trim());
      } catch (NumberFormatException e) {
        return new Problem("invalid", field + " \"" + s + "\" is not a number");
      }
    } else {
      return value instanceof String ? null : new Problem("invalid", field + " " + value + " is not a number");
    }
    if (!Double.isFinite(v)) {
      return new Problem("invalid", field + " " + v + " is not a finite number");
    }
    if (v < 0) {
      return new Problem("negative", field + " " + number(v) + " is negative");
    }
    return v <= b.max() ? null
        : new Problem(b.reason(), field + " " + number(v) + " is above the plausibility limit of " + b.amount() + " per event");
  }

  /** How many points a span holds: at least one, at most {@link #MAX_AGE}'s worth. */
  static long points(long nanos) {
    long span = POINT_SPAN.toNanos();
    long n = nanos <= 0 ? 1 : (nanos - 1) / span + 1;
    return Math.min(n, MAX_AGE.toNanos() / span);
  }

  /** Whole numbers with thousands separators, anything else as Java writes a double. */
  public static String number(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.format(Locale.ROOT, "%,d", (long) v) : Double.toString(v);
  }

  /** a + b, saturating at {@link #MAX_SUM} (and its negative): totals never overflow, however much was stored before. */
  public static double sum(double a, double b) {
    return Math.max(-MAX_SUM, Math.min(MAX_SUM, a + b));
  }

  public static long sum(long a, long b) {
    long s = a + b;
    if (((a ^ s) & (b ^ s)) < 0) { // the long overflowed
      return a > 0 ? (long) MAX_SUM : -(long) MAX_SUM;
    }
    return Math.max(-(long) MAX_SUM, Math.min((long) MAX_SUM, s));
  }

  private static String hours(long points) {
    return points == 1 ? "1 hour" : points + " hours";
  }

  private static String instant(long nanos) {
    return Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L), Math.floorMod(nanos, 1_000_000_000L)).toString();
  }

  private static Bound unit(Bound b, String unit) {
    return new Bound(b.reason(), b.max(), unit);
  }
}
