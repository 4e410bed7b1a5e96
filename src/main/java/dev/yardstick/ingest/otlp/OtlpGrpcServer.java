package dev.yardstick.ingest.otlp;

import com.google.rpc.BadRequest;
import dev.yardstick.auth.TokenAuthenticator;
import dev.yardstick.ingest.OverloadedException;
import dev.yardstick.model.IngestSender;
import dev.yardstick.ops.ServerMetrics;
import dev.yardstick.storage.StorageUnavailableException;
import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.Metadata;
import io.grpc.Server;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.protobuf.StatusProto;
import io.grpc.stub.StreamObserver;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsPartialSuccess;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceResponse;
import io.opentelemetry.proto.collector.logs.v1.LogsServiceGrpc;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsPartialSuccess;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceResponse;
import io.opentelemetry.proto.collector.metrics.v1.MetricsServiceGrpc;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * OTLP/gRPC: MetricsService/Export and LogsService/Export, with the ingest token in the
 * {@code authorization} metadata and the optional {@code x-yardstick-user-email} entry.
 */
public final class OtlpGrpcServer implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(OtlpGrpcServer.class);
  private static final Metadata.Key<String> AUTHORIZATION = Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);
  private static final Metadata.Key<String> USER_EMAIL = Metadata.Key.of("x-yardstick-user-email", Metadata.ASCII_STRING_MARSHALLER);
  private static final Context.Key<IngestSender> SENDER = Context.key("yardstick.sender");
  private static final Context.Key<String> EMAIL = Context.key("yardstick.email");

  private final String host;
  private final int port;
  private final OtlpIngest ingest;
  private final TokenAuthenticator auth;
  private final ServerMetrics metrics;
  private final long maxBodyBytes;
  private final long timeoutMillis;
  private final OtlpProtoDecoder proto = new OtlpProtoDecoder();
  private Server server;

  public OtlpGrpcServer(String host, int port, OtlpIngest ingest, TokenAuthenticator auth, ServerMetrics metrics,
      long maxBodyBytes, long timeoutMillis) {
    this.host = host;
    this.port = port;
    this.ingest = ingest;
    this.auth = auth;
    this.metrics = metrics;
    this.maxBodyBytes = maxBodyBytes;
    this.timeoutMillis = timeoutMillis;
  }

  public void start() throws IOException {
    ServerInterceptor authn = new AuthInterceptor();
    server = NettyServerBuilder.forAddress(new InetSocketAddress(host, port))
        .maxInboundMessageSize((int) Math.min(Integer.MAX_VALUE, maxBodyBytes))
        .addService(ServerInterceptors.intercept(new Metrics(), authn))
        .addService(ServerInterceptors.intercept(new Logs(), authn))
        .build()
        .start();
  }

  public int port() {
    return server.getPort();
  }

  @Override
  public void close() throws InterruptedException {
    if (server != null) {
      server.shutdown();
      if (!server.awaitTermination(10, TimeUnit.SECONDS)) {
        server.shutdownNow();
      }
    }
  }

  private final class Metrics extends MetricsServiceGrpc.MetricsServiceImplBase {
    @Override
    public void export(ExportMetricsServiceRequest request, StreamObserver<ExportMetricsServiceResponse> out) {
      answer("metrics", out, () -> ingest.exportMetrics(SENDER.get(), proto.fromProto(request), EMAIL.get(),
          request.getSerializedSize()), a -> a.rejected() == 0 ? ExportMetricsServiceResponse.getDefaultInstance()
              : ExportMetricsServiceResponse.newBuilder().setPartialSuccess(ExportMetricsPartialSuccess.newBuilder()
                  .setRejectedDataPoints(a.rejected()).setErrorMessage(a.message())).build());
    }
  }

  private final class Logs extends LogsServiceGrpc.LogsServiceImplBase {
    @Override
    public void export(ExportLogsServiceRequest request, StreamObserver<ExportLogsServiceResponse> out) {
      answer("logs", out, () -> ingest.exportLogs(SENDER.get(), proto.fromProto(request), EMAIL.get(),
          request.getSerializedSize()), a -> a.rejected() == 0 ? ExportLogsServiceResponse.getDefaultInstance()
              : ExportLogsServiceResponse.newBuilder().setPartialSuccess(ExportLogsPartialSuccess.newBuilder()
                  .setRejectedLogRecords(a.rejected()).setErrorMessage(a.message())).build());
    }
  }

  private <R> void answer(String signal, StreamObserver<R> out, java.util.function.Supplier<CompletableFuture<OtlpIngest.Accepted>> call,
      Function<OtlpIngest.Accepted, R> response) {
    long started = System.nanoTime();
    CompletableFuture<OtlpIngest.Accepted> f;
    try {
      f = call.get().orTimeout(timeoutMillis, TimeUnit.MILLISECONDS);
    } catch (RuntimeException e) {
      f = CompletableFuture.failedFuture(e);
    }
    f.whenComplete((accepted, err) -> {
      if (err == null) {
        out.onNext(response.apply(accepted));
        out.onCompleted();
        metrics.request("grpc", signal, 0, System.nanoTime() - started);
        return;
      }
      StatusRuntimeException s = toStatus(signal, err instanceof CompletionException && err.getCause() != null ? err.getCause() : err);
      metrics.request("grpc", signal, s.getStatus().getCode().value(), System.nanoTime() - started);
      out.onError(s);
    });
  }

  private StatusRuntimeException toStatus(String signal, Throwable e) {
    if (e instanceof StorageUnavailableException || e instanceof TimeoutException) {
      metrics.exportRefused(signal, "unavailable");
      return Status.UNAVAILABLE.withDescription("the export was not stored: the database is unavailable; retry later").asRuntimeException();
    }
    if (e instanceof OverloadedException) {
      metrics.exportRefused(signal, "overloaded");
      return Status.UNAVAILABLE.withDescription(e.getMessage() + "; retry shortly").asRuntimeException();
    }
    if (e instanceof IllegalArgumentException) {
      metrics.exportRefused(signal, "bad_request");
      return StatusProto.toStatusRuntimeException(com.google.rpc.Status.newBuilder()
          .setCode(Status.Code.INVALID_ARGUMENT.value()).setMessage(e.getMessage())
          .addDetails(com.google.protobuf.Any.pack(BadRequest.newBuilder().addFieldViolations(
              BadRequest.FieldViolation.newBuilder().setField("request").setDescription(e.getMessage())).build()))
          .build());
    }
    log.error("gRPC export failed", e);
    metrics.exportRefused(signal, "internal");
    return Status.INTERNAL.withDescription("the export could not be stored").asRuntimeException();
  }

  /** Resolves the ingest token before any message is read; unknown tokens get UNAUTHENTICATED. */
  private final class AuthInterceptor implements ServerInterceptor {
    @Override
    public <Q, A> ServerCall.Listener<Q> interceptCall(ServerCall<Q, A> call, Metadata headers, ServerCallHandler<Q, A> next) {
      IngestSender sender;
      try {
        sender = auth.ingestSender(headers.get(AUTHORIZATION)).orElse(null);
      } catch (StorageUnavailableException e) {
        call.close(Status.UNAVAILABLE.withDescription("the database is unavailable; retry later"), new Metadata());
        return new ServerCall.Listener<>() { };
      }
      if (sender == null) {
        metrics.exportRefused(call.getMethodDescriptor().getServiceName().contains("Logs") ? "logs" : "metrics", "unauthorized");
        call.close(Status.UNAUTHENTICATED.withDescription(
            "missing or unknown ingest token: send authorization: Bearer tk_<id>:sk_<secret>"), new Metadata());
        return new ServerCall.Listener<>() { };
      }
      Context ctx = Context.current().withValue(SENDER, sender).withValue(EMAIL, headers.get(USER_EMAIL));
      return Contexts.interceptCall(ctx, call, headers, next);
    }
  }
}
