package io.filnode.net.pubsub;

import io.filnode.net.identity.Ed25519Keys;
import io.filnode.net.identity.PeerId;
import io.filnode.net.wire.DecodeException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.BiPredicate;

/**
 * Deterministic in-process routers for tests: one thread, a fake clock, RPCs queued (encoded and
 * decoded, as on the wire) until {@link #drain}. A filter can drop RPCs in transit.
 */
final class SimNet {
  record Sent(PeerId from, PeerId to, Rpc rpc) {}

  final Random random = new Random(7);
  long now = 1_000_000;
  final List<GossipRouter> routers = new ArrayList<>();
  final Map<PeerId, GossipRouter> byId = new HashMap<>();
  final Deque<Sent> queue = new ArrayDeque<>();
  final List<Sent> log = new ArrayList<>();
  BiPredicate<PeerId, Rpc> dropTo = (to, rpc) -> false;

  GossipRouter add(GossipConfig c, ScoreParams sp) {
    byte[] seed = new byte[32];
    random.nextBytes(seed);
    GossipRouter r =
        new GossipRouter(
            Ed25519Keys.fromSeed(seed),
            c,
            sp,
            ScoreThresholds.lotus(),
            MessageIds.BLAKE2B_256_OF_DATA,
            () -> now,
            new Random(random.nextLong()));
    routers.add(r);
    byId.put(r.self(), r);
    return r;
  }

  List<GossipRouter> add(int n) {
    List<GossipRouter> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(add(GossipConfig.defaults(), ScoreParams.defaults()));
    }
    return out;
  }

  /** {@code a} dials {@code b}. */
  void connect(GossipRouter a, GossipRouter b) {
    a.addPeer(b.self(), GossipRouter.MESHSUB_1_1, true, "10.0.0." + routers.indexOf(b), sink(a, b));
    b.addPeer(
        a.self(), GossipRouter.MESHSUB_1_1, false, "10.0.0." + routers.indexOf(a), sink(b, a));
  }

  void connectAll() {
    for (int i = 0; i < routers.size(); i++) {
      for (int j = i + 1; j < routers.size(); j++) {
        connect(routers.get(i), routers.get(j));
      }
    }
  }

  private PeerSink sink(GossipRouter from, GossipRouter to) {
    return rpc -> {
      try {
        Rpc wire = Rpc.decode(rpc.encode());
        Sent s = new Sent(from.self(), to.self(), wire);
        log.add(s);
        if (!dropTo.test(to.self(), wire)) {
          queue.add(s);
        }
      } catch (DecodeException e) {
        throw new AssertionError("an RPC we encoded does not decode", e);
      }
    };
  }

  void drain() {
    int n = 0;
    while (!queue.isEmpty()) {
      if (++n > 1_000_000) {
        throw new AssertionError("RPCs do not settle");
      }
      Sent s = queue.removeFirst();
      byId.get(s.to).handleRpc(s.from, s.rpc);
    }
  }

  /** Advances the clock by {@code ms}, runs a heartbeat on every router, delivers everything. */
  void heartbeat(long ms) {
    now += ms;
    for (GossipRouter r : routers) {
      r.heartbeat();
      drain();
    }
  }

  long count(PeerId from, java.util.function.Predicate<Rpc> p) {
    return log.stream().filter(s -> s.from.equals(from) && p.test(s.rpc)).count();
  }
}
