package io.filnode.net.pubsub;

/**
 * Score thresholds: below {@code gossip} no gossip is exchanged with a peer, below {@code publish}
 * it gets no flood-published messages, below {@code graylist} its RPCs are ignored; PX from a peer
 * is followed only at {@code acceptPx} or more; opportunistic grafting starts when the median mesh
 * score is below {@code opportunisticGraft}.
 */
public record ScoreThresholds(
    double gossip, double publish, double graylist, double acceptPx, double opportunisticGraft) {
  public ScoreThresholds {
    if (!(gossip <= 0 && publish <= gossip && graylist <= publish && acceptPx >= 0)) {
      throw new IllegalArgumentException("need graylist <= publish <= gossip <= 0 <= acceptPx");
    }
  }

  /** Lotus's thresholds: gossip −500, publish −1000, graylist −2500, accept PX 1000, graft 3.5. */
  public static ScoreThresholds lotus() {
    return new ScoreThresholds(-500, -1000, -2500, 1000, 3.5);
  }
}
