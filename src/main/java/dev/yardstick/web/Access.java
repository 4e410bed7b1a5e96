package dev.yardstick.web;

import dev.yardstick.model.Role;
import io.javalin.security.RouteRole;

/** Who may call a route. Every route in the route table names exactly one. */
public enum Access implements RouteRole {
  /** Health, metrics, the API description, sign-in, first-start setup, invitation links: no credentials. */
  PUBLIC(null),
  /** OTLP receivers: an ingest token (tk_...:sk_...), answered in OTLP's own error format. */
  INGEST(null),
  /** Any signed-in account or API token; handlers narrow what each role sees. */
  SIGNED_IN(Role.DEVELOPER),
  /** Managers and admins. */
  MANAGER(Role.MANAGER),
  /** Admins and organization API tokens. */
  ADMIN(Role.ADMIN);

  private final Role minimum;

  Access(Role minimum) {
    this.minimum = minimum;
  }

  /** The least role that may call the route, or null when no account is needed. */
  public Role minimum() {
    return minimum;
  }
}
