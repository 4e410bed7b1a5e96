package dev.yardstick.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.rpc.RetryInfo;
import dev.yardstick.model.FactGroup;
import dev.yardstick.model.TelemetryBatch;
import dev.yardstick.storage.TelemetryWriter;
import dev.yardstick.testing.ClaudeCodeExports;
import dev.yardstick.testing.TestDatabases;
import dev.yardstick.testing.TestServer;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.protobuf.StatusProto;
import io.grpc.stub.MetadataUtils;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.collector.metrics.v1.MetricsServiceGrpc;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.metrics.v1.ResourceMetrics;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The ingest paths a healthy test run never takes: the write queue full (back-pressure that loses
 * nothing it accepted) and the writer crashing on an export (only that export fails, the writer
 * goes on). The database is real; a gate in front of it holds or breaks commits on cue.
 */
class ITIngestOverload {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void queueFull_is429WithRetryAfter_andUnavailableWithRetryInfoOverGrpc_andKeepsEveryExportItAccepted() throws Exception {
    Gate gate = new Gate();
    try (TestServer server = TestServer.start(TestDatabases.h2(), Map.of("YARDSTICK_INGEST_QUEUE_BYTES", "1048576",
        "YARDSTICK_INGEST_TIMEOUT_MS", "60000"), gate::around)) {
      String token = server.newIngestToken("t");
      gate.hold();
      int n = 30; // about 100 KB each: one in the writer, ten in the 1 MiB queue, the rest refused
      List<CompletableFuture<HttpResponse<String>>> sent = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        sent.add(server.http().sendAsync(export(server, token, i).build(), HttpResponse.BodyHandlers.ofString()));
        Thread.sleep(20);
      }
      Thread.sleep(1500);
      List<Integer> refused = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        if (sent.get(i).isDone()) {
          HttpResponse<String> r = sent.get(i).get();
          assertThat(r.statusCode()).as(r.body()).isEqualTo(429);
          assertThat(r.headers().firstValue("Retry-After")).hasValue("1");
          assertThat(JSON.readTree(r.body()).get("message").asText()).contains("too many exports are waiting");
          refused.add(i);
        }
      }
      StatusRuntimeException grpc = catchThrowableOfType(StatusRuntimeException.class, () -> grpcExport(server, token));
      gate.release();

      assertThat(refused).hasSizeBetween(10, n - 5);
      assertThat(grpc.getStatus().getCode()).isEqualTo(Status.Code.UNAVAILABLE);
      assertThat(grpc.getStatus().getDescription()).contains("too many exports are waiting");
      assertThat(StatusProto.fromThrowable(grpc).getDetailsList()).anyMatch(d -> d.is(RetryInfo.class));
      for (int i = 0; i < n; i++) {
        if (!refused.contains(i)) {
          assertThat(sent.get(i).get(30, TimeUnit.SECONDS).statusCode()).as("export %d", i).isEqualTo(200);
        }
      }
      assertThat(commits(server)).isEqualTo(n - refused.size()); // every accepted export kept, none refused stored
      for (int i : refused) { // the client retries after Retry-After
        assertThat(server.send(export(server, token, i)).statusCode()).isEqualTo(200);
      }
      assertThat(commits(server)).isEqualTo(n);
      assertThat(server.queryOne("SELECT COUNT(*) FROM fact_groups")).isEqualTo(Integer.toString(n)); // not the refused gRPC one
    }
  }

  @Test
  void writerCrash_failsOnlyTheExportsItCrashedOn_storesTheOthers_andTheWriterGoesOn() throws Exception {
    Gate gate = new Gate();
    try (TestServer server = TestServer.start(TestDatabases.h2(), Map.of("YARDSTICK_INGEST_TIMEOUT_MS", "5000"),
        w -> gate.around(poisoned(w)))) {
      String token = server.newIngestToken("t");
      gate.hold();
      CompletableFuture<HttpResponse<String>> first = server.http().sendAsync(export(server, token, 0).build(),
          HttpResponse.BodyHandlers.ofString()); // held in the writer while the next ones queue up behind it
      Thread.sleep(300);
      List<CompletableFuture<HttpResponse<String>>> batch = new ArrayList<>();
      for (int i = 1; i <= 5; i++) { // 2 and 4 crash the writer (a bug: an Error, a RuntimeException)
        batch.add(server.http().sendAsync(export(server, token, i).build(), HttpResponse.BodyHandlers.ofString()));
      }
      Thread.sleep(500);
      gate.release();

      assertThat(first.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
      for (int i = 1; i <= 5; i++) {
        HttpResponse<String> r = batch.get(i - 1).get(10, TimeUnit.SECONDS);
        if (i == 2 || i == 4) {
          assertThat(r.statusCode()).as("export %d", i).isEqualTo(500); // not retried: it would crash again
          assertThat(JSON.readTree(r.body()).get("message").asText()).isEqualTo("the export could not be stored");
        } else {
          assertThat(r.statusCode()).as("export %d: %s", i, r.body()).isEqualTo(200);
        }
      }
      assertThat(server.send(export(server, token, 6)).statusCode()).isEqualTo(200); // the writer goes on
      assertThat(commits(server)).isEqualTo(5); // 0, 1, 3, 5, 6
      String metrics = server.send(HttpRequest.newBuilder(URI.create(server.url("/metrics"))).GET()).body();
      assertThat(metrics).contains("yardstick_ingest_writer_failures_total 3.0"); // the batch, then each poisoned export alone
      HttpResponse<String> ready = server.send(HttpRequest.newBuilder(URI.create(server.url("/readyz"))).GET());
      assertThat(ready.statusCode()).isEqualTo(200);
      assertThat(ready.body()).contains("\"writer\":\"ok\"");
    }
  }

  /** Commits in front of the real store: held while the test says so. */
  static final class Gate {
    private volatile CountDownLatch latch = new CountDownLatch(0);

    void hold() {
      latch = new CountDownLatch(1);
    }

    void release() {
      latch.countDown();
    }

    TelemetryWriter around(TelemetryWriter real) {
      return (batches, now) -> {
        try {
          latch.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        return real.write(batches, now);
      };
    }
  }

  /** A writer with a bug: batches holding session s-2 throw an Error, s-4 a RuntimeException. */
  private static TelemetryWriter poisoned(TelemetryWriter real) {
    return (batches, now) -> {
      for (TelemetryBatch b : batches) {
        for (FactGroup g : b.groups()) {
          if (g.context().sessionId().equals("s-2")) {
            throw new AssertionError("a bug in the writer");
          }
          if (g.context().sessionId().equals("s-4")) {
            throw new IllegalStateException("another bug in the writer");
          }
        }
      }
      return real.write(batches, now);
    };
  }

  /** Export {@code i}: one commit of queue@example.com in session s-i, padded to about 100 KB. */
  private static HttpRequest.Builder export(TestServer server, String token, int i) {
    String body = ClaudeCodeExports.oneCommit("queue@example.com", "s-" + i, 1_795_000_000L + i * 60L) + " ".repeat(100_000);
    return HttpRequest.newBuilder(URI.create(server.url("/otel/v1/metrics"))).header("Authorization", "Bearer " + token)
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
  }

  private static long commits(TestServer server) throws Exception {
    return ClaudeCodeExports.developerRow(server, "queue@example.com").get("commitsByClaudeCode").asLong();
  }

  private static void grpcExport(TestServer server, String token) throws Exception {
    ManagedChannel channel = NettyChannelBuilder.forAddress("127.0.0.1", server.grpcPort()).usePlaintext().build();
    try {
      Metadata md = new Metadata();
      md.put(Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER), "Bearer " + token);
      ExportMetricsServiceRequest one = ITOtlpGrpc.oneCommit("grpc-queue@example.com", 1_795_000_000L);
      ResourceMetrics rm = one.getResourceMetrics(0);
      ExportMetricsServiceRequest padded = one.toBuilder().setResourceMetrics(0, rm.toBuilder().setResource(rm.getResource()
          .toBuilder().addAttributes(KeyValue.newBuilder().setKey("padding").setValue(AnyValue.newBuilder()
              .setStringValue(" ".repeat(100_000)))))).build(); // as large as the HTTP ones: the queue has no room for it
      MetricsServiceGrpc.newBlockingStub(channel).withInterceptors(MetadataUtils.newAttachHeadersInterceptor(md))
          .withDeadlineAfter(10, TimeUnit.SECONDS).export(padded);
    } finally {
      channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }
  }
}
