package io.filnode.net.pubsub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.filnode.net.identity.Ed25519Keys;
import io.filnode.net.identity.PeerId;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PeerScoreTest {
  private static final String T = "t";

  private static PeerId peer() {
    return Ed25519Keys.generate(new SecureRandom()).publicKey().peerId();
  }

  /** Only the parameter under test is non-zero. */
  private static TopicScoreParams topic(
      double p1, double p2, double p3, double p3Threshold, double p3b, double p4) {
    return new TopicScoreParams(
        1,
        p1,
        Duration.ofSeconds(1),
        10,
        p2,
        0.5,
        5,
        p3,
        0.5,
        100,
        p3Threshold,
        Duration.ofMillis(10),
        Duration.ofSeconds(2),
        p3b,
        0.5,
        p4,
        0.5);
  }

  /** Topic {@code T} scored with {@code t}; no topic cap and no other component. */
  private static ScoreParams params(TopicScoreParams t) {
    return new ScoreParams(
        Map.of(T, t),
        null,
        0,
        id -> 0,
        0,
        0,
        5,
        Set.of(),
        0,
        0,
        0.5,
        Duration.ofSeconds(1),
        0.01,
        Duration.ofMinutes(1));
  }

  @Test
  void timeInMeshIsCappedAndFirstDeliveriesDecay() {
    PeerScore s = new PeerScore(params(topic(1, 10, 0, 0, 0, 0)), 0);
    PeerId p = peer();
    s.addPeer(p, "1.1.1.1");
    s.graft(p, T, 0);
    assertThat(s.score(p, 3000)).isCloseTo(3, within(1e-9)); // 3 quanta
    assertThat(s.score(p, 60_000)).isCloseTo(10, within(1e-9)); // capped at 10
    s.prune(p, T);
    s.refresh(60_000); // decay caught up to now
    for (int i = 0; i < 8; i++) {
      s.validated(p, new MsgId(new byte[] {(byte) i}), T, 60_000);
    }
    assertThat(s.score(p, 60_000)).isCloseTo(50, within(1e-9)); // P2 capped at 5 deliveries
    s.refresh(61_000); // one decay interval: 5 × 0.5
    assertThat(s.score(p, 61_000)).isCloseTo(25, within(1e-9));
  }

  @Test
  void meshDeliveryDeficitCountsAfterActivationAndOnPrune() {
    PeerScore s = new PeerScore(params(topic(0, 0, -1, 4, -1, 0)), 0);
    PeerId p = peer();
    s.addPeer(p, "1.1.1.1");
    s.graft(p, T, 0);
    assertThat(s.score(p, 1000)).isZero(); // not active yet
    s.validated(p, new MsgId(new byte[] {1}), T, 1000);
    s.refresh(2000); // two decay intervals, 1 → 0.25, and activation (2 s in the mesh)
    assertThat(s.score(p, 2000)).isCloseTo(-(3.75 * 3.75), within(1e-9));
    s.prune(p, T); // P3b keeps the deficit as a penalty
    assertThat(s.score(p, 2000)).isCloseTo(-(3.75 * 3.75), within(1e-9));
  }

  @Test
  void invalidMessagesIncludingDuplicatesOfThemArePenalizedQuadratically() {
    PeerScore s = new PeerScore(params(topic(0, 0, 0, 0, 0, -10)), 0);
    PeerId a = peer();
    PeerId b = peer();
    s.addPeer(a, "1.1.1.1");
    s.addPeer(b, "2.2.2.2");
    MsgId bad = new MsgId(new byte[] {9});
    s.rejected(a, bad, T, 0);
    s.rejected(a, new MsgId(new byte[] {8}), T, 0);
    assertThat(s.score(a, 0)).isCloseTo(-40, within(1e-9));
    s.duplicate(b, bad, T, 0); // forwarding a known-invalid message counts too
    assertThat(s.score(b, 0)).isCloseTo(-10, within(1e-9));
  }

  @Test
  void appSpecificColocationAndBehaviourPenalty() {
    List<PeerId> peers = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      peers.add(peer());
    }
    PeerId favoured = peers.get(7);
    ScoreParams p =
        new ScoreParams(
            Map.of(),
            null,
            0,
            id -> id.equals(favoured) ? 7 : 0,
            2,
            -3,
            5,
            Set.of("9.9.9.9"),
            -1,
            2,
            0.5,
            Duration.ofSeconds(1),
            0.01,
            Duration.ofMinutes(1));
    PeerScore s = new PeerScore(p, 0);
    for (int i = 0; i < 7; i++) {
      s.addPeer(peers.get(i), "1.1.1.1"); // 7 on one IP: surplus 2 over the threshold of 5
    }
    s.addPeer(favoured, "9.9.9.9");
    assertThat(s.score(peers.get(0), 0)).isCloseTo(-12, within(1e-9)); // 2² × −3
    assertThat(s.score(favoured, 0)).isCloseTo(14, within(1e-9)); // P5: 7 × 2
    s.addPenalty(favoured, 5); // 3 over the threshold of 2
    assertThat(s.score(favoured, 0)).isCloseTo(14 - 9, within(1e-9));
    s.refresh(1000); // 5 → 2.5: 0.5 over
    assertThat(s.score(favoured, 1000)).isCloseTo(14 - 0.25, within(1e-9));
  }

  @Test
  void aPenalizedPeerKeepsItsScoreAcrossReconnects() {
    PeerScore s = new PeerScore(params(topic(0, 0, 0, 0, 0, -10)), 0);
    PeerId a = peer();
    s.addPeer(a, "1.1.1.1");
    s.rejected(a, new MsgId(new byte[] {1}), T, 0);
    s.removePeer(a, 0);
    s.addPeer(a, "1.1.1.1");
    assertThat(s.score(a, 0)).isNegative();
  }
}
