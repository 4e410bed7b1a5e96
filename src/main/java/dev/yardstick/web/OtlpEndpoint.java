package dev.yardstick.web;

import dev.yardstick.auth.TokenAuthenticator;
import dev.yardstick.ingest.OverloadedException;
import dev.yardstick.ingest.otlp.OtlpDecodeException;
import dev.yardstick.ingest.otlp.OtlpIngest;
import dev.yardstick.ingest.otlp.OtlpIngest.Encoding;
import dev.yardstick.ingest.otlp.OtlpResponses;
import dev.yardstick.model.Signal;
import dev.yardstick.ops.ServerMetrics;
import dev.yardstick.storage.StorageUnavailableException;
import io.javalin.http.Context;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** POST /otel/v1/metrics and /otel/v1/logs: OTLP/HTTP in JSON or protobuf, answered as the specification says. */
final class OtlpEndpoint {
  static final String USER_EMAIL_HEADER = "X-Yardstick-User-Email";
  private static final Logger log = LoggerFactory.getLogger(OtlpEndpoint.class);

  private final OtlpIngest ingest;
  private final TokenAuthenticator auth;
  private final ServerMetrics metrics;
  private final long maxBodyBytes;
  private final long timeoutMillis;

  OtlpEndpoint(OtlpIngest ingest, TokenAuthenticator auth, ServerMetrics metrics, long maxBodyBytes, long timeoutMillis) {
    this.ingest = ingest;
    this.auth = auth;
    this.metrics = metrics;
    this.maxBodyBytes = maxBodyBytes;
    this.timeoutMillis = timeoutMillis;
  }

  void metrics(Context ctx) {
    export(ctx, Signal.METRICS);
  }

  void logs(Context ctx) {
    export(ctx, Signal.LOGS);
  }

  /** Traces are not Claude Code usage data: accepted and dropped, so a client exporting them sees no errors. */
  void traces(Context ctx) throws Exception {
    Encoding enc = encoding(ctx.header("Content-Type"));
    if (enc == null) {
      fail(ctx, Signal.METRICS, Encoding.JSON, 415, OtlpResponses.INVALID_ARGUMENT, "unsupported Content-Type", "unsupported");
      return;
    }
    if (auth.ingestOrg(ctx.header("Authorization")).isEmpty()) {
      fail(ctx, Signal.METRICS, enc, 401, OtlpResponses.UNAUTHENTICATED, "missing or unknown ingest token", "unauthorized");
      return;
    }
    ctx.req().getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
    reply(ctx, enc, 200, enc == Encoding.JSON ? "{}".getBytes() : new byte[0]);
  }

  private void export(Context ctx, Signal signal) {
    Encoding enc = encoding(ctx.header("Content-Type"));
    Encoding replyAs = enc == null ? Encoding.JSON : enc;
    try (OtlpIngest.Arriving arriving = ingest.arriving()) {
      Long org = auth.ingestOrg(ctx.header("Authorization")).orElse(null);
      if (org == null) {
        fail(ctx, signal, replyAs, 401, OtlpResponses.UNAUTHENTICATED,
            "missing or unknown ingest token: send Authorization: Bearer tk_<id>:sk_<secret>", "unauthorized");
        return;
      }
      if (enc == null) {
        fail(ctx, signal, replyAs, 415, OtlpResponses.INVALID_ARGUMENT, "Content-Type " + ctx.header("Content-Type")
            + " is not supported; use application/json or application/x-protobuf", "unsupported");
        return;
      }
      byte[] body = OtlpBody.read(ctx.req().getInputStream(), ctx.req().getContentLengthLong(),
          ctx.header("Content-Encoding"), maxBodyBytes);
      var stored = ingest.export(signal, org, enc, body, ctx.header(USER_EMAIL_HEADER));
      arriving.close(); // submitted: the writer need not wait for it any longer
      OtlpIngest.Accepted accepted = stored.get(timeoutMillis, TimeUnit.MILLISECONDS);
      reply(ctx, enc, 200, OtlpResponses.success(signal, enc, accepted));
    } catch (OtlpDecodeException | OtlpBody.Malformed e) {
      fail(ctx, signal, replyAs, 400, OtlpResponses.INVALID_ARGUMENT, e.getMessage(), "bad_request");
    } catch (OtlpBody.TooLarge e) {
      fail(ctx, signal, replyAs, 413, OtlpResponses.INVALID_ARGUMENT, e.getMessage(), "too_large");
    } catch (OtlpBody.Unsupported e) {
      fail(ctx, signal, replyAs, 415, OtlpResponses.INVALID_ARGUMENT, e.getMessage(), "unsupported");
    } catch (OverloadedException e) {
      ctx.header("Retry-After", "1");
      fail(ctx, signal, replyAs, 429, OtlpResponses.RESOURCE_EXHAUSTED, e.getMessage() + "; retry shortly", "overloaded");
    } catch (StorageUnavailableException | TimeoutException e) {
      unavailable(ctx, signal, replyAs);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof StorageUnavailableException) {
        unavailable(ctx, signal, replyAs);
      } else {
        log.error("export failed", e.getCause());
        fail(ctx, signal, replyAs, 500, OtlpResponses.INTERNAL, "the export could not be stored", "internal");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      unavailable(ctx, signal, replyAs);
    } catch (java.io.IOException e) {
      fail(ctx, signal, replyAs, 400, OtlpResponses.INVALID_ARGUMENT, "the body could not be read: " + e.getMessage(), "bad_request");
    }
  }

  private void unavailable(Context ctx, Signal signal, Encoding enc) {
    ctx.header("Retry-After", "5");
    fail(ctx, signal, enc, 503, OtlpResponses.UNAVAILABLE,
        "the export was not stored: the database is unavailable; retry later", "unavailable");
  }

  private void fail(Context ctx, Signal signal, Encoding enc, int status, int grpcCode, String message, String reason) {
    metrics.exportRefused(signal == Signal.METRICS ? "metrics" : "logs", reason);
    reply(ctx, enc, status, OtlpResponses.status(enc, grpcCode, message));
  }

  private static void reply(Context ctx, Encoding enc, int status, byte[] body) {
    ctx.status(status).contentType(enc == Encoding.JSON ? "application/json" : "application/x-protobuf").result(body);
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
