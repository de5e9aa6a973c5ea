package io.filnode.net.pubsub;

import java.time.Duration;

/**
 * Per-topic score parameters of gossipsub v1.1 (P1–P4). Weights of penalties are negative; decays
 * are factors applied once per decay interval.
 *
 * @param topicWeight multiplies the topic's total
 * @param timeInMeshWeight P1 weight
 * @param timeInMeshQuantum P1 unit of time
 * @param timeInMeshCap P1 cap (in quanta)
 * @param firstMessageDeliveriesWeight P2 weight
 * @param firstMessageDeliveriesDecay P2 decay
 * @param firstMessageDeliveriesCap P2 cap
 * @param meshMessageDeliveriesWeight P3 weight (negative)
 * @param meshMessageDeliveriesDecay P3 decay
 * @param meshMessageDeliveriesCap P3 counter cap
 * @param meshMessageDeliveriesThreshold P3 deliveries expected
 * @param meshMessageDeliveriesWindow how late a duplicate still counts as a mesh delivery
 * @param meshMessageDeliveriesActivation time in mesh before P3 applies
 * @param meshFailurePenaltyWeight P3b weight (negative)
 * @param meshFailurePenaltyDecay P3b decay
 * @param invalidMessageDeliveriesWeight P4 weight (negative)
 * @param invalidMessageDeliveriesDecay P4 decay
 */
public record TopicScoreParams(
    double topicWeight,
    double timeInMeshWeight,
    Duration timeInMeshQuantum,
    double timeInMeshCap,
    double firstMessageDeliveriesWeight,
    double firstMessageDeliveriesDecay,
    double firstMessageDeliveriesCap,
    double meshMessageDeliveriesWeight,
    double meshMessageDeliveriesDecay,
    double meshMessageDeliveriesCap,
    double meshMessageDeliveriesThreshold,
    Duration meshMessageDeliveriesWindow,
    Duration meshMessageDeliveriesActivation,
    double meshFailurePenaltyWeight,
    double meshFailurePenaltyDecay,
    double invalidMessageDeliveriesWeight,
    double invalidMessageDeliveriesDecay) {
  public TopicScoreParams {
    if (topicWeight < 0
        || timeInMeshWeight < 0
        || firstMessageDeliveriesWeight < 0
        || meshMessageDeliveriesWeight > 0
        || meshFailurePenaltyWeight > 0
        || invalidMessageDeliveriesWeight > 0) {
      throw new IllegalArgumentException("score weights have the wrong sign");
    }
    if (timeInMeshQuantum.isZero() || timeInMeshQuantum.isNegative()) {
      throw new IllegalArgumentException("timeInMeshQuantum must be positive");
    }
  }

  /**
   * Moderate defaults: small rewards for time in mesh and first deliveries, no mesh-delivery
   * requirement (P3 off, as it needs tuning to a topic's rate), and a heavy P4 penalty so invalid
   * messages quickly graylist a peer.
   */
  public static TopicScoreParams defaults() {
    return new TopicScoreParams(
        1.0,
        0.0027,
        Duration.ofSeconds(1),
        3600,
        1.0,
        0.9,
        100,
        0,
        0.9,
        100,
        0,
        Duration.ofMillis(10),
        Duration.ofMinutes(1),
        0,
        0.9,
        -1000,
        0.99);
  }
}
