package io.filnode.net.kad;

import io.filnode.net.identity.PeerId;
import io.filnode.net.multiaddr.Multiaddr;
import java.util.List;

/**
 * A peer in a DHT message ({@code Message.Peer}): id (1), addrs (2), connection (3).
 *
 * @param connection 0 not connected, 1 connected, 2 can connect, 3 cannot connect
 */
public record DhtPeer(PeerId id, List<Multiaddr> addrs, int connection) {
  public static final int NOT_CONNECTED = 0;
  public static final int CONNECTED = 1;
  public static final int CAN_CONNECT = 2;
  public static final int CANNOT_CONNECT = 3;

  public DhtPeer {
    addrs = List.copyOf(addrs);
    if (connection < NOT_CONNECTED || connection > CANNOT_CONNECT) {
      throw new IllegalArgumentException("connection type " + connection);
    }
  }
}
