package dev.yardstick.web;

import io.javalin.http.Handler;
import io.javalin.http.HandlerType;

/**
 * One entry of the route table: a Javalin handler, or for the OTLP receivers the signal that
 * {@link OtlpHandler} serves on Jetty's core API ahead of the servlet stack.
 */
public record Route(HandlerType method, String path, Access access, Handler handler, OtlpKind otlp) {
  public Route(HandlerType method, String path, Access access, Handler handler) {
    this(method, path, access, handler, null);
  }

  /** An OTLP/HTTP receiver: POST, an ingest token, served by the ingest handler. */
  static Route otlp(String path, OtlpKind kind) {
    return new Route(HandlerType.POST, path, Access.INGEST, null, kind);
  }

  /** What an OTLP route receives. */
  public enum OtlpKind { METRICS, LOGS, TRACES }
}
