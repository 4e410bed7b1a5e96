package dev.yardstick.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.yardstick.auth.AccountService;
import dev.yardstick.auth.IngestTokenCheck;
import dev.yardstick.auth.Principal;
import dev.yardstick.auth.TokenAuthenticator;
import dev.yardstick.ingest.BodyBudget;
import dev.yardstick.config.TrustedProxies;
import dev.yardstick.ingest.anthropic.AnthropicSync;
import dev.yardstick.ingest.otlp.OtlpIngest;
import dev.yardstick.metrics.ReportService;
import dev.yardstick.metrics.Viewer;
import dev.yardstick.model.ConflictException;
import dev.yardstick.model.ForbiddenException;
import dev.yardstick.model.NotFoundException;
import dev.yardstick.ops.ServerMetrics;
import dev.yardstick.people.PeopleService;
import dev.yardstick.profile.ProfileService;
import dev.yardstick.removal.DataRemoval;
import dev.yardstick.repos.RepositoryService;
import dev.yardstick.storage.ClaudeCodeStatusStore;
import dev.yardstick.storage.CommitLines;
import dev.yardstick.storage.GitQueries;
import dev.yardstick.storage.StatusQueries;
import dev.yardstick.rollout.RolloutService;
import dev.yardstick.storage.Database;
import dev.yardstick.storage.PeopleStore;
import dev.yardstick.storage.RolloutQueries;
import dev.yardstick.storage.StorageUnavailableException;
import dev.yardstick.storage.TokenStore;
import dev.yardstick.web.api.AccountApi;
import dev.yardstick.web.api.ClaudeCodeConfigApi;
import dev.yardstick.web.api.DataRemovalApi;
import dev.yardstick.web.api.ApiRequests;
import dev.yardstick.web.api.DeveloperApi;
import dev.yardstick.web.api.IdentityApi;
import dev.yardstick.web.api.ImpactApi;
import dev.yardstick.web.api.BreakdownApi;
import dev.yardstick.metrics.BreakdownService;
import dev.yardstick.metrics.DeveloperCommits;
import dev.yardstick.metrics.ImpactService;
import dev.yardstick.impact.Settings;
import dev.yardstick.storage.RepositoryStore;
import dev.yardstick.tokens.IngestTokens;
import dev.yardstick.web.pages.TokenPages;
import dev.yardstick.web.api.IngestTokenApi;
import dev.yardstick.web.api.IntegrationApi;
import dev.yardstick.web.api.MembershipApi;
import dev.yardstick.web.api.ReportApi;
import dev.yardstick.web.api.TimeseriesApi;
import dev.yardstick.web.api.RepositoryApi;
import dev.yardstick.web.api.RolloutApi;
import dev.yardstick.web.api.TeamApi;
import dev.yardstick.web.api.TelemetryStatusApi;
import dev.yardstick.web.pages.AccountPages;
import dev.yardstick.web.pages.Assets;
import dev.yardstick.web.pages.DeveloperEditPages;
import dev.yardstick.web.pages.DeveloperPages;
import dev.yardstick.web.pages.ErrorPages;
import dev.yardstick.web.pages.ImportPages;
import dev.yardstick.web.pages.InvitationPages;
import dev.yardstick.web.pages.TeamPages;
import dev.yardstick.web.pages.DashboardPages;
import dev.yardstick.web.pages.SetupChecklist;
import dev.yardstick.web.pages.IdentityPages;
import dev.yardstick.web.pages.ClaudeCodePages;
import dev.yardstick.web.pages.IntegrationPages;
import dev.yardstick.web.pages.DeveloperNumbers;
import dev.yardstick.web.pages.ProfilePages;
import dev.yardstick.web.pages.RepositoryPages;
import dev.yardstick.web.pages.RolloutPage;
import dev.yardstick.web.pages.SignInPages;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpStatus;
import io.javalin.json.JavalinJackson;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.ServerConnector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The HTTP server: THE route table, the access rule of every route, and how errors become statuses. */
public final class WebServer implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(WebServer.class);
  private static final int ACCEPT_QUEUE = 4096;

  private final String host;
  private final int port;
  private final List<Route> routes;
  private final Authn authn;
  private final ServerMetrics metrics;
  private final OtlpHandler otlp;
  private Javalin app;

  /** What the handlers need; built by App. */
  public record Parts(Database db, OtlpIngest ingest, TokenAuthenticator auth, TokenStore tokens, AccountService accounts,
      PeopleService people, ReportService reports, AnthropicSync anthropic, RepositoryService repositories, DataRemoval removals,
      ServerMetrics metrics, Clock clock, URI publicUrl, long maxBodyBytes,
      BodyBudget bodies, long ingestTimeoutMillis, boolean managersSeeIndividuals, BooleanSupplier started,
      TrustedProxies trustedProxies) {}

  public WebServer(String host, int port, Parts p) {
    this.host = host;
    this.port = port;
    this.authn = new Authn(p.auth(), p.accounts());
    this.metrics = p.metrics();
    this.routes = routes(p);
    this.otlp = new OtlpHandler(routes, new OtlpEndpoint(p.ingest(), p.auth(), p.metrics(), p.maxBodyBytes(),
        p.ingestTimeoutMillis(), p.bodies()), p.metrics());
  }

  static List<Route> routes(Parts p) {
    HealthEndpoint health = new HealthEndpoint(p.db(), p.metrics(), p.started(), p.ingest()::writing);
    Function<Context, Viewer> viewer = ctx -> Viewers.of(ApiRequests.principal(ctx), p.people(), p.managersSeeIndividuals());
    IngestTokens tokenService = new IngestTokens(p.tokens(), p.auth(), p.people(), p.clock());
    IngestTokenApi ingestTokens = new IngestTokenApi(tokenService);
    TokenPages tokenPages = new TokenPages(tokenService);
    ClaudeCodeConfigApi claudeCode = new ClaudeCodeConfigApi(new IngestTokenCheck(p.tokens(), p.clock()), p.publicUrl());
    DataRemovalApi removals = new DataRemovalApi(p.removals(), p.tokens());
    TimeseriesApi timeseries = new TimeseriesApi(p.reports(), viewer, p.clock());
    ImpactService impactService = new ImpactService(p.reports().usageQueries().impact(), p.reports().usageQueries(),
        p.reports().gitQueries(), p.people(), p.reports().minGroupSize(), Settings.DEFAULT,
        p.reports().answers());
    ImpactApi impact = new ImpactApi(impactService, viewer);
    BreakdownApi breakdowns = new BreakdownApi(new BreakdownService(p.reports(), p.reports().usageQueries().breakdowns(),
        p.reports().usageQueries(), new RepositoryStore(p.db()), p.people()), viewer);
    ReportApi report = new ReportApi(p.reports(), breakdowns.service(), viewer);
    DeveloperApi developers = new DeveloperApi(p.people());
    ProfileService profiles = new ProfileService(new StatusQueries(p.db()), new GitQueries(p.db()), p.people());
    TelemetryStatusApi telemetryStatus = new TelemetryStatusApi(profiles, p.people());
    MembershipApi memberships = new MembershipApi(p.people());
    TeamApi teams = new TeamApi(p.people());
    IdentityApi identities = new IdentityApi(p.people());
    IntegrationApi anthropic = new IntegrationApi(p.anthropic());
    RepositoryApi repositories = new RepositoryApi(p.repositories());
    RolloutService rolloutService = new RolloutService(p.people(), new PeopleStore(p.db()), new RolloutQueries(p.db()), p.clock());
    RolloutApi rollout = new RolloutApi(rolloutService, p.people());
    RolloutPage rolloutPage = new RolloutPage(rolloutService, p.people());
    AccountApi account = new AccountApi(p.accounts(), p.tokens(), p.auth(), p.publicUrl(), p.clock());
    SignInPages signIn = new SignInPages(p.accounts(), p.publicUrl(), ctx -> ClientAddress.of(ctx, p.trustedProxies()));
    AccountPages accountPages = new AccountPages(p.accounts(), p.tokens(), p.auth(), p.clock());
    DashboardPages dashboards = DashboardPages.of(p.reports(), breakdowns.service(), impactService, p.people(),
        new SetupChecklist(new ClaudeCodeStatusStore(p.db()), p.people(), p.repositories()), viewer, p.clock());
    IdentityPages identityPages = new IdentityPages(p.people());
    DeveloperPages developerPages = new DeveloperPages(p.people());
    DeveloperEditPages developerEdit = new DeveloperEditPages(p.people());
    TeamPages teamPages = new TeamPages(p.people());
    ImportPages importPages = new ImportPages(p.people());
    InvitationPages invitationPages = new InvitationPages(p.accounts(), p.publicUrl());
    ProfilePages profilePages = new ProfilePages(p.people(), profiles, p.clock(), tokenPages::personalSectionHtml,
        new DeveloperNumbers(p.reports(), breakdowns.service(), new DeveloperCommits(p.reports().gitQueries(),
            new CommitLines(p.db()), p.people())), viewer, p.reports()::zone);
    IntegrationPages integrationPages = new IntegrationPages(p.anthropic());
    ClaudeCodePages claudeCodePages = new ClaudeCodePages(claudeCode, integrationPages, p.anthropic(),
        new ClaudeCodeStatusStore(p.db()), p.clock(), tokenPages::orgSectionHtml);
    RepositoryPages repositoryPages = new RepositoryPages(p.repositories());
    HandlerType get = HandlerType.GET;
    HandlerType post = HandlerType.POST;
    HandlerType put = HandlerType.PUT;
    HandlerType patch = HandlerType.PATCH;
    HandlerType delete = HandlerType.DELETE;
    return List.of(
        new Route(get, "/healthz", Access.PUBLIC, health::live),
        new Route(get, "/readyz", Access.PUBLIC, health::ready),
        new Route(get, "/metrics", Access.PUBLIC, health::metrics),
        Route.otlp("/otel/v1/metrics", Route.OtlpKind.METRICS),
        Route.otlp("/otel/v1/logs", Route.OtlpKind.LOGS),
        Route.otlp("/otel/v1/traces", Route.OtlpKind.TRACES),
        Route.otlp("/v1/metrics", Route.OtlpKind.METRICS),
        Route.otlp("/v1/logs", Route.OtlpKind.LOGS),
        Route.otlp("/v1/traces", Route.OtlpKind.TRACES),
        // pages
        new Route(get, Assets.CSS_PATH, Access.PUBLIC, Assets::css),
        new Route(get, Assets.JS_PATH, Access.PUBLIC, Assets::js),
        new Route(get, Assets.HTMX_PATH, Access.PUBLIC, Assets::htmx),
        new Route(get, Assets.ECHARTS_PATH, Access.PUBLIC, Assets::echarts),
        new Route(get, Assets.FAVICON_PATH, Access.PUBLIC, Assets::favicon),
        new Route(get, "/login", Access.PUBLIC, signIn::loginForm),
        new Route(post, "/login", Access.PUBLIC, signIn::login),
        new Route(post, "/logout", Access.SIGNED_IN, signIn::logout),
        new Route(get, "/setup", Access.PUBLIC, signIn::setupForm),
        new Route(post, "/setup", Access.PUBLIC, signIn::setup),
        new Route(get, "/invite/{token}", Access.PUBLIC, signIn::invitationForm),
        new Route(post, "/invite/{token}", Access.PUBLIC, signIn::acceptInvitation),
        new Route(get, "/", Access.SIGNED_IN, dashboards::company),
        new Route(get, "/account", Access.SIGNED_IN, accountPages::show),
        new Route(post, "/account/password", Access.SIGNED_IN, accountPages::changePassword),
        new Route(post, "/account/tokens", Access.SIGNED_IN, accountPages::createToken),
        new Route(post, "/account/tokens/{id}/revoke", Access.SIGNED_IN, accountPages::revokeToken),
        new Route(get, "/developers", Access.MANAGER, developerPages::show),
        new Route(post, "/developers", Access.ADMIN, developerPages::create),
        new Route(get, "/developers/import", Access.ADMIN, importPages::show), // before /developers/{id}
        new Route(post, "/developers/import/preview", Access.ADMIN, importPages::preview),
        new Route(post, "/developers/import", Access.ADMIN, importPages::confirm),
        new Route(get, "/developers/{id}/edit", Access.ADMIN, developerEdit::show),
        new Route(post, "/developers/{id}/edit", Access.ADMIN, developerEdit::details),
        new Route(post, "/developers/{id}/move", Access.ADMIN, developerEdit::move),
        new Route(post, "/developers/{id}/memberships", Access.ADMIN, developerEdit::addMembership),
        new Route(post, "/developers/{id}/memberships/{membershipId}", Access.ADMIN, developerEdit::membership),
        new Route(post, "/developers/{id}/memberships/{membershipId}/delete", Access.ADMIN, developerEdit::deleteMembership),
        new Route(post, "/developers/{id}/aliases", Access.ADMIN, developerEdit::addAlias),
        new Route(post, "/developers/{id}/aliases/{aliasId}/delete", Access.ADMIN, developerEdit::removeAlias),
        new Route(get, "/teams", Access.MANAGER, teamPages::show),
        new Route(post, "/teams", Access.ADMIN, teamPages::create),
        new Route(get, "/teams/{id}", Access.ADMIN, teamPages::edit),
        new Route(get, "/teams/{id}/dashboard", Access.MANAGER, dashboards::team),
        new Route(post, "/teams/{id}", Access.ADMIN, teamPages::update),
        new Route(get, "/invitations", Access.ADMIN, invitationPages::show),
        new Route(post, "/invitations", Access.ADMIN, invitationPages::invite),
        new Route(get, "/developers/{id}", Access.SIGNED_IN, profilePages::show),
        new Route(get, "/developers/{id}/telemetry/live", Access.SIGNED_IN, profilePages::live),
        new Route(get, "/rollout", Access.MANAGER, rolloutPage::show),
        new Route(get, "/identities", Access.ADMIN, identityPages::show),
        new Route(post, "/identities/link", Access.ADMIN, identityPages::link),
        new Route(post, "/identities/create", Access.ADMIN, identityPages::create),
        new Route(post, "/identities/ignore", Access.ADMIN, identityPages::ignore),
        new Route(get, "/integrations", Access.ADMIN, claudeCodePages::redirect),
        new Route(get, "/integrations/claude-code", Access.ADMIN, claudeCodePages::show),
        new Route(post, "/claude-code/config", Access.SIGNED_IN, claudeCodePages::blocks),
        new Route(post, "/claude-code/managed-settings.json", Access.SIGNED_IN, claudeCodePages::download),
        new Route(post, "/integrations/anthropic", Access.ADMIN, integrationPages::save),
        new Route(post, "/integrations/anthropic/test", Access.ADMIN, integrationPages::test),
        new Route(post, "/integrations/anthropic/sync", Access.ADMIN, integrationPages::syncNow),
        new Route(get, "/repositories", Access.ADMIN, repositoryPages::show),
        new Route(post, "/repositories", Access.ADMIN, repositoryPages::add),
        new Route(post, "/repositories/{id}/import", Access.ADMIN, repositoryPages::importNow),
        new Route(get, "/integrations/claude-code/tokens", Access.ADMIN, tokenPages::orgSection),
        new Route(post, "/integrations/claude-code/tokens", Access.ADMIN, tokenPages::orgCreate),
        new Route(post, "/integrations/claude-code/tokens/{id}/rotate", Access.ADMIN, tokenPages::orgRotate),
        new Route(post, "/integrations/claude-code/tokens/{id}/revoke", Access.ADMIN, tokenPages::orgRevoke),
        new Route(get, "/developers/{id}/ingest-tokens", Access.SIGNED_IN, tokenPages::personalSection),
        new Route(post, "/developers/{id}/ingest-tokens", Access.SIGNED_IN, tokenPages::personalCreate),
        new Route(post, "/developers/{id}/ingest-tokens/{tokenId}/revoke", Access.SIGNED_IN, tokenPages::personalRevoke),
        // JSON API
        new Route(get, OpenApiEndpoint.PATH, Access.PUBLIC, OpenApiEndpoint::serve), // describes the software, not the data
        new Route(post, "/api/v1/ingest-tokens", Access.ADMIN, ingestTokens::create),
        new Route(get, "/api/v1/ingest-tokens", Access.ADMIN, ingestTokens::list),
        new Route(delete, "/api/v1/ingest-tokens/{id}", Access.ADMIN, ingestTokens::revoke),
        new Route(post, "/api/v1/ingest-tokens/{id}/rotate", Access.ADMIN, ingestTokens::rotate),
        new Route(post, "/api/v1/developers/{id}/ingest-tokens", Access.SIGNED_IN, ingestTokens::createPersonal),
        new Route(get, "/api/v1/developers/{id}/ingest-tokens", Access.SIGNED_IN, ingestTokens::listPersonal),
        new Route(delete, "/api/v1/developers/{id}/ingest-tokens/{tokenId}", Access.SIGNED_IN, ingestTokens::revokePersonal),
        new Route(post, "/api/v1/data/removals", Access.ADMIN, removals::create),
        new Route(get, "/api/v1/data/removals", Access.ADMIN, removals::list),
        new Route(get, "/api/v1/data/removals/{id}", Access.ADMIN, removals::get),
        new Route(get, "/api/v1/report", Access.SIGNED_IN, report::report),
        new Route(get, "/api/v1/impact", Access.SIGNED_IN, impact::impact),
        new Route(get, "/api/v1/adoption", Access.SIGNED_IN, breakdowns::adoption),
        new Route(get, "/api/v1/acceptance", Access.SIGNED_IN, breakdowns::acceptance),
        new Route(get, "/api/v1/spend", Access.SIGNED_IN, breakdowns::spend),
        new Route(get, "/api/v1/timeseries", Access.SIGNED_IN, timeseries::timeseries),
        new Route(post, "/api/v1/claude-code/config", Access.SIGNED_IN, claudeCode::generate),
        new Route(post, "/api/v1/developers", Access.ADMIN, developers::create),
        new Route(get, "/api/v1/developers", Access.MANAGER, developers::list),
        new Route(post, "/api/v1/developers/import", Access.ADMIN, developers::importCsv),
        new Route(get, "/api/v1/developers/export", Access.ADMIN, developers::exportCsv),
        new Route(get, "/api/v1/developers/{id}", Access.SIGNED_IN, developers::get),
        new Route(patch, "/api/v1/developers/{id}", Access.ADMIN, developers::update),
        new Route(post, "/api/v1/developers/{id}/aliases", Access.ADMIN, developers::addAlias),
        new Route(delete, "/api/v1/developers/{id}/aliases/{aliasId}", Access.ADMIN, developers::removeAlias),
        new Route(put, "/api/v1/developers/{id}/team", Access.ADMIN, developers::moveTeam),
        new Route(get, "/api/v1/developers/{id}/memberships", Access.SIGNED_IN, developers::memberships),
        new Route(get, "/api/v1/developers/{id}/telemetry", Access.SIGNED_IN, telemetryStatus::get),
        new Route(post, "/api/v1/developers/{id}/memberships", Access.ADMIN, memberships::add),
        new Route(patch, "/api/v1/developers/{id}/memberships/{membershipId}", Access.ADMIN, memberships::update),
        new Route(delete, "/api/v1/developers/{id}/memberships/{membershipId}", Access.ADMIN, memberships::delete),
        new Route(get, "/api/v1/teams", Access.MANAGER, teams::list),
        new Route(post, "/api/v1/teams", Access.ADMIN, teams::create),
        new Route(patch, "/api/v1/teams/{id}", Access.ADMIN, teams::update),
        new Route(get, "/api/v1/identities/unmatched", Access.ADMIN, identities::unmatched),
        new Route(get, "/api/v1/rollout", Access.MANAGER, rollout::get),
        new Route(post, "/api/v1/identities/link", Access.ADMIN, identities::link),
        new Route(post, "/api/v1/identities/ignore", Access.ADMIN, identities::ignore),
        new Route(post, "/api/v1/identities/create-developer", Access.ADMIN, identities::createDeveloper),
        new Route(get, "/api/v1/account", Access.SIGNED_IN, account::me),
        new Route(post, "/api/v1/account/password", Access.SIGNED_IN, account::changePassword),
        new Route(get, "/api/v1/account/tokens", Access.SIGNED_IN, account::listTokens),
        new Route(post, "/api/v1/account/tokens", Access.SIGNED_IN, account::createToken),
        new Route(delete, "/api/v1/account/tokens/{id}", Access.SIGNED_IN, account::revokeToken),
        new Route(post, "/api/v1/invitations", Access.ADMIN, account::invite),
        new Route(get, "/api/v1/integrations/anthropic", Access.ADMIN, anthropic::get),
        new Route(put, "/api/v1/integrations/anthropic", Access.ADMIN, anthropic::save),
        new Route(delete, "/api/v1/integrations/anthropic", Access.ADMIN, anthropic::delete),
        new Route(post, "/api/v1/integrations/anthropic/test", Access.ADMIN, anthropic::test),
        new Route(post, "/api/v1/integrations/anthropic/sync", Access.ADMIN, anthropic::sync),
        new Route(post, "/api/v1/repositories", Access.ADMIN, repositories::create),
        new Route(get, "/api/v1/repositories", Access.ADMIN, repositories::list),
        new Route(get, "/api/v1/repositories/{id}", Access.ADMIN, repositories::get),
        new Route(post, "/api/v1/repositories/{id}/import", Access.ADMIN, repositories::importNow),
        new Route(delete, "/api/v1/repositories/{id}", Access.ADMIN, repositories::delete));
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
      // the OTLP receivers first; Javalin adds its servlet context to this sequence for every other route
      config.jetty.modifyServer(server -> server.setHandler(new Handler.Sequence(otlp)));
      config.jsonMapper(new JavalinJackson(mapper, false));
      config.requestLogger.http(this::recordRequest);
      config.routes.before(SecurityHeaders::apply);
      config.routes.beforeMatched(authn::check);
      for (Route r : routes) {
        if (r.otlp() != null) {
          continue; // served by the OTLP handler
        }
        config.routes.addHttpHandler(r.method(), r.path(), r.handler(), r.access());
        if (r.method() == HandlerType.GET) {
          // Javalin's implicit HEAD carries no access rule; HEAD is GET without the body (Jetty drops it)
          config.routes.addHttpHandler(HandlerType.HEAD, r.path(), r.handler(), r.access());
        }
      }
      config.routes.exception(IllegalArgumentException.class, (e, ctx) -> error(ctx, 400, "bad_request", e.getMessage()));
      config.routes.exception(ConflictException.class, (e, ctx) -> error(ctx, 409, "conflict", e.getMessage()));
      config.routes.exception(NotFoundException.class, (e, ctx) -> error(ctx, 404, "not_found", e.getMessage()));
      config.routes.exception(ForbiddenException.class, (e, ctx) -> error(ctx, 403, "forbidden", e.getMessage()));
      config.routes.exception(HttpProblem.class, (e, ctx) -> problem(ctx, e));
      config.routes.exception(AccountService.TooManyAttempts.class, (e, ctx) -> {
        ctx.header("Retry-After", Long.toString(e.retryAfterSeconds()));
        error(ctx, 429, "too_many_attempts", e.getMessage());
      });
      config.routes.exception(StorageUnavailableException.class, (e, ctx) -> {
        ctx.header("Retry-After", "5");
        error(ctx, 503, "unavailable", e.getMessage());
      });
      config.routes.exception(Exception.class, (e, ctx) -> {
        if (dev.yardstick.storage.SqlFailure.unavailable(e)) {
          ctx.header("Retry-After", "5"); // the database is away: say so, never 500 for it
          error(ctx, 503, "unavailable", "the database is unreachable");
          return;
        }
        log.error("{} {} failed", ctx.method(), ctx.path(), e);
        error(ctx, 500, "internal", "internal error");
      });
      // no route: Javalin's own plain "Endpoint ... not found" is replaced
      config.routes.exception(io.javalin.router.EndpointNotFound.class, (e, ctx) -> noRoute(ctx));
      config.routes.error(404, ctx -> {
        if (ctx.result() == null) {
          noRoute(ctx);
        }
      });
    });
    app.start();
  }

  public int port() {
    return app.port();
  }

  private void noRoute(Context ctx) {
    error(ctx, 404, "not_found", ErrorPages.isPage(ctx.path()) ? "There is no page at " + ctx.path() + "."
        : "no route " + ctx.method() + " " + ctx.path());
  }

  /** A page asked for without a session goes to the sign-in page; an API call gets the status. */
  private void problem(Context ctx, HttpProblem e) {
    boolean browser = ctx.header("Authorization") == null;
    if (e.status() == 401 && browser && (ctx.method() == HandlerType.GET || ctx.method() == HandlerType.HEAD)
        && !ctx.path().startsWith("/api/")) {
      ctx.redirect("/login?next=" + URLEncoder.encode(ctx.path(), StandardCharsets.UTF_8), HttpStatus.FOUND);
      return;
    }
    error(ctx, e.status(), e.status() == 401 ? "unauthorized" : "forbidden", e.getMessage());
  }

  private void recordRequest(Context ctx, Float millis) {
    metrics.request("http", route(ctx), ctx.statusCode(), (long) (millis * 1_000_000L));
  }

  /** The matched path template (never the raw URL, which would make a metric per URL); Javalin throws when none matched. */
  private static String route(Context ctx) {
    try {
      return ctx.endpoint().path;
    } catch (RuntimeException unmatched) {
      return "unmatched";
    }
  }

  /** Pages get an HTML page in their frame, the API its JSON. */
  private void error(Context ctx, int status, String code, String message) {
    if (ErrorPages.isPage(ctx.path())) {
      ErrorPages.render(ctx, status, message, signedIn(ctx));
      return;
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("error", code);
    body.put("message", message);
    ctx.status(status).json(body);
  }

  /** Who is signed in, for the error page's menu: the route's check may have failed or, for an unknown path, never run. */
  private Principal signedIn(Context ctx) {
    Principal p = ctx.attribute(ApiRequests.PRINCIPAL);
    if (p != null) {
      return p;
    }
    try {
      return authn.caller(ctx).orElse(null);
    } catch (RuntimeException unavailable) {
      return null; // the database may be what failed: the page still renders, without the menu
    }
  }

  @Override
  public void close() {
    if (app != null) {
      app.stop();
    }
  }
}
