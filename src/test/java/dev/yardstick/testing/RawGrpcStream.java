package dev.yardstick.testing;

import com.google.rpc.RetryInfo;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.ConnectionPool;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okio.BufferedSink;

/**
 * One gRPC call written by hand over HTTP/2 (OkHttp, cleartext, on a connection of its own), so that
 * a test can send part of a message and stall, as a hostile client would; gRPC's own clients always
 * send a message whole.
 */
public final class RawGrpcStream implements AutoCloseable {
  private static final MediaType GRPC = MediaType.get("application/grpc");
  private final OkHttpClient client;
  private final CompletableFuture<BufferedSink> sink = new CompletableFuture<>();
  private final CompletableFuture<Response> response = new CompletableFuture<>();

  /** Opens {@code method} (e.g. {@code opentelemetry.proto.collector.metrics.v1.MetricsService/Export}). */
  public RawGrpcStream(int port, String method, String token) {
    client = new OkHttpClient.Builder().protocols(List.of(Protocol.H2_PRIOR_KNOWLEDGE)).connectionPool(new ConnectionPool())
        .readTimeout(Duration.ofMinutes(2)).writeTimeout(Duration.ofMinutes(2)).build();
    Request request = new Request.Builder().url("http://127.0.0.1:" + port + "/" + method)
        .header("te", "trailers").header("authorization", "Bearer " + token).post(new RequestBody() {
          @Override
          public MediaType contentType() {
            return GRPC;
          }

          @Override
          public boolean isDuplex() {
            return true; // the sink stays open after writeTo: the test writes when it likes
          }

          @Override
          public void writeTo(BufferedSink s) {
            sink.complete(s);
          }
        }).build();
    client.newCall(request).enqueue(new Callback() {
      @Override
      public void onResponse(Call call, Response r) {
        response.complete(r);
      }

      @Override
      public void onFailure(Call call, IOException e) {
        response.completeExceptionally(e);
      }
    });
  }

  /** The 5-byte prefix of a gRPC message of {@code length} bytes, uncompressed. */
  public static byte[] prefix(int length) {
    return ByteBuffer.allocate(5).put((byte) 0).putInt(length).array();
  }

  /** Sends bytes of the request now; false when the stream is gone. */
  public boolean send(byte[] bytes) {
    try {
      BufferedSink s = sink.get(10, TimeUnit.SECONDS);
      s.write(bytes);
      s.flush();
      return true;
    } catch (Exception e) {
      return false;
    }
  }

  /** The call's answer, or null when none came within {@code millis}. */
  public Answer answer(long millis) throws Exception {
    Response r;
    try {
      r = response.get(millis, TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      return null;
    }
    String code = r.header("grpc-status"); // a trailers-only answer
    String details = r.header("grpc-status-details-bin");
    if (code == null) {
      r.body().bytes();
      code = r.trailers().get("grpc-status");
      details = r.trailers().get("grpc-status-details-bin");
    }
    return new Answer(Integer.parseInt(code), details == null ? null
        : com.google.rpc.Status.parseFrom(Base64.getDecoder().decode(pad(details))));
  }

  private static String pad(String base64) {
    return base64 + "===".substring(0, (4 - base64.length() % 4) % 4);
  }

  /** A gRPC status code, and the google.rpc.Status with details when the server sent one. */
  public record Answer(int code, com.google.rpc.Status status) {
    public boolean retryInfo() {
      return status != null && status.getDetailsList().stream().anyMatch(d -> d.is(RetryInfo.class));
    }
  }

  @Override
  public void close() {
    client.dispatcher().cancelAll();
    client.dispatcher().executorService().shutdown();
    client.connectionPool().evictAll();
  }
}
