package dev.yardstick.web;

import dev.yardstick.ops.ServerMetrics;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The OTLP routes of the route table on Jetty's core API, in front of the servlet stack: the
 * receivers are the hot path, and the servlet layers cost about as much as decoding an export.
 * Anything else falls through to the Javalin routes.
 */
final class OtlpHandler extends Handler.Abstract {
  private final Map<String, Route> routes = new HashMap<>();
  private final OtlpEndpoint endpoint;
  private final ServerMetrics metrics;

  OtlpHandler(List<Route> table, OtlpEndpoint endpoint, ServerMetrics metrics) {
    for (Route r : table) {
      if (r.otlp() != null) {
        routes.put(r.path(), r);
      }
    }
    this.endpoint = endpoint;
    this.metrics = metrics;
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    Route route = routes.get(request.getHttpURI().getPath());
    if (route == null || !route.method().name().equals(request.getMethod())) {
      return false;
    }
    long start = System.nanoTime();
    endpoint.handle(route.otlp(), request, response, new Callback() {
      @Override
      public void succeeded() {
        metrics.request("http", route.path(), response.getStatus(), System.nanoTime() - start);
        callback.succeeded();
      }

      @Override
      public void failed(Throwable x) {
        metrics.request("http", route.path(), response.getStatus(), System.nanoTime() - start);
        callback.failed(x);
      }
    });
    return true;
  }
}
