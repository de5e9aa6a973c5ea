package io.filnode.rpc.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.filnode.rpc.OutChannel;
import java.util.ArrayList;
import java.util.List;

/**
 * A channel on a WebSocket. Values sent before the call is answered with the channel id wait in a
 * queue, so the client always learns the id first; every write happens under this object's lock,
 * which keeps a channel's frames in order whatever thread sends them.
 */
final class WsOutChannel implements OutChannel {
  private final WsSession session;
  private final long id;
  private final List<JsonNode> queued = new ArrayList<>();
  private final List<Runnable> cancelActions = new ArrayList<>();
  private boolean acked;
  private boolean closed;
  private boolean cancelled;

  WsOutChannel(WsSession session, long id) {
    this.session = session;
    this.id = id;
  }

  long id() {
    return id;
  }

  @Override
  public boolean send(Object value) {
    JsonNode v = session.toJson(value);
    synchronized (this) {
      if (closed) {
        return false;
      }
      if (acked) {
        session.sendValue(id, v);
      } else {
        queued.add(v);
      }
      return true;
    }
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    if (acked) {
      session.sendClose(id);
    }
    session.forget(this);
  }

  @Override
  public synchronized boolean isClosed() {
    return closed;
  }

  @Override
  public void onCancel(Runnable action) {
    synchronized (this) {
      if (!cancelled) {
        cancelActions.add(action);
        return;
      }
    }
    action.run();
  }

  /** Answers the opening call with the channel id, then releases what was sent meanwhile. */
  synchronized void ack(JsonNode requestId) {
    acked = true;
    session.sendAck(requestId, id);
    for (JsonNode v : queued) {
      session.sendValue(id, v);
    }
    queued.clear();
    if (closed) {
      session.sendClose(id);
    }
  }

  /** The method failed to open: nothing of this channel reaches the client. */
  synchronized void abandon() {
    closed = true;
    queued.clear();
  }

  /**
   * The client cancelled ({@code tellClient}: answer with {@code xrpc.ch.close}) or the connection
   * dropped: stop the producer.
   */
  void cancel(boolean tellClient) {
    List<Runnable> actions;
    synchronized (this) {
      if (cancelled) {
        return;
      }
      cancelled = true;
      actions = List.copyOf(cancelActions);
      cancelActions.clear();
      if (!closed) {
        closed = true;
        if (acked && tellClient) {
          session.sendClose(id);
        }
      }
    }
    actions.forEach(Runnable::run);
  }
}
