package io.filnode.net.pubsub;

import io.filnode.net.identity.KeyCodec;
import io.filnode.net.identity.PeerId;
import io.filnode.net.identity.PrivKey;
import io.filnode.net.identity.PubKey;
import io.filnode.net.wire.DecodeException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * The gossipsub v1.1 router: mesh, fanout, message cache, IHAVE/IWANT gossip, GRAFT/PRUNE with peer
 * exchange and backoff, flood publishing, StrictSign signing and checking, validation and peer
 * scoring. It does no I/O and has no threads: the owner calls it from one thread (see {@link
 * PubSub}), feeds it RPCs and heartbeats, and gives it a {@link PeerSink} per peer.
 */
public final class GossipRouter {
  public static final String MESHSUB_1_1 = "/meshsub/1.1.0";
  public static final String MESHSUB_1_0 = "/meshsub/1.0.0";
  private static final int SEQNO_BYTES = 8;

  /** Most subscriptions remembered per peer, so that subscribing cannot exhaust our memory. */
  static final int MAX_TOPICS_PER_PEER = 1000;

  /** Time a peer has to deliver a message it advertised and we asked for (go: 3 s). */
  static final long IWANT_FOLLOWUP_MS = 3000;

  private static final class PeerState {
    final String protocol;
    final boolean outbound;
    final PeerSink sink;
    final Set<String> topics = new HashSet<>();
    int peerHave;
    int asked;

    PeerState(String protocol, boolean outbound, PeerSink sink) {
      this.protocol = protocol;
      this.outbound = outbound;
      this.sink = sink;
    }
  }

  private final PrivKey key;
  private final PeerId self;
  private final byte[] selfBytes;
  private final byte[] selfKeyIfNotInlined;
  private final GossipConfig config;
  private final ScoreThresholds thresholds;
  private final Function<Message, byte[]> msgIdFn;
  private final LongSupplier clock;
  private final Random random;
  private final PeerScore score;
  private final MessageCache mcache;
  private final SeenCache seen;

  private final Map<PeerId, PeerState> peers = new LinkedHashMap<>();
  private final Map<String, List<MessageHandler>> subscriptions = new HashMap<>();
  private final Map<String, Validator> validators = new HashMap<>();
  private final Map<String, Set<PeerId>> mesh = new HashMap<>();
  private final Map<String, Set<PeerId>> fanout = new HashMap<>();
  private final Map<String, Long> fanoutLastPublished = new HashMap<>();
  private final Map<String, Map<PeerId, Long>> backoff = new HashMap<>();
  private final List<RouterListener> listeners = new CopyOnWriteArrayList<>();

  /** IWANT promises: a message asked of a peer after its IHAVE, and when it is due. */
  private final Map<MsgId, Map<PeerId, Long>> promises = new HashMap<>();

  private Consumer<List<PeerId>> pxConnector = l -> {};
  private long seqno;
  private long heartbeats;

  /** Told of mesh changes (for logs and tests). */
  public interface RouterListener {
    default void grafted(PeerId peer, String topic) {}

    default void pruned(PeerId peer, String topic) {}

    default void rejected(PeerId source, Message m, String reason) {}
  }

  /**
   * @param msgIdFn the application's message ID (Lotus: blake2b-256 of the data)
   * @param clock milliseconds (monotonic enough for backoffs and score decay)
   */
  public GossipRouter(
      PrivKey key,
      GossipConfig config,
      ScoreParams scoreParams,
      ScoreThresholds thresholds,
      Function<Message, byte[]> msgIdFn,
      LongSupplier clock,
      Random random) {
    this.key = key;
    this.self = key.publicKey().peerId();
    this.selfBytes = self.bytes();
    PubKey inlined;
    try {
      inlined = self.inlinedKey();
    } catch (DecodeException e) {
      throw new IllegalStateException("our own peer ID does not decode", e);
    }
    this.selfKeyIfNotInlined = inlined == null ? key.publicKey().bytes() : null;
    this.config = config;
    this.thresholds = thresholds;
    this.msgIdFn = msgIdFn;
    this.clock = clock;
    this.random = random;
    long now = clock.getAsLong();
    this.score = new PeerScore(scoreParams, now);
    this.mcache = new MessageCache(config.historyGossip(), config.historyLength());
    this.seen = new SeenCache(config.seenTtl().toMillis());
    // a random start, as other implementations do, so restarts do not reuse sequence numbers
    this.seqno = random.nextLong() & Long.MAX_VALUE;
  }

  public PeerId self() {
    return self;
  }

  public GossipConfig config() {
    return config;
  }

  public void addListener(RouterListener l) {
    listeners.add(l);
  }

  /** Called with peers offered in a PRUNE by a peer whose score allows PX. */
  public void setPxConnector(Consumer<List<PeerId>> c) {
    this.pxConnector = c;
  }

  // ---- peers ----

  /** A peer whose pubsub stream is open: it learns our subscriptions. */
  public void addPeer(PeerId p, String protocol, boolean outbound, String ip, PeerSink sink) {
    if (peers.containsKey(p)) {
      return;
    }
    peers.put(p, new PeerState(protocol, outbound, sink));
    score.addPeer(p, ip);
    if (!subscriptions.isEmpty()) {
      List<Rpc.SubOpts> subs = new ArrayList<>();
      for (String t : subscriptions.keySet()) {
        subs.add(new Rpc.SubOpts(true, t));
      }
      sink.send(new Rpc(subs, List.of(), null));
    }
  }

  public void removePeer(PeerId p) {
    if (peers.remove(p) == null) {
      return;
    }
    for (Map.Entry<String, Set<PeerId>> e : mesh.entrySet()) {
      if (e.getValue().remove(p)) {
        listeners.forEach(l -> l.pruned(p, e.getKey()));
      }
    }
    fanout.values().forEach(s -> s.remove(p));
    score.removePeer(p, clock.getAsLong());
  }

  public boolean hasPeer(PeerId p) {
    return peers.containsKey(p);
  }

  /** A protocol violation outside the RPC content (oversized or undecodable RPC): P7. */
  public void penalize(PeerId p, int count) {
    score.addPenalty(p, count);
  }

  public double score(PeerId p) {
    return score.score(p, clock.getAsLong());
  }

  public Set<PeerId> mesh(String topic) {
    return Set.copyOf(mesh.getOrDefault(topic, Set.of()));
  }

  public Set<PeerId> fanout(String topic) {
    return Set.copyOf(fanout.getOrDefault(topic, Set.of()));
  }

  /** Peers that told us they subscribe to {@code topic}. */
  public Set<PeerId> topicPeers(String topic) {
    Set<PeerId> out = new HashSet<>();
    peers.forEach(
        (p, s) -> {
          if (s.topics.contains(topic)) {
            out.add(p);
          }
        });
    return out;
  }

  public Set<PeerId> peers() {
    return Set.copyOf(peers.keySet());
  }

  // ---- application ----

  /** Joins {@code topic} (once) and adds {@code handler} for its validated messages. */
  public void subscribe(String topic, MessageHandler handler) {
    boolean first = !subscriptions.containsKey(topic);
    subscriptions.computeIfAbsent(topic, t -> new CopyOnWriteArrayList<>()).add(handler);
    if (first) {
      announce(topic, true);
      join(topic);
    }
  }

  /** Removes {@code handler}; leaves the topic when it was the last one. */
  public void unsubscribe(String topic, MessageHandler handler) {
    List<MessageHandler> hs = subscriptions.get(topic);
    if (hs == null || !hs.remove(handler) || !hs.isEmpty()) {
      return;
    }
    subscriptions.remove(topic);
    announce(topic, false);
    leave(topic);
  }

  public Set<String> topics() {
    return Set.copyOf(subscriptions.keySet());
  }

  public void registerValidator(String topic, Validator v) {
    validators.put(topic, v);
  }

  public void unregisterValidator(String topic) {
    validators.remove(topic);
  }

  /** Signs, validates locally, and sends a message (flooded to all topic peers by default). */
  public PublishResult publish(String topic, byte[] data) {
    byte[] seq = ByteBuffer.allocate(SEQNO_BYTES).putLong(++seqno).array();
    Message unsigned = new Message(selfBytes, data.clone(), seq, topic, null, null);
    Message m = unsigned.withSignature(key.sign(unsigned.signedBytes()), selfKeyIfNotInlined);
    byte[] id = msgIdFn.apply(m);
    MsgId mid = new MsgId(id);
    long now = clock.getAsLong();
    if (seen.contains(mid)) {
      return new PublishResult(id, ValidationResult.IGNORE, 0);
    }
    ValidationResult r = appValidate(self, m);
    if (r != ValidationResult.ACCEPT) {
      return new PublishResult(id, r, 0);
    }
    seen.add(mid, now);
    mcache.put(mid, m);
    Set<PeerId> to = new LinkedHashSet<>();
    if (config.floodPublish()) {
      peers.forEach(
          (p, s) -> {
            if (s.topics.contains(topic) && score.score(p, now) >= thresholds.publish()) {
              to.add(p);
            }
          });
    } else if (mesh.containsKey(topic)) {
      to.addAll(mesh.get(topic));
    } else {
      Set<PeerId> f = fanout.computeIfAbsent(topic, t -> new LinkedHashSet<>());
      if (f.isEmpty()) {
        f.addAll(pick(topicCandidates(topic, Set.of(), thresholds.publish(), false), config.d()));
      }
      to.addAll(f);
    }
    if (!mesh.containsKey(topic)) {
      fanoutLastPublished.put(topic, now);
    }
    Rpc rpc = Rpc.ofMessages(List.of(m));
    to.forEach(p -> peers.get(p).sink.send(rpc));
    deliverLocally(new ReceivedMessage(id, self, self, m));
    return new PublishResult(id, ValidationResult.ACCEPT, to.size());
  }

  // ---- incoming ----

  /** Handles one RPC from {@code from}. Never throws for bad content: bad content is scored. */
  public void handleRpc(PeerId from, Rpc rpc) {
    PeerState ps = peers.get(from);
    if (ps == null) {
      return;
    }
    long now = clock.getAsLong();
    if (score.score(from, now) < thresholds.graylist()) {
      return; // graylisted: everything it says is ignored
    }
    for (Rpc.SubOpts s : rpc.subscriptions()) {
      if (s.subscribe()) {
        if (ps.topics.size() < MAX_TOPICS_PER_PEER) {
          ps.topics.add(s.topic()); // beyond the cap a peer's subscriptions are not tracked
        }
      } else {
        ps.topics.remove(s.topic());
        Set<PeerId> m = mesh.get(s.topic());
        if (m != null && m.remove(from)) {
          score.prune(from, s.topic());
          listeners.forEach(l -> l.pruned(from, s.topic()));
        }
        Set<PeerId> f = fanout.get(s.topic());
        if (f != null) {
          f.remove(from);
        }
      }
    }
    for (Message m : rpc.publish()) {
      handleMessage(from, m, now);
    }
    Rpc.Control c = rpc.control();
    if (c != null) {
      List<Message> answers = handleIWant(from, c.iwant());
      List<byte[]> wants = handleIHave(from, c.ihave(), now);
      List<Rpc.Prune> prunes = handleGraft(from, c.graft(), now);
      handlePrune(from, c.prune(), now);
      if (!answers.isEmpty()) {
        sendMessages(ps, answers);
      }
      List<Rpc.IWant> iwant = wants.isEmpty() ? List.of() : List.of(new Rpc.IWant(wants));
      if (!iwant.isEmpty() || !prunes.isEmpty()) {
        ps.sink.send(Rpc.ofControl(new Rpc.Control(List.of(), iwant, List.of(), prunes)));
      }
    }
  }

  private void sendMessages(PeerState ps, List<Message> ms) {
    List<Message> batch = new ArrayList<>();
    int size = 0;
    for (Message m : ms) {
      int s = m.size() + 8;
      if (!batch.isEmpty() && size + s > config.maxMessageSize()) {
        ps.sink.send(Rpc.ofMessages(batch));
        batch = new ArrayList<>();
        size = 0;
      }
      batch.add(m);
      size += s;
    }
    if (!batch.isEmpty()) {
      ps.sink.send(Rpc.ofMessages(batch));
    }
  }

  private void handleMessage(PeerId from, Message m, long now) {
    if (!subscriptions.containsKey(m.topic())) {
      return; // not our topic: we neither relay nor score it
    }
    byte[] id;
    try {
      id = msgIdFn.apply(m);
    } catch (RuntimeException e) {
      reject(from, null, m, "message ID function failed: " + e.getMessage(), now);
      return;
    }
    MsgId mid = new MsgId(id);
    if (seen.contains(mid)) {
      score.duplicate(from, mid, m.topic(), now);
      return;
    }
    String bad = checkSignature(m);
    if (bad != null) {
      // neither marked seen nor recorded under its ID: with content-based IDs a forgery could
      // otherwise shadow the genuine message
      reject(from, null, m, bad, now);
      return;
    }
    seen.add(mid, now);
    promises.remove(mid); // whoever delivers it, the advertisers kept their word
    PeerId author;
    try {
      author = PeerId.fromBytes(m.from());
    } catch (DecodeException e) {
      reject(from, mid, m, "bad author", now);
      return;
    }
    if (author.equals(self)) {
      score.ignored(from, mid, now); // our own message came back after the seen cache forgot it
      return;
    }
    ValidationResult r = appValidate(from, m);
    switch (r) {
      case REJECT -> reject(from, mid, m, "rejected by the validator", now);
      case IGNORE -> score.ignored(from, mid, now);
      case ACCEPT -> {
        score.validated(from, mid, m.topic(), now);
        mcache.put(mid, m);
        forward(from, author, m);
        deliverLocally(new ReceivedMessage(id, author, from, m));
      }
    }
  }

  private void reject(PeerId from, MsgId mid, Message m, String why, long now) {
    score.rejected(from, mid, m.topic(), now);
    listeners.forEach(l -> l.rejected(from, m, why));
  }

  private ValidationResult appValidate(PeerId source, Message m) {
    Validator v = validators.get(m.topic());
    if (v == null) {
      return ValidationResult.ACCEPT;
    }
    try {
      return v.validate(source, m);
    } catch (RuntimeException e) {
      return ValidationResult.IGNORE; // a validator bug must not punish the peer
    }
  }

  /** StrictSign: null when the signature is present and valid, else why not. */
  static String checkSignature(Message m) {
    if (m.from() == null || m.seqno() == null || m.signature() == null) {
      return "unsigned message (StrictSign needs from, seqno and signature)";
    }
    if (m.seqno().length != SEQNO_BYTES) {
      return "seqno is not 8 bytes";
    }
    try {
      PeerId author = PeerId.fromBytes(m.from());
      PubKey pk;
      if (m.key() != null) {
        pk = KeyCodec.decodePublic(m.key());
        if (!author.matches(pk)) {
          return "key does not match the author";
        }
      } else {
        pk = author.inlinedKey();
        if (pk == null) {
          return "no key for a hashed peer ID";
        }
      }
      return pk.verify(m.signedBytes(), m.signature()) ? null : "bad signature";
    } catch (DecodeException e) {
      return "bad author or key: " + e.getMessage();
    }
  }

  private void forward(PeerId source, PeerId author, Message m) {
    Set<PeerId> to = mesh.get(m.topic());
    if (to == null) {
      return;
    }
    Rpc rpc = Rpc.ofMessages(List.of(m));
    for (PeerId p : to) {
      if (!p.equals(source) && !p.equals(author)) {
        peers.get(p).sink.send(rpc);
      }
    }
  }

  private void deliverLocally(ReceivedMessage rm) {
    List<MessageHandler> hs = subscriptions.get(rm.topic());
    if (hs == null) {
      return;
    }
    for (MessageHandler h : hs) {
      try {
        h.onMessage(rm);
      } catch (RuntimeException e) {
        // a handler bug must not stop the router or other handlers
      }
    }
  }

  private List<Message> handleIWant(PeerId from, List<Rpc.IWant> iwants) {
    List<Message> out = new ArrayList<>();
    if (iwants.isEmpty() || score.score(from, clock.getAsLong()) < thresholds.gossip()) {
      return out;
    }
    for (Rpc.IWant w : iwants) {
      for (byte[] id : w.messageIds()) {
        Message m = mcache.getForPeer(new MsgId(id), from, config.gossipRetransmission());
        if (m != null) {
          out.add(m);
        }
      }
    }
    return out;
  }

  private List<byte[]> handleIHave(PeerId from, List<Rpc.IHave> ihaves, long now) {
    List<byte[]> want = new ArrayList<>();
    if (ihaves.isEmpty() || score.score(from, now) < thresholds.gossip()) {
      return want;
    }
    PeerState ps = peers.get(from);
    if (++ps.peerHave > config.maxIHaveMessages() || ps.asked >= config.maxIHaveLength()) {
      return want;
    }
    Set<MsgId> ids = new LinkedHashSet<>();
    for (Rpc.IHave h : ihaves) {
      if (!mesh.containsKey(h.topic())) {
        continue;
      }
      for (byte[] id : h.messageIds()) {
        MsgId mid = new MsgId(id);
        if (!seen.contains(mid)) {
          ids.add(mid);
        }
      }
    }
    List<MsgId> list = new ArrayList<>(ids);
    Collections.shuffle(list, random);
    int n = Math.min(list.size(), config.maxIHaveLength() - ps.asked);
    for (int i = 0; i < n; i++) {
      want.add(list.get(i).bytes());
    }
    ps.asked += n;
    if (n > 0) {
      // one of the IDs, at random (the list is shuffled), stands for the whole IWANT
      promises
          .computeIfAbsent(list.get(0), k -> new HashMap<>())
          .putIfAbsent(from, now + IWANT_FOLLOWUP_MS);
    }
    return want;
  }

  private List<Rpc.Prune> handleGraft(PeerId from, List<Rpc.Graft> grafts, long now) {
    List<Rpc.Prune> prunes = new ArrayList<>();
    PeerState ps = peers.get(from);
    double s = score.score(from, now);
    for (Rpc.Graft g : grafts) {
      String topic = g.topic();
      Set<PeerId> m = mesh.get(topic);
      if (m == null || m.contains(from)) {
        continue; // a topic we are not in: ignored, as go-libp2p-pubsub does (spam hardening)
      }
      Long until = backoff.getOrDefault(topic, Map.of()).get(from);
      if (until != null && now < until) {
        score.addPenalty(from, 1); // GRAFT during backoff
        prunes.add(prune(topic, from, false));
        continue;
      }
      if (s < 0) {
        prunes.add(prune(topic, from, false));
        continue;
      }
      if (m.size() >= config.dhi() && !ps.outbound) {
        prunes.add(prune(topic, from, true));
        continue;
      }
      m.add(from);
      score.graft(from, topic, now);
      listeners.forEach(l -> l.grafted(from, topic));
    }
    return prunes;
  }

  private void handlePrune(PeerId from, List<Rpc.Prune> prunes, long now) {
    for (Rpc.Prune p : prunes) {
      Set<PeerId> m = mesh.get(p.topic());
      if (m != null && m.remove(from)) {
        score.prune(from, p.topic());
        listeners.forEach(l -> l.pruned(from, p.topic()));
      }
      long ms =
          p.backoffSeconds() > 0
              ? Math.min(p.backoffSeconds(), 24 * 3600L) * 1000
              : config.pruneBackoff().toMillis();
      addBackoff(from, p.topic(), now + ms);
      if (!p.peers().isEmpty() && score.score(from, now) >= thresholds.acceptPx()) {
        List<PeerId> px = new ArrayList<>();
        for (Rpc.PeerInfo pi : p.peers()) {
          if (pi.peerId() == null || px.size() >= config.prunePeers()) {
            continue;
          }
          try {
            PeerId id = PeerId.fromBytes(pi.peerId());
            if (!id.equals(self) && !peers.containsKey(id)) {
              px.add(id);
            }
          } catch (DecodeException e) {
            // a bad PX entry is skipped
          }
        }
        if (!px.isEmpty()) {
          pxConnector.accept(px);
        }
      }
    }
  }

  private void addBackoff(PeerId p, String topic, long until) {
    backoff.computeIfAbsent(topic, t -> new HashMap<>()).merge(p, until, Math::max);
  }

  private boolean backedOff(PeerId p, String topic, long now) {
    Long until = backoff.getOrDefault(topic, Map.of()).get(p);
    return until != null && now < until;
  }

  /** A PRUNE for {@code to}, with PX when asked and the peer speaks 1.1; sets our backoff. */
  private Rpc.Prune prune(String topic, PeerId to, boolean px) {
    long ms = config.pruneBackoff().toMillis();
    addBackoff(to, topic, clock.getAsLong() + ms);
    PeerState ps = peers.get(to);
    if (ps == null || !MESHSUB_1_1.equals(ps.protocol)) {
      return new Rpc.Prune(topic, List.of(), 0);
    }
    List<Rpc.PeerInfo> infos = new ArrayList<>();
    if (px) {
      long now = clock.getAsLong();
      for (PeerId p : pick(topicCandidates(topic, Set.of(to), 0, true), config.prunePeers())) {
        if (score.score(p, now) >= 0) {
          infos.add(new Rpc.PeerInfo(p.bytes(), null));
        }
      }
    }
    return new Rpc.Prune(topic, infos, ms / 1000);
  }

  // ---- joining and leaving ----

  private void announce(String topic, boolean sub) {
    Rpc rpc = new Rpc(List.of(new Rpc.SubOpts(sub, topic)), List.of(), null);
    peers.values().forEach(s -> s.sink.send(rpc));
  }

  private void join(String topic) {
    if (mesh.containsKey(topic)) {
      return;
    }
    long now = clock.getAsLong();
    Set<PeerId> m = new LinkedHashSet<>();
    Set<PeerId> f = fanout.remove(topic);
    fanoutLastPublished.remove(topic);
    if (f != null) {
      for (PeerId p : f) {
        if (m.size() < config.d() && score.score(p, now) >= 0 && !backedOff(p, topic, now)) {
          m.add(p);
        }
      }
    }
    if (m.size() < config.d()) {
      m.addAll(pick(topicCandidates(topic, m, 0, true), config.d() - m.size()));
    }
    mesh.put(topic, m);
    Rpc graft = Rpc.ofControl(graftControl(topic));
    for (PeerId p : m) {
      score.graft(p, topic, now);
      peers.get(p).sink.send(graft);
      listeners.forEach(l -> l.grafted(p, topic));
    }
  }

  private void leave(String topic) {
    Set<PeerId> m = mesh.remove(topic);
    if (m == null) {
      return;
    }
    long now = clock.getAsLong();
    for (PeerId p : m) {
      score.prune(p, topic);
      addBackoff(p, topic, now + config.unsubscribeBackoff().toMillis());
      PeerState ps = peers.get(p);
      long secs = config.unsubscribeBackoff().toSeconds();
      ps.sink.send(
          Rpc.ofControl(
              new Rpc.Control(
                  List.of(),
                  List.of(),
                  List.of(),
                  List.of(new Rpc.Prune(topic, List.of(), secs)))));
      listeners.forEach(l -> l.pruned(p, topic));
    }
  }

  private static Rpc.Control graftControl(String topic) {
    return new Rpc.Control(List.of(), List.of(), List.of(new Rpc.Graft(topic)), List.of());
  }

  /**
   * Peers subscribed to {@code topic}, not in {@code exclude}, with a score of at least {@code
   * minScore}, and (when {@code noBackoff}) not backed off; in random order.
   */
  private List<PeerId> topicCandidates(
      String topic, Set<PeerId> exclude, double minScore, boolean noBackoff) {
    long now = clock.getAsLong();
    List<PeerId> out = new ArrayList<>();
    peers.forEach(
        (p, s) -> {
          if (s.topics.contains(topic)
              && !exclude.contains(p)
              && score.score(p, now) >= minScore
              && !(noBackoff && backedOff(p, topic, now))) {
            out.add(p);
          }
        });
    Collections.shuffle(out, random);
    return out;
  }

  private static List<PeerId> pick(List<PeerId> shuffled, int n) {
    return shuffled.subList(0, Math.min(n, shuffled.size()));
  }

  // ---- heartbeat ----

  /** One heartbeat: mesh and fanout maintenance, gossip, cache shifting, score decay. */
  public void heartbeat() {
    long now = clock.getAsLong();
    heartbeats++;
    score.refresh(now);
    for (Map<PeerId, Long> b : backoff.values()) {
      b.values().removeIf(until -> until <= now);
    }
    backoff.values().removeIf(Map::isEmpty);
    penalizeBrokenPromises(now);
    for (PeerState ps : peers.values()) {
      ps.peerHave = 0;
      ps.asked = 0;
    }
    Map<PeerId, List<String>> toGraft = new LinkedHashMap<>();
    Map<PeerId, List<Rpc.Prune>> toPrune = new LinkedHashMap<>();
    Map<PeerId, Double> scores = new HashMap<>();
    for (PeerId p : peers.keySet()) {
      scores.put(p, score.score(p, now));
    }
    for (Map.Entry<String, Set<PeerId>> e : mesh.entrySet()) {
      maintainMesh(e.getKey(), e.getValue(), scores, toGraft, toPrune, now);
      emitGossip(e.getKey(), e.getValue(), scores);
    }
    maintainFanout(scores, now);
    toGraft.forEach(
        (p, topics) -> {
          List<Rpc.Graft> g = topics.stream().map(Rpc.Graft::new).toList();
          List<Rpc.Prune> pr = toPrune.getOrDefault(p, List.of());
          peers.get(p).sink.send(Rpc.ofControl(new Rpc.Control(List.of(), List.of(), g, pr)));
        });
    toPrune.forEach(
        (p, pr) -> {
          if (!toGraft.containsKey(p)) {
            peers
                .get(p)
                .sink
                .send(Rpc.ofControl(new Rpc.Control(List.of(), List.of(), List.of(), pr)));
          }
        });
    mcache.shift();
    seen.expire(now);
  }

  /** P7 for every peer that advertised a message, was asked for it, and did not deliver it. */
  private void penalizeBrokenPromises(long now) {
    for (Iterator<Map<PeerId, Long>> it = promises.values().iterator(); it.hasNext(); ) {
      Map<PeerId, Long> byPeer = it.next();
      byPeer
          .entrySet()
          .removeIf(
              e -> {
                if (e.getValue() > now) {
                  return false;
                }
                score.addPenalty(e.getKey(), 1);
                return true;
              });
      if (byPeer.isEmpty()) {
        it.remove();
      }
    }
  }

  private void maintainMesh(
      String topic,
      Set<PeerId> m,
      Map<PeerId, Double> scores,
      Map<PeerId, List<String>> toGraft,
      Map<PeerId, List<Rpc.Prune>> toPrune,
      long now) {
    Consumer<PeerId> graft =
        p -> {
          m.add(p);
          score.graft(p, topic, now);
          toGraft.computeIfAbsent(p, k -> new ArrayList<>()).add(topic);
          listeners.forEach(l -> l.grafted(p, topic));
        };
    java.util.function.BiConsumer<PeerId, Boolean> prune =
        (p, px) -> {
          m.remove(p);
          score.prune(p, topic);
          toPrune.computeIfAbsent(p, k -> new ArrayList<>()).add(prune(topic, p, px));
          listeners.forEach(l -> l.pruned(p, topic));
        };
    for (PeerId p : List.copyOf(m)) {
      if (scores.getOrDefault(p, 0.0) < 0) {
        prune.accept(p, false);
      }
    }
    if (m.size() < config.dlo()) {
      for (PeerId p : pick(topicCandidates(topic, m, 0, true), config.d() - m.size())) {
        graft.accept(p);
      }
    }
    if (m.size() > config.dhi()) {
      List<PeerId> ranked = new ArrayList<>(m);
      Collections.shuffle(ranked, random);
      ranked.sort(Comparator.comparingDouble((PeerId p) -> scores.getOrDefault(p, 0.0)).reversed());
      List<PeerId> keep = new ArrayList<>(ranked.subList(0, config.dscore()));
      List<PeerId> rest = new ArrayList<>(ranked.subList(config.dscore(), ranked.size()));
      Collections.shuffle(rest, random);
      keep.addAll(rest.subList(0, config.d() - config.dscore()));
      List<PeerId> dropped =
          new ArrayList<>(rest.subList(config.d() - config.dscore(), rest.size()));
      // keep at least dout outbound peers, swapping them in for inbound ones kept by chance
      long outbound = keep.stream().filter(p -> peers.get(p).outbound).count();
      for (PeerId o : List.copyOf(dropped)) {
        if (outbound >= config.dout()) {
          break;
        }
        if (!peers.get(o).outbound) {
          continue;
        }
        for (int i = keep.size() - 1; i >= config.dscore(); i--) {
          if (!peers.get(keep.get(i)).outbound) {
            dropped.remove(o);
            dropped.add(keep.set(i, o));
            outbound++;
            break;
          }
        }
      }
      for (PeerId p : dropped) {
        if (m.contains(p) && !keep.contains(p)) {
          prune.accept(p, true);
        }
      }
    }
    if (m.size() >= config.dlo()) {
      long outbound = m.stream().filter(p -> peers.get(p).outbound).count();
      if (outbound < config.dout()) {
        List<PeerId> cands = topicCandidates(topic, m, 0, true);
        for (PeerId p : cands) {
          if (outbound >= config.dout()) {
            break;
          }
          if (peers.get(p).outbound) {
            graft.accept(p);
            outbound++;
          }
        }
      }
    }
    if (heartbeats % config.opportunisticGraftTicks() == 0 && m.size() > 1) {
      List<Double> ss = m.stream().map(p -> scores.getOrDefault(p, 0.0)).sorted().toList();
      double median = ss.get(ss.size() / 2);
      if (median < thresholds.opportunisticGraft()) {
        int n = 0;
        for (PeerId p : topicCandidates(topic, m, median, true)) {
          if (n++ >= config.opportunisticGraftPeers()) {
            break;
          }
          if (scores.getOrDefault(p, 0.0) > median) {
            graft.accept(p);
          }
        }
      }
    }
  }

  private void maintainFanout(Map<PeerId, Double> scores, long now) {
    for (Iterator<Map.Entry<String, Long>> it = fanoutLastPublished.entrySet().iterator();
        it.hasNext(); ) {
      Map.Entry<String, Long> e = it.next();
      if (e.getValue() + config.fanoutTtl().toMillis() <= now) {
        fanout.remove(e.getKey());
        it.remove();
      }
    }
    for (Map.Entry<String, Set<PeerId>> e : fanout.entrySet()) {
      String topic = e.getKey();
      Set<PeerId> f = e.getValue();
      f.removeIf(
          p ->
              !peers.containsKey(p)
                  || !peers.get(p).topics.contains(topic)
                  || scores.getOrDefault(p, 0.0) < thresholds.publish());
      if (f.size() < config.d()) {
        f.addAll(
            pick(topicCandidates(topic, f, thresholds.publish(), false), config.d() - f.size()));
      }
      emitGossip(topic, f, scores);
    }
  }

  private void emitGossip(String topic, Set<PeerId> exclude, Map<PeerId, Double> scores) {
    List<MsgId> ids = mcache.gossipIds(topic);
    if (ids.isEmpty()) {
      return;
    }
    List<PeerId> cands = new ArrayList<>();
    peers.forEach(
        (p, s) -> {
          if (s.topics.contains(topic)
              && !exclude.contains(p)
              && scores.getOrDefault(p, 0.0) >= thresholds.gossip()) {
            cands.add(p);
          }
        });
    Collections.shuffle(cands, random);
    int n = Math.max(config.dlazy(), (int) (config.gossipFactor() * cands.size()));
    List<MsgId> shuffled = new ArrayList<>(ids);
    for (PeerId p : pick(cands, n)) {
      Collections.shuffle(shuffled, random);
      List<byte[]> send = new ArrayList<>();
      for (MsgId id : shuffled.subList(0, Math.min(shuffled.size(), config.maxIHaveLength()))) {
        send.add(id.bytes());
      }
      peers
          .get(p)
          .sink
          .send(
              Rpc.ofControl(
                  new Rpc.Control(
                      List.of(new Rpc.IHave(topic, send)), List.of(), List.of(), List.of())));
    }
  }
}
