package io.filnode.net.peers;

import java.time.Duration;

/**
 * Connection manager limits.
 *
 * @param lowWater connections kept when trimming
 * @param highWater connections above which trimming starts
 * @param gracePeriod age below which a connection is never trimmed
 * @param maxConnsPerPeer connections allowed to one peer (newer ones are closed)
 * @param maxStreamsPerConnection inbound streams open at once on one connection
 * @param maxStreamsPerPeer inbound streams open at once over all connections of one peer
 */
public record ConnectionManagerConfig(
    int lowWater,
    int highWater,
    Duration gracePeriod,
    int maxConnsPerPeer,
    int maxStreamsPerConnection,
    int maxStreamsPerPeer) {
  public ConnectionManagerConfig {
    if (lowWater < 0 || highWater < lowWater) {
      throw new IllegalArgumentException("need 0 <= lowWater <= highWater");
    }
    if (maxConnsPerPeer < 1 || maxStreamsPerConnection < 1 || maxStreamsPerPeer < 1) {
      throw new IllegalArgumentException("limits must be positive");
    }
  }

  /** Lotus's water marks (150/180) and 20 s grace; 8 connections and 512/1024 streams. */
  public static ConnectionManagerConfig lotus() {
    return new ConnectionManagerConfig(150, 180, Duration.ofSeconds(20), 8, 512, 1024);
  }
}
