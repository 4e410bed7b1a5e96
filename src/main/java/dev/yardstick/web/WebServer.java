package dev.yardstick.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.yardstick.auth.TokenAuthenticator;
import dev.yardstick.ingest.otlp.OtlpIngest;
import dev.yardstick.metrics.ReportService;
import dev.yardstick.ops.ServerMetrics;
import dev.yardstick.storage.Database;
import dev.yardstick.storage.StorageUnavailableException;
import dev.yardstick.storage.TokenStore;
import dev.yardstick.web.api.ApiRequests;
import dev.yardstick.web.api.IngestTokenApi;
import dev.yardstick.web.api.ReportApi;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.json.JavalinJackson;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.ServerConnector;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The HTTP server: THE route table, the access rule of every route, and how errors become statuses. */
public final class WebServer implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(WebServer.class);
  private static final int ACCEPT_QUEUE = 4096;

  private final String host;
  private final int port;
  private final List<Route> routes;
  private final TokenAuthenticator auth;
  private final ServerMetrics metrics;
  private Javalin app;

  /** What the handlers need; built by App. */
  public record Parts(Database db, OtlpIngest ingest, TokenAuthenticator auth, TokenStore tokens,
      ReportService reports, ServerMetrics metrics, Clock clock, long maxBodyBytes, long ingestTimeoutMillis,
      BooleanSupplier started) {}

  public WebServer(String host, int port, Parts p) {
    this.host = host;
    this.port = port;
    this.auth = p.auth();
    this.metrics = p.metrics();
    this.routes = routes(p);
  }

  static List<Route> routes(Parts p) {
    OtlpEndpoint otlp = new OtlpEndpoint(p.ingest(), p.auth(), p.metrics(), p.maxBodyBytes(), p.ingestTimeoutMillis());
    HealthEndpoint health = new HealthEndpoint(p.db(), p.metrics(), p.started());
    IngestTokenApi ingestTokens = new IngestTokenApi(p.tokens(), p.auth(), p.clock());
    ReportApi report = new ReportApi(p.reports());
    return List.of(
        new Route(HandlerType.GET, "/healthz", Access.PUBLIC, health::live),
        new Route(HandlerType.GET, "/readyz", Access.PUBLIC, health::ready),
        new Route(HandlerType.GET, "/metrics", Access.PUBLIC, health::metrics),
        new Route(HandlerType.POST, "/otel/v1/metrics", Access.INGEST, otlp::metrics),
        new Route(HandlerType.POST, "/otel/v1/logs", Access.INGEST, otlp::logs),
        new Route(HandlerType.POST, "/otel/v1/traces", Access.INGEST, otlp::traces),
        new Route(HandlerType.POST, "/v1/metrics", Access.INGEST, otlp::metrics),
        new Route(HandlerType.POST, "/v1/logs", Access.INGEST, otlp::logs),
        new Route(HandlerType.POST, "/v1/traces", Access.INGEST, otlp::traces),
        new Route(HandlerType.POST, "/api/v1/ingest-tokens", Access.ADMIN, ingestTokens::create),
        new Route(HandlerType.GET, "/api/v1/ingest-tokens", Access.ADMIN, ingestTokens::list),
        new Route(HandlerType.DELETE, "/api/v1/ingest-tokens/{id}", Access.ADMIN, ingestTokens::revoke),
        new Route(HandlerType.GET, "/api/v1/report", Access.ADMIN, report::report));
  }

  public List<Route> routes() {
    return routes;
  }

  public void start() {
    ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule())
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    app = Javalin.create(config -> {
      config.startup.showJavalinBanner = false;
      config.concurrency.useVirtualThreads = true;
      config.jetty.addConnector((server, http) -> {
        ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
        connector.setHost(host);
        connector.setPort(port);
        connector.setAcceptQueueSize(ACCEPT_QUEUE); // a burst of clients connecting at once must not be refused
        return connector;
      });
      config.jsonMapper(new JavalinJackson(mapper, false));
      config.requestLogger.http(this::recordRequest);
      config.routes.beforeMatched(this::authorize);
      for (Route r : routes) {
        config.routes.addHttpHandler(r.method(), r.path(), r.handler(), r.access());
      }
      config.routes.exception(IllegalArgumentException.class, (e, ctx) -> error(ctx, 400, "bad_request", e.getMessage()));
      config.routes.exception(ApiRequests.NotFound.class, (e, ctx) -> error(ctx, 404, "not_found", e.getMessage()));
      config.routes.exception(HttpProblem.class, (e, ctx) -> error(ctx, e.status(), "error", e.getMessage()));
      config.routes.exception(StorageUnavailableException.class, (e, ctx) -> {
        ctx.header("Retry-After", "5");
        error(ctx, 503, "unavailable", e.getMessage());
      });
      config.routes.exception(Exception.class, (e, ctx) -> {
        log.error("{} {} failed", ctx.method(), ctx.path(), e);
        error(ctx, 500, "internal", "internal error");
      });
      config.routes.error(404, ctx -> {
        if (ctx.result() == null) {
          error(ctx, 404, "not_found", "no route " + ctx.method() + " " + ctx.path());
        }
      });
    });
    app.start();
  }

  public int port() {
    return app.port();
  }

  /** API routes need an admin API token; OTLP routes check their ingest token themselves, in OTLP's error format. */
  private void authorize(Context ctx) {
    if (!ctx.routeRoles().contains(Access.ADMIN)) {
      return;
    }
    var principal = auth.apiPrincipal(ctx.header("Authorization")).orElseThrow(() ->
        new HttpProblem(401, "missing or unknown API token: send Authorization: Bearer <api token>"));
    if (!"admin".equals(principal.role())) {
      throw new HttpProblem(403, "this API token may not call " + ctx.method() + " " + ctx.path());
    }
    ctx.attribute(ApiRequests.PRINCIPAL, principal);
  }

  private void recordRequest(Context ctx, Float millis) {
    String route = ctx.endpoint() == null ? "unmatched" : ctx.endpoint().path;
    metrics.request("http", route, ctx.statusCode(), (long) (millis * 1_000_000L));
  }

  private static void error(Context ctx, int status, String code, String message) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("error", code);
    body.put("message", message);
    ctx.status(status).json(body);
  }

  @Override
  public void close() {
    if (app != null) {
      app.stop();
    }
  }
}
