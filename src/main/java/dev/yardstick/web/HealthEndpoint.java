package dev.yardstick.web;

import dev.yardstick.ops.ServerMetrics;
import dev.yardstick.storage.Database;
import io.javalin.http.Context;
import java.util.Map;
import java.util.function.BooleanSupplier;

/** /healthz (the process answers), /readyz (the database answers) and /metrics (Prometheus text). */
final class HealthEndpoint {
  private final Database db;
  private final ServerMetrics metrics;
  private final BooleanSupplier started;
  private final BooleanSupplier writing;

  /**
   * @param started true once start-up finished (migrations, default organization, bootstrap tokens)
   * @param writing false once the telemetry writer has stopped
   */
  HealthEndpoint(Database db, ServerMetrics metrics, BooleanSupplier started, BooleanSupplier writing) {
    this.db = db;
    this.metrics = metrics;
    this.started = started;
    this.writing = writing;
  }

  void live(Context ctx) {
    ctx.json(Map.of("status", "ok"));
  }

  void ready(Context ctx) {
    if (!started.getAsBoolean()) {
      ctx.status(503).header("Retry-After", "1").json(Map.of("status", "starting"));
    } else if (!writing.getAsBoolean()) {
      ctx.status(503).json(Map.of("status", "unavailable", "writer", "stopped"));
    } else if (db.check()) {
      ctx.json(Map.of("status", "ok", "database", "ok", "writer", "ok"));
    } else {
      ctx.status(503).header("Retry-After", "5").json(Map.of("status", "unavailable", "database", "unreachable"));
    }
  }

  void metrics(Context ctx) {
    ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(metrics.scrape());
  }
}
