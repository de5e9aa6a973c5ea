package io.filnode.net.pubsub;

import io.filnode.net.identity.PeerId;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * Gossipsub v1.1 peer scoring: per-topic time in mesh (P1), first message deliveries (P2), mesh
 * message delivery rate (P3) and mesh failure penalty (P3b), invalid messages (P4), the
 * application-specific score (P5), IP colocation (P6) and the behaviour penalty (P7), with decay.
 * Not thread-safe: the router's thread owns it; times are milliseconds from the router's clock.
 */
final class PeerScore {
  private static final long DELIVERY_RECORD_TTL_MS = 120_000;

  private static final class TopicStats {
    boolean inMesh;
    long graftTime;
    double firstMessageDeliveries;
    double meshMessageDeliveries;
    boolean meshMessageDeliveriesActive;
    double meshFailurePenalty;
    double invalidMessageDeliveries;
  }

  private static final class PeerStats {
    boolean connected = true;
    long expire;
    String ip;
    final Map<String, TopicStats> topics = new HashMap<>();
    double behaviourPenalty;
  }

  private enum Status {
    VALID,
    INVALID,
    IGNORED
  }

  private static final class Delivery {
    Status status;
    long validated;
    final Set<PeerId> peers = new HashSet<>();
  }

  private record Expiry(MsgId id, long at) {}

  private final ScoreParams params;
  private final Map<PeerId, PeerStats> peers = new HashMap<>();
  private final Map<String, Set<PeerId>> peerIps = new HashMap<>();
  private final Map<MsgId, Delivery> deliveries = new HashMap<>();
  private final Deque<Expiry> deliveryOrder = new ArrayDeque<>();
  private long lastDecay;

  PeerScore(ScoreParams params, long now) {
    this.params = params;
    this.lastDecay = now;
  }

  // ---- peers ----

  void addPeer(PeerId p, String ip) {
    PeerStats s = peers.computeIfAbsent(p, k -> new PeerStats());
    s.connected = true;
    setIp(p, s, ip);
  }

  private void setIp(PeerId p, PeerStats s, String ip) {
    if (s.ip != null) {
      Set<PeerId> set = peerIps.get(s.ip);
      if (set != null) {
        set.remove(p);
        if (set.isEmpty()) {
          peerIps.remove(s.ip);
        }
      }
    }
    s.ip = ip;
    if (ip != null) {
      peerIps.computeIfAbsent(ip, k -> new HashSet<>()).add(p);
    }
  }

  void removePeer(PeerId p, long now) {
    PeerStats s = peers.get(p);
    if (s == null) {
      return;
    }
    // a peer with a non-negative score need not be remembered; a penalized one keeps its score
    // for retainScore so reconnecting does not wash it
    if (score(p, now) > 0) {
      setIp(p, s, null);
      peers.remove(p);
      return;
    }
    for (Map.Entry<String, TopicStats> e : s.topics.entrySet()) {
      TopicStats t = e.getValue();
      t.firstMessageDeliveries = 0;
      TopicScoreParams tp = params.topic(e.getKey());
      if (tp != null
          && t.inMesh
          && t.meshMessageDeliveriesActive
          && t.meshMessageDeliveries < tp.meshMessageDeliveriesThreshold()) {
        double deficit = tp.meshMessageDeliveriesThreshold() - t.meshMessageDeliveries;
        t.meshFailurePenalty += deficit * deficit;
      }
      t.inMesh = false;
    }
    s.connected = false;
    s.expire = now + params.retainScore().toMillis();
  }

  // ---- mesh ----

  void graft(PeerId p, String topic, long now) {
    TopicStats t = topicStats(p, topic);
    if (t != null) {
      t.inMesh = true;
      t.graftTime = now;
      t.meshMessageDeliveriesActive = false;
    }
  }

  void prune(PeerId p, String topic) {
    TopicStats t = topicStats(p, topic);
    if (t == null) {
      return;
    }
    TopicScoreParams tp = params.topic(topic);
    if (t.meshMessageDeliveriesActive
        && t.meshMessageDeliveries < tp.meshMessageDeliveriesThreshold()) {
      double deficit = tp.meshMessageDeliveriesThreshold() - t.meshMessageDeliveries;
      t.meshFailurePenalty += deficit * deficit;
    }
    t.inMesh = false;
  }

  private TopicStats topicStats(PeerId p, String topic) {
    PeerStats s = peers.get(p);
    if (s == null || params.topic(topic) == null) {
      return null;
    }
    return s.topics.computeIfAbsent(topic, k -> new TopicStats());
  }

  // ---- deliveries ----

  private Delivery delivery(MsgId id, long now) {
    return deliveries.computeIfAbsent(
        id,
        k -> {
          deliveryOrder.addLast(new Expiry(k, now + DELIVERY_RECORD_TTL_MS));
          return new Delivery();
        });
  }

  /** A message from {@code from} passed validation: it was the first delivery. */
  void validated(PeerId from, MsgId id, String topic, long now) {
    Delivery d = delivery(id, now);
    d.status = Status.VALID;
    d.validated = now;
    d.peers.add(from);
    TopicStats t = topicStats(from, topic);
    if (t == null) {
      return;
    }
    TopicScoreParams tp = params.topic(topic);
    t.firstMessageDeliveries =
        Math.min(t.firstMessageDeliveries + 1, tp.firstMessageDeliveriesCap());
    if (t.inMesh) {
      t.meshMessageDeliveries =
          Math.min(t.meshMessageDeliveries + 1, tp.meshMessageDeliveriesCap());
    }
  }

  /** A message from {@code from} was rejected (bad signature or the validator said REJECT). */
  void rejected(PeerId from, MsgId id, String topic, long now) {
    if (id != null) {
      Delivery d = delivery(id, now);
      d.status = Status.INVALID;
      d.peers.add(from);
    }
    invalid(from, topic);
  }

  private void invalid(PeerId from, String topic) {
    TopicStats t = topicStats(from, topic);
    if (t != null) {
      t.invalidMessageDeliveries += 1;
    }
  }

  /** The validator said IGNORE: neither reward nor penalty. */
  void ignored(PeerId from, MsgId id, long now) {
    Delivery d = delivery(id, now);
    d.status = Status.IGNORED;
    d.peers.add(from);
  }

  /** {@code from} sent a message already seen. */
  void duplicate(PeerId from, MsgId id, String topic, long now) {
    Delivery d = deliveries.get(id);
    if (d == null || !d.peers.add(from)) {
      return;
    }
    if (d.status == Status.INVALID) {
      invalid(from, topic);
    } else if (d.status == Status.VALID) {
      TopicStats t = topicStats(from, topic);
      TopicScoreParams tp = params.topic(topic);
      if (t != null
          && t.inMesh
          && now - d.validated <= tp.meshMessageDeliveriesWindow().toMillis()) {
        t.meshMessageDeliveries =
            Math.min(t.meshMessageDeliveries + 1, tp.meshMessageDeliveriesCap());
      }
    }
  }

  /**
   * P7: a protocol violation (oversized or malformed RPC, GRAFT during backoff, broken promise).
   */
  void addPenalty(PeerId p, int count) {
    PeerStats s = peers.get(p);
    if (s != null) {
      s.behaviourPenalty += count;
    }
  }

  // ---- the score ----

  double score(PeerId p, long now) {
    PeerStats s = peers.get(p);
    if (s == null) {
      return 0;
    }
    double topicsScore = 0;
    for (Map.Entry<String, TopicStats> e : s.topics.entrySet()) {
      TopicScoreParams tp = params.topic(e.getKey());
      if (tp == null) {
        continue;
      }
      TopicStats t = e.getValue();
      double ts = 0;
      if (t.inMesh) {
        double quanta = (double) (now - t.graftTime) / tp.timeInMeshQuantum().toMillis();
        ts += Math.min(quanta, tp.timeInMeshCap()) * tp.timeInMeshWeight();
      }
      ts += t.firstMessageDeliveries * tp.firstMessageDeliveriesWeight();
      if (t.inMesh
          && now - t.graftTime >= tp.meshMessageDeliveriesActivation().toMillis()
          && t.meshMessageDeliveries < tp.meshMessageDeliveriesThreshold()) {
        double deficit = tp.meshMessageDeliveriesThreshold() - t.meshMessageDeliveries;
        ts += deficit * deficit * tp.meshMessageDeliveriesWeight();
      }
      ts += t.meshFailurePenalty * tp.meshFailurePenaltyWeight();
      ts +=
          t.invalidMessageDeliveries
              * t.invalidMessageDeliveries
              * tp.invalidMessageDeliveriesWeight();
      topicsScore += ts * tp.topicWeight();
    }
    if (params.topicScoreCap() > 0 && topicsScore > params.topicScoreCap()) {
      topicsScore = params.topicScoreCap();
    }
    double score = topicsScore;
    score += params.appSpecificScore().applyAsDouble(p) * params.appSpecificWeight();
    if (s.ip != null && !params.ipColocationWhitelist().contains(s.ip)) {
      int n = peerIps.getOrDefault(s.ip, Set.of()).size();
      if (n > params.ipColocationFactorThreshold()) {
        double surplus = n - params.ipColocationFactorThreshold();
        score += surplus * surplus * params.ipColocationFactorWeight();
      }
    }
    if (s.behaviourPenalty > params.behaviourPenaltyThreshold()) {
      double excess = s.behaviourPenalty - params.behaviourPenaltyThreshold();
      score += excess * excess * params.behaviourPenaltyWeight();
    }
    return score;
  }

  /** Decays counters once per decay interval elapsed, activates P3, forgets expired peers. */
  void refresh(long now) {
    long interval = params.decayInterval().toMillis();
    while (now - lastDecay >= interval) {
      lastDecay += interval;
      decayOnce(now);
    }
    Iterator<Map.Entry<PeerId, PeerStats>> it = peers.entrySet().iterator();
    while (it.hasNext()) {
      Map.Entry<PeerId, PeerStats> e = it.next();
      if (!e.getValue().connected && e.getValue().expire <= now) {
        setIp(e.getKey(), e.getValue(), null);
        it.remove();
      }
    }
    while (!deliveryOrder.isEmpty() && deliveryOrder.peekFirst().at <= now) {
      deliveries.remove(deliveryOrder.removeFirst().id);
    }
  }

  private void decayOnce(long now) {
    for (PeerStats s : peers.values()) {
      for (Map.Entry<String, TopicStats> e : s.topics.entrySet()) {
        TopicScoreParams tp = params.topic(e.getKey());
        if (tp == null) {
          continue;
        }
        TopicStats t = e.getValue();
        t.firstMessageDeliveries =
            decay(t.firstMessageDeliveries, tp.firstMessageDeliveriesDecay());
        t.meshMessageDeliveries = decay(t.meshMessageDeliveries, tp.meshMessageDeliveriesDecay());
        t.meshFailurePenalty = decay(t.meshFailurePenalty, tp.meshFailurePenaltyDecay());
        t.invalidMessageDeliveries =
            decay(t.invalidMessageDeliveries, tp.invalidMessageDeliveriesDecay());
        if (t.inMesh && now - t.graftTime >= tp.meshMessageDeliveriesActivation().toMillis()) {
          t.meshMessageDeliveriesActive = true;
        }
      }
      s.behaviourPenalty = decay(s.behaviourPenalty, params.behaviourPenaltyDecay());
    }
  }

  private double decay(double v, double factor) {
    double d = v * factor;
    return d < params.decayToZero() ? 0 : d;
  }
}
