package dev.yardstick.ingest.otlp;

import dev.yardstick.auth.TokenAuthenticator;
import dev.yardstick.model.IngestSender;
import dev.yardstick.model.Signal;
import dev.yardstick.ops.ServerMetrics;
import dev.yardstick.storage.StorageUnavailableException;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.io.InputStream;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One signal's Export call. The message is taken as the raw bytes gRPC received and decoded by
 * the same decoder as OTLP/HTTP protobuf, so that bad bytes are answered INVALID_ARGUMENT with what
 * is wrong (gRPC's own parsing answered UNKNOWN); the answer is written after the commit.
 */
final class GrpcExport implements ServerCallHandler<InputStream, byte[]> {
  private static final Logger log = LoggerFactory.getLogger(GrpcExport.class);
  private static final Metadata.Key<String> AUTHORIZATION = Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);
  private static final Metadata.Key<String> USER_EMAIL = Metadata.Key.of("x-yardstick-user-email", Metadata.ASCII_STRING_MARSHALLER);

  private final Signal signal;
  private final OtlpIngest ingest;
  private final TokenAuthenticator auth;
  private final ServerMetrics metrics;
  private final long maxBodyBytes;
  private final long timeoutMillis;

  GrpcExport(Signal signal, OtlpIngest ingest, TokenAuthenticator auth, ServerMetrics metrics, long maxBodyBytes, long timeoutMillis) {
    this.signal = signal;
    this.ingest = ingest;
    this.auth = auth;
    this.metrics = metrics;
    this.maxBodyBytes = maxBodyBytes;
    this.timeoutMillis = timeoutMillis;
  }

  @Override
  public ServerCall.Listener<InputStream> startCall(ServerCall<InputStream, byte[]> call, Metadata headers) {
    Exchange x = new Exchange(call);
    GrpcBody body = GrpcBody.KEY.get();
    IngestSender sender;
    try {
      sender = auth.ingestSender(headers.get(AUTHORIZATION)).orElse(null);
    } catch (StorageUnavailableException e) {
      x.refuse(GrpcStatuses.databaseUnavailable(), "unavailable");
      return new ServerCall.Listener<>() { };
    }
    if (sender == null) { // before a byte of the message is read
      x.refuse(GrpcStatuses.unauthenticated(), "unauthorized");
      return new ServerCall.Listener<>() { };
    }
    body.whenEnded(x::refuse);
    call.request(1);
    return new ServerCall.Listener<>() {
      private byte[] message;

      @Override
      public void onMessage(InputStream in) {
        if (x.answered()) {
          return; // ended while it arrived
        }
        try {
          message = body.share.readAll(in, maxBodyBytes); // gRPC enforced the cap, after decompression too
        } catch (Exception e) {
          x.refuse(e);
        }
      }

      @Override
      public void onHalfClose() {
        if (x.answered()) {
          return;
        }
        if (message == null) {
          x.refuse(GrpcStatuses.invalidArgument("the call carried no request message"), "bad_request");
          return;
        }
        try {
          var stored = ingest.export(signal, sender, OtlpIngest.Encoding.PROTOBUF, message, headers.get(USER_EMAIL));
          body.share.release(); // decoded and queued: the queue's own bound takes over
          stored.orTimeout(timeoutMillis, TimeUnit.MILLISECONDS).whenComplete((accepted, e) -> {
            if (e == null) {
              x.reply(OtlpResponses.success(signal, OtlpIngest.Encoding.PROTOBUF, accepted));
            } else {
              x.refuse(e instanceof CompletionException && e.getCause() != null ? e.getCause() : e);
            }
          });
        } catch (Exception e) {
          x.refuse(e);
        } finally {
          message = null;
        }
      }
    };
  }

  /** The call's one answer: later ones (a refusal racing the commit, the pace sweeper) are dropped. */
  private final class Exchange {
    private final ServerCall<InputStream, byte[]> call;
    private final long started = System.nanoTime();
    private boolean answered; // guarded by this

    Exchange(ServerCall<InputStream, byte[]> call) {
      this.call = call;
    }

    synchronized boolean answered() {
      return answered;
    }

    synchronized void reply(byte[] response) {
      if (answered) {
        return;
      }
      answered = true;
      call.sendHeaders(new Metadata());
      call.sendMessage(response);
      call.close(Status.OK, new Metadata());
      metrics.request("grpc", name(), 0, System.nanoTime() - started);
    }

    void refuse(Throwable e) {
      GrpcStatuses.Refusal r = GrpcStatuses.of(e);
      if (r.reason().equals("internal")) {
        log.error("gRPC export failed", e);
      }
      refuse(r.status(), r.reason());
    }

    synchronized void refuse(StatusRuntimeException e, String reason) {
      if (answered) {
        return;
      }
      answered = true;
      metrics.exportRefused(name(), reason);
      call.close(e.getStatus(), e.getTrailers() == null ? new Metadata() : e.getTrailers());
      metrics.request("grpc", name(), e.getStatus().getCode().value(), System.nanoTime() - started);
    }

    private String name() {
      return signal == Signal.METRICS ? "metrics" : "logs";
    }
  }
}
