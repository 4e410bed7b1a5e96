package dev.yardstick;

import dev.yardstick.auth.AccountService;
import dev.yardstick.auth.TokenAuthenticator;
import dev.yardstick.auth.Tokens;
import dev.yardstick.config.Config;
import dev.yardstick.ingest.BodyBudget;
import dev.yardstick.ingest.BodyPace;
import dev.yardstick.ingest.SeenWriter;
import dev.yardstick.ingest.WriteQueue;
import dev.yardstick.ingest.anthropic.AdminApiClient;
import dev.yardstick.ingest.anthropic.AnthropicSync;
import dev.yardstick.auth.SecretBox;
import dev.yardstick.removal.DataRemoval;
import dev.yardstick.storage.AdminUsageQueries;
import dev.yardstick.storage.AdminUsageRemoval;
import dev.yardstick.storage.RemovalLog;
import dev.yardstick.storage.TelemetryRemoval;
import dev.yardstick.storage.AnthropicStore;
import dev.yardstick.storage.CommitStore;
import dev.yardstick.ops.Chores;
import dev.yardstick.people.SightingSources;
import dev.yardstick.storage.GitQueries;
import dev.yardstick.storage.RepositoryStore;
import dev.yardstick.repos.RepositoryService;
import dev.yardstick.storage.InstanceSettings;
import dev.yardstick.storage.LoginFailureStore;
import dev.yardstick.storage.PrivateFiles;
import dev.yardstick.ingest.otlp.OtlpGrpcServer;
import dev.yardstick.ingest.otlp.OtlpIngest;
import dev.yardstick.metrics.ReportService;
import dev.yardstick.ops.ServerMetrics;
import dev.yardstick.people.PeopleService;
import dev.yardstick.storage.AccountStore;
import dev.yardstick.storage.Database;
import dev.yardstick.storage.OrgStore;
import dev.yardstick.storage.PeopleStore;
import dev.yardstick.metrics.Answers;
import dev.yardstick.storage.ReportCache;
import dev.yardstick.storage.ReportQueries;
import dev.yardstick.storage.TelemetryStore;
import dev.yardstick.storage.SyncedWriter;
import dev.yardstick.storage.TelemetryWriter;
import dev.yardstick.storage.TokenStore;
import dev.yardstick.web.WebServer;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The composition root: builds every part from the config, starts them in order, stops them in reverse. */
public final class App implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(App.class);
  // how often the repositories due for a follow are looked for: one cheap read of the repository list
  private static final java.time.Duration GIT_FOLLOW_CHECK = java.time.Duration.ofSeconds(2);

  private final Config config;
  private final Clock clock;
  private Database db;
  private WriteQueue queue;
  private BodyBudget bodies;
  private SeenWriter seen;
  private PeopleService people;
  private TelemetryStore telemetry;
  private TokenAuthenticator auth;
  private WebServer web;
  private OtlpGrpcServer grpc;
  private Chores chores;
  private AnthropicSync anthropic;
  private RepositoryService repositories;
  private long defaultOrgId;
  private volatile boolean ready;
  private boolean bootstrapAccounts = true;

  private final UnaryOperator<TelemetryWriter> writerOverride;

  public App(Config config, Clock clock) {
    this(config, clock, UnaryOperator.identity());
  }

  /** @param writerOverride replaces where exports are committed (the ingest benchmark's discarding reference) */
  public App(Config config, Clock clock, UnaryOperator<TelemetryWriter> writerOverride) {
    this.config = config;
    this.clock = clock;
    this.writerOverride = writerOverride;
  }

  /** No admin and no setup code at start: the demo's in-process server only takes telemetry. */
  public App withoutAccountBootstrap() {
    bootstrapAccounts = false;
    return this;
  }

  /**
   * Starts the database, the HTTP server and the gRPC server side by side (start-up time is mostly
   * class loading, and there are two cores); /readyz answers 503 until the database is ready.
   */
  public void start() throws Exception {
    long started = System.nanoTime();
    PrivateFiles.directory(config.dataDir()); // the key file, the embedded database and git mirrors live here
    db = new Database(config.dbUrl().orElse(Database.embeddedUrl(config.dataDir())), config.dbUser(),
        config.dbPassword(), config.dbPoolSize());
    OrgStore orgs = new OrgStore(db);
    TokenStore tokens = new TokenStore(db);
    PeopleStore peopleStore = new PeopleStore(db);
    AccountStore accountStore = new AccountStore(db);
    people = new PeopleService(peopleStore, clock);
    SecretBox secrets = SecretBox.load(config.secretKey(), config.dataDir());
    AccountService accounts = new AccountService(accountStore, new LoginFailureStore(db), peopleStore, secrets, clock);
    ServerMetrics metrics = new ServerMetrics();
    telemetry = new TelemetryStore(db, orgs);
    queue = new WriteQueue(writerOverride.apply(SyncedWriter.around(telemetry, db, config.h2SyncCommits())), metrics, clock,
        config.ingestQueueBytes());
    seen = new SeenWriter(telemetry, 1000); // the profile's live check turns green within about a second of an export
    auth = new TokenAuthenticator(tokens, accountStore, clock);
    OtlpIngest ingest = new OtlpIngest(queue, metrics, clock);
    // one budget for the bodies arriving over HTTP and gRPC, the size of the queue's
    bodies = new BodyBudget(config.ingestQueueBytes(),
        new BodyPace(java.time.Duration.ofMillis(config.bodyTimeoutMillis()), config.bodyMinRate()));
    metrics.bodyGauges(bodies::arriving, bodies::used);
    bodies.start();
    ReportCache reportCache = config.reportCacheRows() == 0 ? null : new ReportCache(db, orgs, clock, config.reportCacheRows());
    AdminUsageQueries adminUsage = new AdminUsageQueries(db, reportCache);
    anthropic = new AnthropicSync(new AnthropicStore(db), secrets, AdminApiClient.standard(config.anthropicApiUrl()), clock,
        AdminApiClient.MAX_PAGE, metrics);
    people.addSightingSource(SightingSources.adminApi(adminUsage));
    GitQueries gitQueries = new GitQueries(db, reportCache);
    repositories = new RepositoryService(new RepositoryStore(db), new CommitStore(db), orgs, secrets, clock,
        repositorySettings(config));
    people.addSightingSource(SightingSources.git(gitQueries));
    ReportQueries reportQueries = new ReportQueries(db, reportCache);
    ReportService reports = new ReportService(reportQueries, adminUsage, gitQueries, orgs, people, config.minGroupSize(),
        reportCache == null ? null : new Answers(reportQueries, people, 1_000));
    DataRemoval removals = dataRemoval(db, orgs, tokens, reportQueries, adminUsage, people, clock);
    web = new WebServer(config.httpHost(), config.httpPort(), new WebServer.Parts(db, ingest, auth, tokens, accounts, people,
        reports, anthropic, repositories, removals, metrics, clock, config.publicUrl(), config.maxBodyBytes(), bodies,
        config.ingestTimeoutMillis(), config.managersSeeIndividuals(), () -> ready, config.trustedProxies()));
    if (config.grpcPort() != 0) {
      grpc = new OtlpGrpcServer(config.httpHost(), config.grpcPort(), ingest, auth, metrics, config.maxBodyBytes(),
          config.ingestTimeoutMillis(), bodies);
    }
    CompletableFuture<Void> database = inBackground("database", () -> {
      db.start();
      verifySecretKey(new InstanceSettings(db), secrets);
      Instant now = clock.instant();
      defaultOrgId = orgs.ensureDefault(now);
      config.bootstrapApiToken().ifPresent(t ->
          tokens.createApiTokenIfAbsent(defaultOrgId, "bootstrap", Tokens.sha256(t), "admin", now));
      (bootstrapAccounts ? accounts.bootstrap(defaultOrgId, config.bootstrapAdminEmail(), config.bootstrapAdminPassword())
          : java.util.Optional.<String>empty()).ifPresent(code ->
          // printed, not logged: log files outlive the moment the code is needed
          System.err.println("\nNo admin yet. Open " + config.publicUrl() + "/setup and enter the setup code " + code
              + " (good for one hour; a restart prints a fresh one)\n"));
      queue.start();
      seen.start();
    });
    try {
      web.start();
      if (grpc != null) {
        grpc.start();
      }
      join(database);
    } catch (Exception e) {
      close(); // a refused start leaves no port open and no thread running
      throw e;
    }
    ready = true;
    chores = new Chores();
    chores.every("token-last-used", 30, 30, this::flushLastUsed);
    chores.every("identity-auto-link", 5, 60, () -> people.autoLink(defaultOrgId));
    chores.every("anthropic-sync", 15, 60, anthropic::tick);
    repositories.follow(GIT_FOLLOW_CHECK);
    chores.every("account-cleanup", 60, 3600, accounts::cleanUp);
    log.info("Yardstick ready in {} ms: http://{}:{}{}, database {}", (System.nanoTime() - started) / 1_000_000,
        config.httpHost(), web.port(), grpc == null ? "" : ", OTLP/gRPC port " + grpc.port(), db.describe());
  }

  /** The server and the {@code repos} command read repositories under the same rules. */
  static RepositoryService.Settings repositorySettings(Config config) {
    return new RepositoryService.Settings(config.dataDir(), java.time.Duration.ofDays(config.reworkWindowDays()),
        config.szzMaxFixLines(), java.time.Duration.ofMinutes(config.gitFollowMinutes()),
        java.time.Duration.ofSeconds(config.gitTimeoutSeconds()), config.gitAllowHttp(), config.repositoryRoots());
  }

  /** Data removal and its audit log, for the API and the command line alike. */
  static DataRemoval dataRemoval(Database db, OrgStore orgs, TokenStore tokens, ReportQueries identities,
      AdminUsageQueries adminUsage, PeopleService people, Clock clock) {
    return new DataRemoval(new TelemetryRemoval(db, orgs), new AdminUsageRemoval(db), new RemovalLog(db), tokens, identities,
        adminUsage, people, clock);
  }

  /**
   * Fails start-up when YARDSTICK_SECRET_KEY (or the key file) is not the key the database's secrets
   * were sealed with, instead of failing later at every sync.
   */
  static void verifySecretKey(InstanceSettings settings, SecretBox box) {
    String name = "secret_key_check";
    settings.putIfAbsent(name, box.seal("yardstick", name));
    try {
      box.open(settings.get(name).orElseThrow(), name);
    } catch (SecretBox.WrongKeyException e) {
      throw new dev.yardstick.config.ConfigException("YARDSTICK_SECRET_KEY", "(hidden)",
          "is not the key this database's secrets were encrypted with (set the original key, or restore the key file in the data directory)");
    }
  }



  public RepositoryService repositories() {
    return repositories;
  }

  public AnthropicSync anthropic() {
    return anthropic;
  }

  private interface Step {
    void run() throws Exception;
  }

  private static CompletableFuture<Void> inBackground(String name, Step step) {
    CompletableFuture<Void> done = new CompletableFuture<>();
    Thread.ofPlatform().name("yardstick-start-" + name).start(() -> {
      try {
        step.run();
        done.complete(null);
      } catch (Throwable e) {
        done.completeExceptionally(e);
      }
    });
    return done;
  }

  private static void join(CompletableFuture<Void> f) throws Exception {
    try {
      f.get();
    } catch (ExecutionException e) {
      throw e.getCause() instanceof Exception ex ? ex : e;
    }
  }

  public int httpPort() {
    return web.port();
  }

  public int grpcPort() {
    return grpc == null ? 0 : grpc.port();
  }

  public long defaultOrgId() {
    return defaultOrgId;
  }

  public WebServer web() {
    return web;
  }

  /** Writes identities' first/last seen, who used which token and tokens' last use now instead of at the next tick (for tests). */
  public void writeSeen() throws java.sql.SQLException {
    telemetry.writeSeen();
    auth.flushLastUsed();
  }


  public PeopleService people() {
    return people;
  }

  private void flushLastUsed() {
    try {
      auth.flushLastUsed();
    } catch (RuntimeException e) {
      log.warn("could not record token last-used times: {}", e.getMessage());
    }
  }

  /** Stops taking requests, stores what is queued, then closes the database. */
  @Override
  public void close() throws Exception {
    if (web != null) {
      web.close();
    }
    if (grpc != null) {
      grpc.close();
    }
    if (chores != null) {
      chores.close(); // chores give their leases back before the database closes
    }
    if (anthropic != null) {
      anthropic.close();
    }
    if (repositories != null) {
      repositories.close();
    }
    if (bodies != null) {
      bodies.close();
    }
    if (queue != null) {
      queue.close();
    }
    if (seen != null) {
      seen.close();
    }
    if (auth != null) {
      flushLastUsed();
    }
    if (db != null) {
      db.closeCompacted();
    }
  }
}
