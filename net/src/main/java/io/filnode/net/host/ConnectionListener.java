package io.filnode.net.host;

/** Told when a connection to a peer is up (secured and multiplexed) and when it goes away. */
public interface ConnectionListener {
  default void connected(Connection connection) {}

  default void disconnected(Connection connection) {}
}
