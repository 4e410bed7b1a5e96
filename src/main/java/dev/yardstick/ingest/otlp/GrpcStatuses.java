package dev.yardstick.ingest.otlp;

import com.google.protobuf.Any;
import com.google.protobuf.Duration;
import com.google.rpc.BadRequest;
import com.google.rpc.RetryInfo;
import dev.yardstick.ingest.OverloadedException;
import dev.yardstick.storage.StorageUnavailableException;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import java.io.IOException;
import java.util.concurrent.TimeoutException;

/**
 * What a failed gRPC export is answered, as the OTLP specification maps failures to codes:
 * INVALID_ARGUMENT with a BadRequest for bad data (never retried), UNAVAILABLE with a RetryInfo for
 * back-pressure and outages (retried after the delay), RESOURCE_EXHAUSTED without one for a message
 * over the cap (never retried), UNAUTHENTICATED for a bad token, INTERNAL for our own failure.
 */
final class GrpcStatuses {
  private GrpcStatuses() {}

  /** A refusal: the status to close the call with, and the reason counted in /metrics. */
  record Refusal(StatusRuntimeException status, String reason) {}

  static Refusal of(Throwable e) {
    return switch (e) {
      case StatusRuntimeException s -> new Refusal(s, s.getStatus().getCode() == Status.Code.RESOURCE_EXHAUSTED ? "too_large" : "bad_request");
      case OtlpDecodeException d -> new Refusal(invalidArgument(d.getMessage()), "bad_request");
      case IOException io -> new Refusal(invalidArgument("the message could not be read: " + io.getMessage()), "bad_request");
      case OverloadedException o -> new Refusal(unavailable(o.getMessage() + "; retry shortly", 1), "overloaded");
      case StorageUnavailableException s -> new Refusal(databaseUnavailable(), "unavailable");
      case TimeoutException t -> new Refusal(databaseUnavailable(), "unavailable");
      default -> new Refusal(Status.INTERNAL.withDescription("the export could not be stored").asRuntimeException(), "internal");
    };
  }

  static StatusRuntimeException invalidArgument(String message) {
    return StatusProto.toStatusRuntimeException(com.google.rpc.Status.newBuilder()
        .setCode(Status.Code.INVALID_ARGUMENT.value()).setMessage(message)
        .addDetails(Any.pack(BadRequest.newBuilder().addFieldViolations(
            BadRequest.FieldViolation.newBuilder().setField("request").setDescription(message)).build()))
        .build());
  }

  /** UNAVAILABLE with a RetryInfo of {@code retrySeconds}: back-pressure, as the OTLP specification signals it. */
  static StatusRuntimeException unavailable(String message, int retrySeconds) {
    return StatusProto.toStatusRuntimeException(com.google.rpc.Status.newBuilder()
        .setCode(Status.Code.UNAVAILABLE.value()).setMessage(message)
        .addDetails(Any.pack(RetryInfo.newBuilder().setRetryDelay(Duration.newBuilder().setSeconds(retrySeconds)).build()))
        .build());
  }

  static StatusRuntimeException databaseUnavailable() {
    return unavailable("the export was not stored: the database is unavailable; retry later", 5);
  }

  static StatusRuntimeException unauthenticated() {
    return Status.UNAUTHENTICATED.withDescription(
        "missing or unknown ingest token: send authorization: Bearer tk_<id>:sk_<secret>").asRuntimeException();
  }
}
