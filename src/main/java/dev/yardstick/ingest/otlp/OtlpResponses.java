package dev.yardstick.ingest.otlp;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.google.protobuf.Any;
import com.google.rpc.BadRequest;
import com.google.rpc.Status;
import dev.yardstick.model.Signal;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsPartialSuccess;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceResponse;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsPartialSuccess;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceResponse;
import java.nio.charset.StandardCharsets;

/** OTLP response bodies in the request's encoding: Export*ServiceResponse on success, google.rpc.Status on failure. */
public final class OtlpResponses {
  /** gRPC status codes used in google.rpc.Status bodies. */
  public static final int INVALID_ARGUMENT = 3;
  public static final int DEADLINE_EXCEEDED = 4;
  public static final int RESOURCE_EXHAUSTED = 8;
  public static final int UNIMPLEMENTED = 12;
  public static final int INTERNAL = 13;
  public static final int UNAVAILABLE = 14;
  public static final int UNAUTHENTICATED = 16;

  private static final byte[] EMPTY_JSON = "{}".getBytes(StandardCharsets.UTF_8);
  private static final byte[] EMPTY_PROTO = new byte[0];

  private OtlpResponses() {}

  /** A success; partial_success is set only when something was rejected, as the specification requires. */
  public static byte[] success(Signal signal, OtlpIngest.Encoding encoding, OtlpIngest.Accepted accepted) {
    if (accepted.rejected() == 0) {
      return encoding == OtlpIngest.Encoding.JSON ? EMPTY_JSON : EMPTY_PROTO;
    }
    if (encoding == OtlpIngest.Encoding.JSON) {
      String field = signal == Signal.METRICS ? "rejectedDataPoints" : "rejectedLogRecords";
      return ("{\"partialSuccess\":{\"" + field + "\":\"" + accepted.rejected() + "\",\"errorMessage\":\""
          + escape(accepted.message()) + "\"}}").getBytes(StandardCharsets.UTF_8);
    }
    return signal == Signal.METRICS
        ? ExportMetricsServiceResponse.newBuilder().setPartialSuccess(ExportMetricsPartialSuccess.newBuilder()
            .setRejectedDataPoints(accepted.rejected()).setErrorMessage(accepted.message())).build().toByteArray()
        : ExportLogsServiceResponse.newBuilder().setPartialSuccess(ExportLogsPartialSuccess.newBuilder()
            .setRejectedLogRecords(accepted.rejected()).setErrorMessage(accepted.message())).build().toByteArray();
  }

  /** A google.rpc.Status; a bad request also carries a google.rpc.BadRequest detail naming the problem. */
  public static byte[] status(OtlpIngest.Encoding encoding, int code, String message) {
    if (encoding == OtlpIngest.Encoding.JSON) {
      String details = code == INVALID_ARGUMENT
          ? ",\"details\":[{\"@type\":\"type.googleapis.com/google.rpc.BadRequest\",\"fieldViolations\":[{\"field\":\"body\","
              + "\"description\":\"" + escape(message) + "\"}]}]"
          : "";
      return ("{\"code\":" + code + ",\"message\":\"" + escape(message) + "\"" + details + "}").getBytes(StandardCharsets.UTF_8);
    }
    Status.Builder status = Status.newBuilder().setCode(code).setMessage(message);
    if (code == INVALID_ARGUMENT) {
      status.addDetails(Any.pack(BadRequest.newBuilder().addFieldViolations(
          BadRequest.FieldViolation.newBuilder().setField("body").setDescription(message)).build()));
    }
    return status.build().toByteArray();
  }

  private static String escape(String s) {
    return new String(JsonStringEncoder.getInstance().quoteAsString(s));
  }
}
