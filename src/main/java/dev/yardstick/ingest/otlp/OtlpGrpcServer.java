package dev.yardstick.ingest.otlp;

import dev.yardstick.auth.TokenAuthenticator;
import dev.yardstick.ingest.BodyBudget;
import dev.yardstick.model.Signal;
import dev.yardstick.ops.ServerMetrics;
import io.grpc.MethodDescriptor;
import io.grpc.Server;
import io.grpc.ServerServiceDefinition;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.opentelemetry.proto.collector.logs.v1.LogsServiceGrpc;
import io.opentelemetry.proto.collector.metrics.v1.MetricsServiceGrpc;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;

/**
 * OTLP/gRPC: MetricsService/Export and LogsService/Export, with the ingest token in the
 * {@code authorization} metadata and the optional {@code x-yardstick-user-email} entry. Messages
 * are held to the limits of OTLP/HTTP bodies: the same cap, the same budget, the same pace.
 */
public final class OtlpGrpcServer implements AutoCloseable {
  /** Per connection and per stream: what a client may send before gRPC reads it (auto-tuning could grow it to 8 MiB). */
  private static final int FLOW_CONTROL_WINDOW = 1 << 20;
  /** gRPC logs a warning with a stack trace for every message over the cap: a client's error, answered with its status. */
  private static final java.util.logging.Logger DEFRAME_LOG =
      java.util.logging.Logger.getLogger("io.grpc.netty.shaded.io.grpc.netty.NettyServerStream");

  static {
    DEFRAME_LOG.setLevel(java.util.logging.Level.SEVERE);
  }

  private final String host;
  private final int port;
  private final OtlpIngest ingest;
  private final TokenAuthenticator auth;
  private final ServerMetrics metrics;
  private final long maxBodyBytes;
  private final long timeoutMillis;
  private final BodyBudget bodies;
  private Server server;

  public OtlpGrpcServer(String host, int port, OtlpIngest ingest, TokenAuthenticator auth, ServerMetrics metrics,
      long maxBodyBytes, long timeoutMillis, BodyBudget bodies) {
    this.host = host;
    this.port = port;
    this.ingest = ingest;
    this.auth = auth;
    this.metrics = metrics;
    this.maxBodyBytes = maxBodyBytes;
    this.timeoutMillis = timeoutMillis;
    this.bodies = bodies;
  }

  public void start() throws IOException {
    server = NettyServerBuilder.forAddress(new InetSocketAddress(host, port))
        .maxInboundMessageSize((int) Math.min(Integer.MAX_VALUE, maxBodyBytes))
        .flowControlWindow(FLOW_CONTROL_WINDOW)
        .addStreamTracerFactory(GrpcBody.factory(bodies))
        .addService(service(MetricsServiceGrpc.SERVICE_NAME, Signal.METRICS))
        .addService(service(LogsServiceGrpc.SERVICE_NAME, Signal.LOGS))
        .build()
        .start();
  }

  /** The service's Export taking the message as gRPC received it (bytes), answering the response's bytes. */
  private ServerServiceDefinition service(String name, Signal signal) {
    MethodDescriptor<InputStream, byte[]> export = MethodDescriptor.<InputStream, byte[]>newBuilder()
        .setType(MethodDescriptor.MethodType.UNARY)
        .setFullMethodName(MethodDescriptor.generateFullMethodName(name, "Export"))
        .setRequestMarshaller(new MethodDescriptor.Marshaller<>() {
          @Override
          public InputStream stream(InputStream value) {
            return value;
          }

          @Override
          public InputStream parse(InputStream stream) {
            return stream; // read by the handler, into the body budget
          }
        })
        .setResponseMarshaller(new MethodDescriptor.Marshaller<>() {
          @Override
          public InputStream stream(byte[] value) {
            return new ByteArrayInputStream(value);
          }

          @Override
          public byte[] parse(InputStream stream) {
            throw new UnsupportedOperationException("server side only");
          }
        })
        .build();
    return ServerServiceDefinition.builder(name)
        .addMethod(export, new GrpcExport(signal, ingest, auth, metrics, maxBodyBytes, timeoutMillis))
        .build();
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
}
