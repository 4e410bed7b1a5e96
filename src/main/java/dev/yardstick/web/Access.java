package dev.yardstick.web;

import io.javalin.security.RouteRole;

/** Who may call a route. Every route in the route table names exactly one. */
public enum Access implements RouteRole {
  /** Health, readiness and metrics: no credentials. */
  PUBLIC,
  /** OTLP receivers: an ingest token (tk_...:sk_...), answered in OTLP's own error format. */
  INGEST,
  /** The JSON API: an admin API token. */
  ADMIN
}
