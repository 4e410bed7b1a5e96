package dev.yardstick.web;

import dev.yardstick.auth.TokenAuthenticator;
import dev.yardstick.ingest.BodyBudget;
import dev.yardstick.ingest.OverloadedException;
import dev.yardstick.ingest.otlp.OtlpDecodeException;
import dev.yardstick.ingest.otlp.OtlpIngest;
import dev.yardstick.ingest.otlp.OtlpIngest.Encoding;
import dev.yardstick.ingest.otlp.OtlpResponses;
import dev.yardstick.model.IngestSender;
import dev.yardstick.model.Signal;
import dev.yardstick.ops.ServerMetrics;
import dev.yardstick.storage.StorageUnavailableException;
import java.io.IOException;
import java.util.Locale;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * POST /otel/v1/metrics and /otel/v1/logs: OTLP/HTTP in JSON or protobuf, answered as the
 * specification says. Nothing waits on a thread: the body is read as it arrives, decoded, queued,
 * and the answer is written when the commit completes.
 */
final class OtlpEndpoint {
  static final String USER_EMAIL_HEADER = "X-Yardstick-User-Email";
  private static final Logger log = LoggerFactory.getLogger(OtlpEndpoint.class);

  private final OtlpIngest ingest;
  private final TokenAuthenticator auth;
  private final ServerMetrics metrics;
  private final long maxBodyBytes;
  private final long timeoutMillis;
  private final BodyBudget bodies;

  OtlpEndpoint(OtlpIngest ingest, TokenAuthenticator auth, ServerMetrics metrics, long maxBodyBytes, long timeoutMillis,
      BodyBudget bodies) {
    this.ingest = ingest;
    this.auth = auth;
    this.metrics = metrics;
    this.maxBodyBytes = maxBodyBytes;
    this.timeoutMillis = timeoutMillis;
    this.bodies = bodies;
  }

  void handle(Route.OtlpKind kind, Request req, Response res, Callback done) {
    Encoding enc = encoding(req.getHeaders().get(HttpHeader.CONTENT_TYPE));
    Signal signal = kind == Route.OtlpKind.LOGS ? Signal.LOGS : Signal.METRICS;
    Exchange x = new Exchange(res, done, signal, enc == null ? Encoding.JSON : enc);
    OtlpIngest.Arriving arriving = ingest.arriving();
    try {
      IngestSender sender = auth.ingestSender(req.getHeaders().get(HttpHeader.AUTHORIZATION)).orElse(null);
      if (sender == null) {
        throw new Refused(401, OtlpResponses.UNAUTHENTICATED,
            "missing or unknown ingest token: send Authorization: Bearer tk_<id>:sk_<secret>", "unauthorized");
      }
      if (enc == null) {
        throw new Refused(415, OtlpResponses.INVALID_ARGUMENT, "Content-Type " + req.getHeaders().get(HttpHeader.CONTENT_TYPE)
            + " is not supported; use application/json or application/x-protobuf", "unsupported");
      }
      if (kind == Route.OtlpKind.TRACES) { // not Claude Code usage data: accepted and dropped, so exporters see no errors
        arriving.close();
        Content.Source.consumeAll(req, Callback.from(() -> x.reply(200, OtlpResponses.success(signal, enc, NONE)), x::failed));
        return;
      }
      OtlpBody.checkDeclared(req.getLength(), maxBodyBytes);
      boolean gzip = OtlpBody.gzip(req.getHeaders().get(HttpHeader.CONTENT_ENCODING));
      String headerEmail = req.getHeaders().get(USER_EMAIL_HEADER);
      BodyBudget.Share share = bodies.share();
      BodySink sink = new BodySink(x, share, arriving, signal, sender, enc, gzip, headerEmail);
      share.onTooSlow(sink::tooSlow);
      new BodyReader(req, req.getLength(), maxBodyBytes, share, sink).run();
    } catch (Exception e) {
      arriving.close();
      x.refuse(e);
    }
  }

  /** What becomes of one body; answered once, whichever comes first: the body, a refusal, or the end of its time. */
  private final class BodySink implements BodyReader.Sink {
    private final AtomicBoolean answered = new AtomicBoolean();
    private final Exchange x;
    private final BodyBudget.Share share;
    private final OtlpIngest.Arriving arriving;
    private final Signal signal;
    private final IngestSender sender;
    private final Encoding enc;
    private final boolean gzip;
    private final String headerEmail;

    BodySink(Exchange x, BodyBudget.Share share, OtlpIngest.Arriving arriving, Signal signal, IngestSender sender, Encoding enc,
        boolean gzip, String headerEmail) {
      this.x = x;
      this.share = share;
      this.arriving = arriving;
      this.signal = signal;
      this.sender = sender;
      this.enc = enc;
      this.gzip = gzip;
      this.headerEmail = headerEmail;
    }

    @Override
    public void body(byte[] raw) {
      if (!answered.compareAndSet(false, true)) {
        return;
      }
      try {
        byte[] body = OtlpBody.decode(raw, gzip, maxBodyBytes, share);
        var stored = ingest.export(signal, sender, enc, body, headerEmail);
        settle(); // decoded and queued: the queue's own bound takes over
        stored.orTimeout(timeoutMillis, TimeUnit.MILLISECONDS).whenComplete((accepted, e) -> {
          if (e == null) {
            x.reply(200, OtlpResponses.success(signal, enc, accepted));
          } else {
            x.refuse(e);
          }
        });
      } catch (Exception e) {
        settle();
        x.refuse(e);
      }
    }

    @Override
    public void tooLarge(String message) {
      refuse(new OtlpBody.TooLarge(message));
    }

    @Override
    public void overloaded() {
      refuse(BodyBudget.overloaded());
    }

    @Override
    public void failed(Throwable cause) {
      refuse(new IOException(cause.getMessage(), cause));
    }

    /** Ended by the budget's sweeper: its bytes are back already; the client is told and the connection closed. */
    void tooSlow(String why) {
      refuse(new OtlpBody.TooSlow(why));
    }

    @Override
    public boolean answered() {
      return answered.get();
    }

    // done with the body: its bytes leave the budget, and the writer need not wait for it any longer
    private void settle() {
      share.release();
      arriving.close();
    }

    private void refuse(Exception e) {
      if (answered.compareAndSet(false, true)) {
        settle();
        x.refuse(e);
      }
    }
  }

  private static final OtlpIngest.Accepted NONE = new OtlpIngest.Accepted(0, "");

  /** A refusal decided before the body is read. */
  private static final class Refused extends Exception {
    final int status;
    final int grpcCode;
    final String reason;

    Refused(int status, int grpcCode, String message, String reason) {
      super(message, null, false, false);
      this.status = status;
      this.grpcCode = grpcCode;
      this.reason = reason;
    }
  }

  /** One request's answer: the status, the body in the request's encoding, and the metric of a refusal. */
  private final class Exchange {
    private final Response res;
    private final Callback done;
    private final Signal signal;
    private final Encoding enc;

    Exchange(Response res, Callback done, Signal signal, Encoding enc) {
      this.res = res;
      this.done = done;
      this.signal = signal;
      this.enc = enc;
    }

    void refuse(Throwable e) {
      Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
      switch (cause) {
        case Refused r -> fail(r.status, r.grpcCode, r.getMessage(), r.reason);
        case OtlpDecodeException d -> fail(400, OtlpResponses.INVALID_ARGUMENT, d.getMessage(), "bad_request");
        case OtlpBody.Malformed m -> fail(400, OtlpResponses.INVALID_ARGUMENT, m.getMessage(), "bad_request");
        case OtlpBody.TooLarge t -> fail(413, OtlpResponses.INVALID_ARGUMENT, t.getMessage(), "too_large");
        case OtlpBody.Unsupported u -> fail(415, OtlpResponses.INVALID_ARGUMENT, u.getMessage(), "unsupported");
        case OtlpBody.TooSlow t -> {
          res.getHeaders().put(HttpHeader.CONNECTION, "close"); // the rest of the body is not waited for
          fail(408, OtlpResponses.DEADLINE_EXCEEDED, t.getMessage(), "too_slow");
        }
        case OverloadedException o -> overloaded(o.getMessage());
        case StorageUnavailableException s -> unavailable();
        case TimeoutException t -> unavailable();
        case IOException io -> fail(400, OtlpResponses.INVALID_ARGUMENT, "the body could not be read: " + io.getMessage(), "bad_request");
        default -> {
          log.error("export failed", cause);
          fail(500, OtlpResponses.INTERNAL, "the export could not be stored", "internal");
        }
      }
    }

    private void overloaded(String message) {
      res.getHeaders().put(HttpHeader.RETRY_AFTER, "1");
      fail(429, OtlpResponses.RESOURCE_EXHAUSTED, message + "; retry shortly", "overloaded");
    }

    private void unavailable() {
      res.getHeaders().put(HttpHeader.RETRY_AFTER, "5");
      fail(503, OtlpResponses.UNAVAILABLE, "the export was not stored: the database is unavailable; retry later", "unavailable");
    }

    private void fail(int status, int grpcCode, String message, String reason) {
      metrics.exportRefused(signal == Signal.METRICS ? "metrics" : "logs", reason);
      reply(status, OtlpResponses.status(enc, grpcCode, message));
    }

    void reply(int status, byte[] body) {
      res.setStatus(status);
      res.getHeaders().put(HttpHeader.CONTENT_TYPE, enc == Encoding.JSON ? "application/json" : "application/x-protobuf");
      res.write(true, java.nio.ByteBuffer.wrap(body), done);
    }

    void failed(Throwable cause) {
      refuse(new IOException(cause.getMessage(), cause));
    }
  }

  /** The encoding named by a Content-Type (parameters such as charset allowed), or null. */
  static Encoding encoding(String contentType) {
    if (contentType == null) {
      return null;
    }
    int semi = contentType.indexOf(';');
    String type = (semi < 0 ? contentType : contentType.substring(0, semi)).trim().toLowerCase(Locale.ROOT);
    return switch (type) {
      case "application/json" -> Encoding.JSON;
      case "application/x-protobuf", "application/protobuf" -> Encoding.PROTOBUF;
      default -> null;
    };
  }
}
