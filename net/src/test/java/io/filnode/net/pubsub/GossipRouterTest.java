package io.filnode.net.pubsub;

import static org.assertj.core.api.Assertions.assertThat;

import io.filnode.net.identity.Ed25519Keys;
import io.filnode.net.identity.PeerId;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GossipRouterTest {
  private static final String TOPIC = "/fil/blocks/test";

  private static Map<PeerId, List<String>> subscribeAll(SimNet net) {
    Map<PeerId, List<String>> got = new HashMap<>();
    for (GossipRouter r : net.routers) {
      List<String> mine = new ArrayList<>();
      got.put(r.self(), mine);
      r.subscribe(TOPIC, m -> mine.add(new String(m.data(), StandardCharsets.UTF_8)));
    }
    net.drain();
    return got;
  }

  @Test
  void meshDegreeStaysWithinDloAndDhi() {
    SimNet net = new SimNet();
    net.add(30);
    net.connectAll();
    subscribeAll(net);
    // the first heartbeat builds the meshes: 30 peers each grafting 8 others push some meshes
    // above Dhi through inbound GRAFTs
    net.heartbeat(1000);
    int maxBefore = net.routers.stream().mapToInt(r -> r.mesh(TOPIC).size()).max().orElseThrow();
    assertThat(maxBefore).isGreaterThan(12);
    for (int round = 0; round < 5; round++) {
      net.now += 1000;
      for (GossipRouter r : net.routers) {
        r.heartbeat();
        // the bound holds when a router's heartbeat has run; between heartbeats GRAFTs from
        // others may exceed Dhi, as the spec allows
        assertThat(r.mesh(TOPIC).size()).as("mesh degree").isBetween(6, 12);
        net.drain();
      }
    }
    net.heartbeat(1000);
    // meshes are symmetric once settled: a GRAFT or PRUNE always reached the other side
    for (GossipRouter r : net.routers) {
      for (PeerId p : r.mesh(TOPIC)) {
        assertThat(net.byId.get(p).mesh(TOPIC)).contains(r.self());
      }
    }
  }

  @Test
  void meshRefillsAfterPeersLeave() {
    SimNet net = new SimNet();
    net.add(12);
    net.connectAll();
    subscribeAll(net);
    net.heartbeat(1000);
    GossipRouter a = net.routers.get(0);
    for (PeerId p : List.copyOf(a.mesh(TOPIC))) {
      a.removePeer(p);
      net.byId.get(p).removePeer(a.self());
    }
    assertThat(a.mesh(TOPIC)).isEmpty();
    net.heartbeat(1000);
    assertThat(a.mesh(TOPIC).size()).isBetween(1, 12);
  }

  @Test
  void pruneBackoffIsRespected() {
    SimNet net = new SimNet();
    List<GossipRouter> rs = net.add(2);
    GossipRouter a = rs.get(0);
    GossipRouter b = rs.get(1);
    net.connect(a, b);
    subscribeAll(net);
    net.heartbeat(1000);
    assertThat(b.mesh(TOPIC)).containsExactly(a.self());
    // a prunes b with a 60 s backoff
    b.handleRpc(
        a.self(),
        Rpc.ofControl(
            new Rpc.Control(
                List.of(), List.of(), List.of(), List.of(new Rpc.Prune(TOPIC, List.of(), 60)))));
    assertThat(b.mesh(TOPIC)).isEmpty();
    long graftsBefore =
        net.count(b.self(), r -> r.control() != null && !r.control().graft().isEmpty());
    for (int i = 0; i < 59; i++) {
      net.heartbeat(1000); // b's mesh is below Dlo, but a is backed off
      assertThat(b.mesh(TOPIC)).isEmpty();
    }
    assertThat(net.count(b.self(), r -> r.control() != null && !r.control().graft().isEmpty()))
        .isEqualTo(graftsBefore);
    net.heartbeat(1500);
    assertThat(b.mesh(TOPIC)).containsExactly(a.self());
  }

  @Test
  void graftDuringBackoffIsRefusedAndPenalized() {
    SimNet net = new SimNet();
    List<GossipRouter> rs = net.add(2);
    GossipRouter a = rs.get(0);
    GossipRouter b = rs.get(1);
    net.connect(a, b);
    subscribeAll(net);
    net.heartbeat(1000);
    assertThat(b.mesh(TOPIC)).containsExactly(a.self());
    b.handleRpc(
        a.self(),
        Rpc.ofControl(
            new Rpc.Control(
                List.of(), List.of(), List.of(), List.of(new Rpc.Prune(TOPIC, List.of(), 60)))));
    double before = b.score(a.self());
    Rpc graft =
        Rpc.ofControl(
            new Rpc.Control(List.of(), List.of(), List.of(new Rpc.Graft(TOPIC)), List.of()));
    for (int i = 0; i < 10; i++) {
      b.handleRpc(a.self(), graft);
    }
    net.drain();
    assertThat(b.mesh(TOPIC)).doesNotContain(a.self());
    assertThat(a.mesh(TOPIC)).doesNotContain(b.self()); // b answered with PRUNEs
    assertThat(b.score(a.self())).isLessThan(before); // P7 beyond its threshold
  }

  @Test
  void ihaveIwantRecoversAMissedMessage() {
    SimNet net = new SimNet();
    List<GossipRouter> rs = new ArrayList<>();
    for (int i = 0; i < 15; i++) {
      rs.add(net.add(GossipConfig.defaults().withFloodPublish(false), ScoreParams.defaults()));
    }
    net.connectAll();
    Map<PeerId, List<String>> got = subscribeAll(net);
    net.heartbeat(1000);
    GossipRouter x = rs.get(14);
    // x misses every message pushed to it
    net.dropTo = (to, rpc) -> to.equals(x.self()) && !rpc.publish().isEmpty();
    rs.get(0).publish(TOPIC, "block-1".getBytes(StandardCharsets.UTF_8));
    net.drain();
    assertThat(got.get(x.self())).isEmpty();
    assertThat(got.get(rs.get(1).self())).containsExactly("block-1");
    // pushes to x work again, but nobody pushes an old message: only gossip can bring it
    net.dropTo = (to, rpc) -> false;
    long iwantsBefore =
        net.count(x.self(), r -> r.control() != null && !r.control().iwant().isEmpty());
    net.heartbeat(1000);
    assertThat(got.get(x.self())).containsExactly("block-1");
    assertThat(net.count(x.self(), r -> r.control() != null && !r.control().iwant().isEmpty()))
        .isGreaterThan(iwantsBefore);
    // and it is delivered once only
    net.heartbeat(1000);
    assertThat(got.get(x.self())).containsExactly("block-1");
  }

  @Test
  void rejectedMessagesGraylistTheSender() {
    SimNet net = new SimNet();
    List<GossipRouter> rs = net.add(3);
    GossipRouter honest = rs.get(0);
    GossipRouter bad = rs.get(1);
    GossipRouter victim = rs.get(2);
    net.connect(honest, victim);
    net.connect(bad, victim);
    Map<PeerId, List<String>> got = subscribeAll(net);
    victim.registerValidator(
        TOPIC,
        (src, m) ->
            new String(m.data(), StandardCharsets.UTF_8).startsWith("bad")
                ? ValidationResult.REJECT
                : ValidationResult.ACCEPT);
    assertThat(victim.score(bad.self())).isGreaterThanOrEqualTo(0);
    bad.publish(TOPIC, "bad-1".getBytes(StandardCharsets.UTF_8));
    net.drain();
    assertThat(victim.score(bad.self())).isBetween(-2500.0, 0.0);
    bad.publish(TOPIC, "bad-2".getBytes(StandardCharsets.UTF_8));
    net.drain();
    assertThat(victim.score(bad.self())).isLessThan(ScoreThresholds.lotus().graylist());
    // graylisted: even a valid message from it is ignored
    bad.publish(TOPIC, "good-from-bad".getBytes(StandardCharsets.UTF_8));
    honest.publish(TOPIC, "good-from-honest".getBytes(StandardCharsets.UTF_8));
    net.drain();
    assertThat(got.get(victim.self())).containsExactly("good-from-honest");
    net.heartbeat(1000);
    assertThat(victim.mesh(TOPIC)).containsExactly(honest.self());
    assertThat(victim.score(honest.self())).isPositive();
  }

  @Test
  void badSignaturesAreRejectedAndScored() {
    SimNet net = new SimNet();
    List<GossipRouter> rs = net.add(3);
    GossipRouter a = rs.get(0);
    GossipRouter b = rs.get(1);
    GossipRouter forger = rs.get(2);
    net.connect(a, b);
    net.connect(forger, b);
    Map<PeerId, List<String>> got = subscribeAll(net);
    List<Message> sent = new ArrayList<>();
    net.dropTo =
        (to, rpc) -> {
          sent.addAll(rpc.publish());
          return !rpc.publish().isEmpty();
        };
    a.publish(TOPIC, "hello".getBytes(StandardCharsets.UTF_8));
    net.dropTo = (to, rpc) -> false;
    Message good = sent.get(0);
    assertThat(GossipRouter.checkSignature(good)).isNull();
    Message tampered =
        new Message(
            good.from(),
            "hellO".getBytes(StandardCharsets.UTF_8),
            good.seqno(),
            good.topic(),
            good.signature(),
            good.key());
    Message otherAuthor =
        new Message(
            Ed25519Keys.fromSeed(new byte[32]).publicKey().peerId().bytes(),
            good.data(),
            good.seqno(),
            good.topic(),
            good.signature(),
            null);
    Message unsigned =
        new Message(good.from(), good.data(), good.seqno(), good.topic(), null, null);
    assertThat(GossipRouter.checkSignature(tampered)).isEqualTo("bad signature");
    assertThat(GossipRouter.checkSignature(otherAuthor)).isEqualTo("bad signature");
    assertThat(GossipRouter.checkSignature(unsigned)).contains("unsigned");
    b.handleRpc(a.self(), Rpc.ofMessages(List.of(tampered)));
    assertThat(got.get(b.self())).isEmpty();
    assertThat(b.score(a.self())).isNegative();
    // a forgery with the genuine data (so the same blake2b message ID) arriving first must not
    // make the genuine message look like a duplicate
    Message forgedSameId =
        new Message(good.from(), good.data(), good.seqno(), good.topic(), new byte[64], null);
    b.handleRpc(forger.self(), Rpc.ofMessages(List.of(forgedSameId)));
    assertThat(got.get(b.self())).isEmpty();
    assertThat(b.score(forger.self())).isNegative();
    b.handleRpc(a.self(), Rpc.ofMessages(List.of(good)));
    assertThat(got.get(b.self())).containsExactly("hello");
  }

  @Test
  void pruneWithPeerExchangeReachesTheConnectorOnlyFromWellScoredPeers() {
    SimNet net = new SimNet();
    List<GossipRouter> rs = net.add(2);
    GossipRouter a = rs.get(0);
    GossipRouter b = rs.get(1);
    net.connect(a, b);
    subscribeAll(net);
    List<PeerId> offered = new ArrayList<>();
    b.setPxConnector(offered::addAll);
    PeerId stranger = Ed25519Keys.fromSeed(new byte[32]).publicKey().peerId();
    Rpc prune =
        Rpc.ofControl(
            new Rpc.Control(
                List.of(),
                List.of(),
                List.of(),
                List.of(
                    new Rpc.Prune(TOPIC, List.of(new Rpc.PeerInfo(stranger.bytes(), null)), 60))));
    b.handleRpc(a.self(), prune);
    assertThat(offered).isEmpty(); // a's score is far below the accept-PX threshold of 1000
  }

  @Test
  void advertisingMessagesAndNotDeliveringThemIsPenalized() {
    SimNet net = new SimNet();
    List<GossipRouter> rs = net.add(2);
    GossipRouter liar = rs.get(0);
    GossipRouter b = rs.get(1);
    net.connect(liar, b);
    subscribeAll(net);
    net.heartbeat(1000);
    // ten IHAVEs for messages the liar never sends (its own router would answer IWANTs, so the
    // IWANTs are dropped on their way)
    net.dropTo = (to, rpc) -> to.equals(liar.self());
    for (int i = 0; i < 10; i++) {
      byte[] id = new byte[32];
      id[0] = (byte) i;
      b.handleRpc(
          liar.self(),
          Rpc.ofControl(
              new Rpc.Control(
                  List.of(new Rpc.IHave(TOPIC, List.of(id))), List.of(), List.of(), List.of())));
    }
    net.drain();
    assertThat(b.score(liar.self())).isGreaterThanOrEqualTo(0);
    net.heartbeat(1000);
    assertThat(b.score(liar.self())).as("promises not yet due").isGreaterThanOrEqualTo(0);
    net.heartbeat(3000);
    // ten broken promises, 4 over the threshold of 6: 4² × −10 plus what time in mesh earned
    assertThat(b.score(liar.self())).isLessThan(-100);
  }

  @Test
  void keptPromisesAreNotPenalized() {
    SimNet net = new SimNet();
    List<GossipRouter> rs = new ArrayList<>();
    for (int i = 0; i < 15; i++) {
      rs.add(net.add(GossipConfig.defaults().withFloodPublish(false), ScoreParams.defaults()));
    }
    net.connectAll();
    subscribeAll(net);
    net.heartbeat(1000);
    GossipRouter x = rs.get(14);
    net.dropTo = (to, rpc) -> to.equals(x.self()) && !rpc.publish().isEmpty();
    rs.get(0).publish(TOPIC, "m".getBytes(StandardCharsets.UTF_8));
    net.drain();
    net.dropTo = (to, rpc) -> false;
    net.heartbeat(1000); // IHAVE → IWANT → delivered
    net.heartbeat(5000);
    for (GossipRouter r : rs.subList(0, 14)) {
      assertThat(x.score(r.self())).isGreaterThanOrEqualTo(0);
    }
  }
}
