package io.filnode.rpc;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * What a method knows about its call: the caller's allow list (from its token, or {@code ["read"]}
 * without one) and whether the caller cancelled it (over WebSocket, with {@code xrpc.cancel}, or by
 * closing the connection). Long-running methods poll {@link #isCancelled()}.
 */
public final class CallContext {
  private final List<String> allow;
  private final AtomicBoolean cancelled = new AtomicBoolean();

  public CallContext(List<String> allow) {
    this.allow = List.copyOf(allow);
  }

  /** The permissions granted to the caller, as their wire names. */
  public List<String> allow() {
    return allow;
  }

  /** Whether the caller holds {@code p}. */
  public boolean has(Permission p) {
    return p.grantedBy(allow);
  }

  /** Whether the caller gave up on the call. */
  public boolean isCancelled() {
    return cancelled.get();
  }

  /** Marks the call cancelled (the server does this); true the first time. */
  public boolean cancel() {
    return cancelled.compareAndSet(false, true);
  }
}
