package io.filnode.net.kad;

import java.time.Duration;

/**
 * Kademlia parameters.
 *
 * @param protocolId e.g. {@code /fil/kad/testnetnet/kad/1.0.0} (Filecoin) or {@code
 *     /ipfs/kad/1.0.0}
 * @param k bucket size and lookup result size
 * @param alpha concurrent queries of a lookup
 * @param queryTimeout time allowed for one request (dial, stream, answer)
 * @param randomWalkInterval time between random-walk lookups (zero: none)
 * @param serverMode whether we answer queries (and advertise the protocol)
 */
public record KadConfig(
    String protocolId,
    int k,
    int alpha,
    Duration queryTimeout,
    Duration randomWalkInterval,
    boolean serverMode) {
  /** Filecoin's DHT protocol for a network name. */
  public static String filecoinProtocol(String network) {
    return "/fil/kad/" + network + "/kad/1.0.0";
  }

  public static KadConfig defaults(String protocolId) {
    return new KadConfig(protocolId, 20, 3, Duration.ofSeconds(10), Duration.ofMinutes(5), true);
  }

  public KadConfig withQueryTimeout(Duration t) {
    return new KadConfig(protocolId, k, alpha, t, randomWalkInterval, serverMode);
  }

  public KadConfig withRandomWalkInterval(Duration d) {
    return new KadConfig(protocolId, k, alpha, queryTimeout, d, serverMode);
  }
}
