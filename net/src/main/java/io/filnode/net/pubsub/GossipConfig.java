package io.filnode.net.pubsub;

import java.time.Duration;

/**
 * Gossipsub v1.1 router parameters (names as in the spec and go-libp2p-pubsub).
 *
 * @param d desired mesh degree
 * @param dlo fewest mesh peers before grafting more
 * @param dhi most mesh peers before pruning
 * @param dlazy peers to send IHAVE gossip to per topic per heartbeat (at least)
 * @param dscore mesh peers kept by score when pruning an oversized mesh
 * @param dout outbound peers the mesh keeps when it can
 * @param heartbeat heartbeat interval
 * @param historyLength heartbeats a message stays in the message cache
 * @param historyGossip heartbeats of the cache advertised in IHAVE
 * @param gossipFactor fraction of eligible peers gossiped to (when more than dlazy)
 * @param fanoutTtl time a fanout topic is kept after the last publish
 * @param pruneBackoff backoff requested in (and honoured after) a PRUNE
 * @param unsubscribeBackoff backoff after leaving a topic
 * @param seenTtl how long message IDs are remembered as seen
 * @param prunePeers peers offered for exchange in a PRUNE
 * @param maxIHaveLength most message IDs asked for per peer per heartbeat
 * @param maxIHaveMessages most IHAVEs handled per peer per heartbeat
 * @param gossipRetransmission times a message is sent to one peer in response to IWANTs
 * @param floodPublish send own messages to every subscribed peer above the publish threshold
 * @param maxMessageSize largest RPC read or written, in bytes
 * @param opportunisticGraftTicks heartbeats between opportunistic grafting rounds
 * @param opportunisticGraftPeers peers grafted per opportunistic round
 */
public record GossipConfig(
    int d,
    int dlo,
    int dhi,
    int dlazy,
    int dscore,
    int dout,
    Duration heartbeat,
    int historyLength,
    int historyGossip,
    double gossipFactor,
    Duration fanoutTtl,
    Duration pruneBackoff,
    Duration unsubscribeBackoff,
    Duration seenTtl,
    int prunePeers,
    int maxIHaveLength,
    int maxIHaveMessages,
    int gossipRetransmission,
    boolean floodPublish,
    int maxMessageSize,
    int opportunisticGraftTicks,
    int opportunisticGraftPeers) {
  public static final int ONE_MIB = 1 << 20;

  public GossipConfig {
    if (!(dlo <= d && d <= dhi) || dlo < 0 || dout >= dlo || dscore > d) {
      throw new IllegalArgumentException("mesh degrees must satisfy dout < dlo <= d <= dhi");
    }
    if (historyGossip > historyLength || historyGossip < 1) {
      throw new IllegalArgumentException("historyGossip must be within 1..historyLength");
    }
  }

  /** The spec defaults (as Lotus runs them): D=8, Dlo=6, Dhi=12, Dlazy=6, 1 s heartbeat. */
  public static GossipConfig defaults() {
    return new GossipConfig(
        8,
        6,
        12,
        6,
        4,
        2,
        Duration.ofSeconds(1),
        5,
        3,
        0.25,
        Duration.ofSeconds(60),
        Duration.ofMinutes(1),
        Duration.ofSeconds(10),
        Duration.ofMinutes(2),
        16,
        5000,
        10,
        3,
        true,
        ONE_MIB,
        60,
        2);
  }

  public GossipConfig withHeartbeat(Duration h) {
    return new GossipConfig(
        d,
        dlo,
        dhi,
        dlazy,
        dscore,
        dout,
        h,
        historyLength,
        historyGossip,
        gossipFactor,
        fanoutTtl,
        pruneBackoff,
        unsubscribeBackoff,
        seenTtl,
        prunePeers,
        maxIHaveLength,
        maxIHaveMessages,
        gossipRetransmission,
        floodPublish,
        maxMessageSize,
        opportunisticGraftTicks,
        opportunisticGraftPeers);
  }

  public GossipConfig withFloodPublish(boolean flood) {
    return new GossipConfig(
        d,
        dlo,
        dhi,
        dlazy,
        dscore,
        dout,
        heartbeat,
        historyLength,
        historyGossip,
        gossipFactor,
        fanoutTtl,
        pruneBackoff,
        unsubscribeBackoff,
        seenTtl,
        prunePeers,
        maxIHaveLength,
        maxIHaveMessages,
        gossipRetransmission,
        flood,
        maxMessageSize,
        opportunisticGraftTicks,
        opportunisticGraftPeers);
  }

  public GossipConfig withMaxMessageSize(int max) {
    return new GossipConfig(
        d,
        dlo,
        dhi,
        dlazy,
        dscore,
        dout,
        heartbeat,
        historyLength,
        historyGossip,
        gossipFactor,
        fanoutTtl,
        pruneBackoff,
        unsubscribeBackoff,
        seenTtl,
        prunePeers,
        maxIHaveLength,
        maxIHaveMessages,
        gossipRetransmission,
        floodPublish,
        max,
        opportunisticGraftTicks,
        opportunisticGraftPeers);
  }
}
