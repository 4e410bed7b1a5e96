package dev.yardstick.ingest.otlp;

import dev.yardstick.ingest.BodyBudget;
import io.grpc.Context;
import io.grpc.Metadata;
import io.grpc.ServerStreamTracer;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.util.function.BiConsumer;

/**
 * One gRPC request's message as it arrives, seen by a stream tracer (gRPC reports the bytes it
 * buffers as they come, long before the message is whole): each byte is taken from the body
 * budget HTTP uses, and a call whose bytes the budget refuses, or that arrives too slowly, is ended
 * at once instead of pinning its bytes. The call's handler finds it in the call's {@link Context}.
 */
final class GrpcBody extends ServerStreamTracer {
  static final Context.Key<GrpcBody> KEY = Context.key("yardstick.grpc-body");

  final BodyBudget.Share share;
  private BiConsumer<StatusRuntimeException, String> end; // guarded by this
  private StatusRuntimeException endedWith;
  private String endedFor;

  GrpcBody(BodyBudget budget) {
    this.share = budget.share();
    share.onTooSlow(why -> end(Status.DEADLINE_EXCEEDED.withDescription(why).asRuntimeException(), "too_slow"));
  }

  /** The tracers of every stream. */
  static ServerStreamTracer.Factory factory(BodyBudget budget) {
    return new ServerStreamTracer.Factory() {
      @Override
      public ServerStreamTracer newServerStreamTracer(String fullMethodName, Metadata headers) {
        return new GrpcBody(budget);
      }
    };
  }

  @Override
  public Context filterContext(Context context) {
    return context.withValue(KEY, this);
  }

  @Override
  public void inboundWireSize(long bytes) {
    share.received(bytes);
    if (!share.grow(bytes)) {
      end(GrpcStatuses.unavailable(BodyBudget.overloaded().getMessage() + "; retry shortly", 1), "overloaded");
    }
  }

  @Override
  public void inboundMessageRead(int seqNo, long wireSize, long uncompressedSize) {
    share.arrived();
  }

  @Override
  public void streamClosed(Status status) {
    share.release();
  }

  /** How the call is ended early (with a status and the reason counted); at once if it was already. */
  void whenEnded(BiConsumer<StatusRuntimeException, String> action) {
    StatusRuntimeException e;
    synchronized (this) {
      end = action;
      e = endedWith;
    }
    if (e != null) {
      action.accept(e, endedFor);
    }
  }

  private void end(StatusRuntimeException e, String reason) {
    BiConsumer<StatusRuntimeException, String> action;
    synchronized (this) {
      if (endedWith != null) {
        return;
      }
      endedWith = e;
      endedFor = reason;
      action = end;
    }
    share.release();
    if (action != null) {
      action.accept(e, reason);
    }
  }
}
