package io.filnode.rpc;

/**
 * The server side of a channel opened by a {@link ChannelHandler}: each {@link #send} becomes an
 * {@code xrpc.ch.val} notification, {@link #close} an {@code xrpc.ch.close}. Thread-safe.
 */
public interface OutChannel {
  /** Sends a value; false (and nothing sent) once the channel is closed or cancelled. */
  boolean send(Object value);

  /** Ends the stream; later calls do nothing. */
  void close();

  /** Whether the channel is closed (by the method, the client's cancel, or the connection). */
  boolean isClosed();

  /**
   * Runs {@code action} once when the client cancels or the connection drops (at once if that has
   * already happened), so the method can stop its producer. Not run after a normal {@link #close}.
   */
  void onCancel(Runnable action);
}
