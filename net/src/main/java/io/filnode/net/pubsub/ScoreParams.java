package io.filnode.net.pubsub;

import io.filnode.net.identity.PeerId;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.function.ToDoubleFunction;

/**
 * Peer score parameters of gossipsub v1.1: per-topic parameters (P1–P4), the application-specific
 * score (P5), IP colocation (P6), the behaviour penalty (P7), and decay.
 *
 * @param topics parameters of named topics
 * @param defaultTopic parameters of topics not named in {@code topics} (null: they do not count)
 * @param topicScoreCap cap of the positive sum of topic scores (0: none)
 * @param appSpecificScore P5 per peer
 * @param appSpecificWeight P5 weight
 * @param ipColocationFactorWeight P6 weight (negative)
 * @param ipColocationFactorThreshold peers per IP tolerated
 * @param ipColocationWhitelist IPs never penalized
 * @param behaviourPenaltyWeight P7 weight (negative)
 * @param behaviourPenaltyThreshold penalties tolerated
 * @param behaviourPenaltyDecay P7 decay
 * @param decayInterval how often counters decay
 * @param decayToZero below this a counter becomes 0
 * @param retainScore how long a disconnected peer's score is remembered
 */
public record ScoreParams(
    Map<String, TopicScoreParams> topics,
    TopicScoreParams defaultTopic,
    double topicScoreCap,
    ToDoubleFunction<PeerId> appSpecificScore,
    double appSpecificWeight,
    double ipColocationFactorWeight,
    int ipColocationFactorThreshold,
    Set<String> ipColocationWhitelist,
    double behaviourPenaltyWeight,
    double behaviourPenaltyThreshold,
    double behaviourPenaltyDecay,
    Duration decayInterval,
    double decayToZero,
    Duration retainScore) {
  public ScoreParams {
    topics = Map.copyOf(topics);
    ipColocationWhitelist = Set.copyOf(ipColocationWhitelist);
    if (ipColocationFactorWeight > 0 || behaviourPenaltyWeight > 0) {
      throw new IllegalArgumentException("penalty weights must not be positive");
    }
  }

  /** Defaults close to Lotus's global parameters, every topic scored with the default params. */
  public static ScoreParams defaults() {
    return new ScoreParams(
        Map.of(),
        TopicScoreParams.defaults(),
        10,
        p -> 0,
        1,
        -100,
        5,
        Set.of(),
        -10,
        6,
        0.9,
        Duration.ofSeconds(1),
        0.01,
        Duration.ofMinutes(6));
  }

  public ScoreParams withTopics(Map<String, TopicScoreParams> t, TopicScoreParams dflt) {
    return new ScoreParams(
        t,
        dflt,
        topicScoreCap,
        appSpecificScore,
        appSpecificWeight,
        ipColocationFactorWeight,
        ipColocationFactorThreshold,
        ipColocationWhitelist,
        behaviourPenaltyWeight,
        behaviourPenaltyThreshold,
        behaviourPenaltyDecay,
        decayInterval,
        decayToZero,
        retainScore);
  }

  public ScoreParams withAppSpecificScore(ToDoubleFunction<PeerId> f) {
    return new ScoreParams(
        topics,
        defaultTopic,
        topicScoreCap,
        f,
        appSpecificWeight,
        ipColocationFactorWeight,
        ipColocationFactorThreshold,
        ipColocationWhitelist,
        behaviourPenaltyWeight,
        behaviourPenaltyThreshold,
        behaviourPenaltyDecay,
        decayInterval,
        decayToZero,
        retainScore);
  }

  TopicScoreParams topic(String t) {
    TopicScoreParams p = topics.get(t);
    return p != null ? p : defaultTopic;
  }
}
