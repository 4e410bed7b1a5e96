package dev.yardstick.ingest.otlp;

import dev.yardstick.model.Digest;
import dev.yardstick.model.Event;
import dev.yardstick.model.MetricPoint;
import dev.yardstick.model.SessionContext;
import dev.yardstick.model.Signal;
import java.util.List;

/**
 * The content key of a fact group. Equal content gives an equal key whichever encoding or body
 * carried it, which is what makes a retried export count once.
 */
final class FactDigest {
  private FactDigest() {}

  static long[] of(Signal signal, SessionContext ctx, List<MetricPoint> points, List<Event> events) {
    Digest d = new Digest().putLong(signal.code()).putIdentity(ctx.identity())
        .putString(ctx.sessionId()).putString(ctx.terminalType()).putString(ctx.appVersion())
        .putMap(ctx.resourceAttributes());
    for (MetricPoint p : points) {
      d.putString(p.name()).putLong(p.temporality().ordinal()).putLong(p.startNanos()).putLong(p.timeNanos())
          .putLong(Double.doubleToLongBits(p.value())).putMap(p.dims());
    }
    for (Event e : events) {
      d.putString(e.name()).putLong(e.timeNanos()).putLong(e.sequence()).putMap(e.attributes());
    }
    return d.finish();
  }
}
