package dev.yardstick.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.google.rpc.BadRequest;
import com.google.rpc.RetryInfo;
import dev.yardstick.testing.ClaudeCodeExports;
import dev.yardstick.testing.RawGrpcStream;
import dev.yardstick.testing.TestDatabases;
import dev.yardstick.testing.TestServer;
import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientInterceptors;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.protobuf.StatusProto;
import io.grpc.stub.ClientCalls;
import io.grpc.stub.MetadataUtils;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.metrics.v1.AggregationTemporality;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.metrics.v1.NumberDataPoint;
import io.opentelemetry.proto.metrics.v1.ResourceMetrics;
import io.opentelemetry.proto.metrics.v1.ScopeMetrics;
import io.opentelemetry.proto.metrics.v1.Sum;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * OTLP/gRPC with gRPC's own Java client (and, for partial messages, a hand-written HTTP/2 stream):
 * each failure answers the status the OTLP specification maps it to, and gRPC bodies take their
 * bytes from the same budget as HTTP bodies, paced the same way.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ITOtlpGrpc {
  static final String METRICS = "opentelemetry.proto.collector.metrics.v1.MetricsService/Export";
  private static final MethodDescriptor.Marshaller<byte[]> BYTES = new MethodDescriptor.Marshaller<>() {
    @Override
    public InputStream stream(byte[] value) {
      return new ByteArrayInputStream(value);
    }

    @Override
    public byte[] parse(InputStream stream) {
      try {
        return stream.readAllBytes();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  };
  private static final MethodDescriptor<byte[], byte[]> EXPORT = MethodDescriptor.<byte[], byte[]>newBuilder()
      .setType(MethodDescriptor.MethodType.UNARY).setFullMethodName(METRICS)
      .setRequestMarshaller(BYTES).setResponseMarshaller(BYTES).build();

  private TestServer server;
  private String token;
  private ManagedChannel channel;

  @BeforeAll
  void start() throws Exception {
    server = TestServer.start(TestDatabases.h2(), Map.of("YARDSTICK_INGEST_QUEUE_BYTES", "1048576",
        "YARDSTICK_MAX_BODY_BYTES", "4194304", "YARDSTICK_BODY_TIMEOUT_MS", "3000"));
    token = server.newIngestToken("grpc");
    channel = NettyChannelBuilder.forAddress("127.0.0.1", server.grpcPort()).usePlaintext()
        .maxInboundMessageSize(16 << 20).build();
  }

  @AfterAll
  void stop() throws Exception {
    channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    server.close();
  }

  @Test
  void validExport_isStored() throws Exception {
    byte[] answer = export(token, oneCommit("grpc-raw@example.com", 1_795_000_000L).toByteArray());

    assertThat(answer).isEmpty(); // ExportMetricsServiceResponse without partial_success
    assertThat(ClaudeCodeExports.developerRow(server, "grpc-raw@example.com").get("commitsByClaudeCode").asLong()).isEqualTo(1);
  }

  @Test
  void malformedProtobuf_isInvalidArgument_withABadRequest() {
    StatusRuntimeException e = catchThrowableOfType(StatusRuntimeException.class,
        () -> export(token, new byte[] {0x0a, 0x7f, 0x01}));

    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    com.google.rpc.Status status = StatusProto.fromThrowable(e);
    assertThat(status.getDetailsList()).anyMatch(d -> d.is(BadRequest.class));
    assertThat(e.getStatus().getDescription()).isNotBlank();
  }

  @Test
  void unknownToken_isUnauthenticated() {
    StatusRuntimeException e = catchThrowableOfType(StatusRuntimeException.class,
        () -> export("tk_0000000000000000:sk_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
            oneCommit("nobody@example.com", 1_795_000_100L).toByteArray()));

    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED);
    assertThat(e.getStatus().getDescription()).contains("ingest token");
  }

  @Test
  void messageOverTheCap_isResourceExhausted_notRetryable_andTheServerGoesOn() throws Exception {
    byte[] big = new byte[5 << 20]; // over YARDSTICK_MAX_BODY_BYTES of 4 MiB

    StatusRuntimeException e = catchThrowableOfType(StatusRuntimeException.class, () -> export(token, big));

    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.RESOURCE_EXHAUSTED);
    com.google.rpc.Status status = StatusProto.fromThrowable(e);
    assertThat(status == null ? List.of() : status.getDetailsList()).noneMatch(d -> d.is(RetryInfo.class)); // no retry
    assertThat(export(token, oneCommit("after-big@example.com", 1_795_000_200L).toByteArray())).isEmpty();
  }

  @Test
  void stalledStreams_takeFromTheBudgetHttpUses_areRefusedPastIt_andEndedForTheirPace() throws Exception {
    List<RawGrpcStream> streams = new ArrayList<>();
    try {
      for (int i = 0; i < 6; i++) { // 6 x 400 KiB sent of a 3 MB message: more than the 1 MiB budget
        RawGrpcStream s = new RawGrpcStream(server.grpcPort(), METRICS, token);
        s.send(RawGrpcStream.prefix(3_000_000));
        s.send(new byte[400 << 10]);
        streams.add(s);
      }
      Thread.sleep(700);

      long held = bodiesBytes();
      HttpResponse<String> http = postHttp(padded(ClaudeCodeExports.oneCommit("http-beside@example.com", "s-hb", 1_795_000_300L), 300_000));
      int refused = 0;
      for (RawGrpcStream s : streams) {
        RawGrpcStream.Answer a = s.answer(0);
        if (a != null) {
          assertThat(a.code()).as("refused stream").isEqualTo(Status.Code.UNAVAILABLE.value());
          assertThat(a.retryInfo()).as("retryable: RetryInfo").isTrue();
          refused++;
        }
      }

      assertThat(held).isBetween(400L << 10, 1L << 20);
      assertThat(refused).isBetween(3, 5); // at most two of 400 KiB fit in 1 MiB (none is alone)
      assertThat(http.statusCode()).as(http.body()).isEqualTo(429);
      for (RawGrpcStream s : streams) {
        RawGrpcStream.Answer a = s.answer(6000);
        assertThat(a).as("every stream answered").isNotNull();
        assertThat(a.code()).isIn(Status.Code.UNAVAILABLE.value(), Status.Code.DEADLINE_EXCEEDED.value());
      }
      assertThat(bodiesBytes()).isZero();
      assertThat(postHttp(padded(ClaudeCodeExports.oneCommit("http-beside@example.com", "s-hb", 1_795_000_300L), 300_000))
          .statusCode()).isEqualTo(200);
    } finally {
      streams.forEach(RawGrpcStream::close);
    }
  }

  private byte[] export(String t, byte[] body) {
    Metadata md = new Metadata();
    md.put(Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER), "Bearer " + t);
    Channel c = ClientInterceptors.intercept(channel, MetadataUtils.newAttachHeadersInterceptor(md));
    return ClientCalls.blockingUnaryCall(c, EXPORT, CallOptions.DEFAULT.withDeadlineAfter(20, TimeUnit.SECONDS), body);
  }

  private long bodiesBytes() throws Exception {
    String metrics = server.send(HttpRequest.newBuilder(URI.create(server.url("/metrics"))).GET()).body();
    return metrics.lines().filter(l -> l.startsWith("yardstick_ingest_bodies_bytes "))
        .mapToLong(l -> (long) Double.parseDouble(l.substring(l.indexOf(' ') + 1))).findFirst().orElse(-1);
  }

  private HttpResponse<String> postHttp(byte[] body) throws Exception {
    return server.send(HttpRequest.newBuilder(URI.create(server.url("/otel/v1/metrics")))
        .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
  }

  private static byte[] padded(String json, int size) {
    byte[] b = " ".repeat(size).getBytes(StandardCharsets.UTF_8);
    byte[] j = json.getBytes(StandardCharsets.UTF_8);
    System.arraycopy(j, 0, b, 0, j.length);
    return b;
  }

  static ExportMetricsServiceRequest oneCommit(String email, long epochSecond) {
    KeyValue mail = KeyValue.newBuilder().setKey("user.email").setValue(AnyValue.newBuilder().setStringValue(email)).build();
    KeyValue session = KeyValue.newBuilder().setKey("session.id").setValue(AnyValue.newBuilder().setStringValue("s-" + epochSecond)).build();
    Metric commits = Metric.newBuilder().setName("claude_code.commit.count").setSum(Sum.newBuilder()
        .setAggregationTemporality(AggregationTemporality.AGGREGATION_TEMPORALITY_DELTA).setIsMonotonic(true)
        .addDataPoints(NumberDataPoint.newBuilder().setTimeUnixNano(epochSecond * 1_000_000_000L)
            .setStartTimeUnixNano((epochSecond - 60) * 1_000_000_000L).setAsDouble(1).addAttributes(mail).addAttributes(session)))
        .build();
    return ExportMetricsServiceRequest.newBuilder().addResourceMetrics(ResourceMetrics.newBuilder()
        .setResource(io.opentelemetry.proto.resource.v1.Resource.newBuilder().addAttributes(KeyValue.newBuilder()
            .setKey("service.name").setValue(AnyValue.newBuilder().setStringValue("claude-code"))))
        .addScopeMetrics(ScopeMetrics.newBuilder().setScope(io.opentelemetry.proto.common.v1.InstrumentationScope.newBuilder()
            .setName("com.anthropic.claude_code")).addMetrics(commits))).build();
  }
}
