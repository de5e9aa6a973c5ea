package io.filnode.net.pubsub;

import io.filnode.net.wire.DecodeException;
import io.filnode.net.wire.ProtoReader;
import io.filnode.net.wire.ProtoWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * The pubsub {@code RPC} protobuf: subscriptions (1), publish (2), control (3). Decoding is strict
 * and bounded: counts are capped (see the constants), strings must be UTF-8, a message must have a
 * topic, and nothing is allocated that the input does not pay for.
 *
 * @param control null when absent
 */
public record Rpc(List<SubOpts> subscriptions, List<Message> publish, Control control) {
  /** Most subscription changes, messages, or control entries of one kind in one RPC. */
  public static final int MAX_ENTRIES = 5000;

  /** Most message IDs in all IHAVE or all IWANT entries of one RPC. */
  public static final int MAX_IDS = 20_000;

  /** Most peers offered in one PRUNE. */
  public static final int MAX_PX = 64;

  /** Longest topic name. */
  public static final int MAX_TOPIC = 1024;

  public Rpc {
    subscriptions = List.copyOf(subscriptions);
    publish = List.copyOf(publish);
  }

  public static Rpc ofMessages(List<Message> messages) {
    return new Rpc(List.of(), messages, null);
  }

  public static Rpc ofControl(Control c) {
    return new Rpc(List.of(), List.of(), c);
  }

  public boolean isEmpty() {
    return subscriptions.isEmpty() && publish.isEmpty() && (control == null || control.isEmpty());
  }

  /** {@code SubOpts}: subscribe (1), topicid (2). */
  public record SubOpts(boolean subscribe, String topic) {}

  /** {@code ControlIHave}: topicID (1), messageIDs (2). */
  public record IHave(String topic, List<byte[]> messageIds) {
    public IHave {
      messageIds = List.copyOf(messageIds);
    }
  }

  /** {@code ControlIWant}: messageIDs (1). */
  public record IWant(List<byte[]> messageIds) {
    public IWant {
      messageIds = List.copyOf(messageIds);
    }
  }

  /** {@code ControlGraft}: topicID (1). */
  public record Graft(String topic) {}

  /** {@code ControlPrune}: topicID (1), peers (2), backoff in seconds (3, 0 when absent). */
  public record Prune(String topic, List<PeerInfo> peers, long backoffSeconds) {
    public Prune {
      peers = List.copyOf(peers);
    }
  }

  /** {@code PeerInfo} for peer exchange: peerID (1), signedPeerRecord (2); either may be null. */
  public record PeerInfo(byte[] peerId, byte[] signedPeerRecord) {}

  /** {@code ControlMessage}: ihave (1), iwant (2), graft (3), prune (4); IDONTWANT (5) skipped. */
  public record Control(
      List<IHave> ihave, List<IWant> iwant, List<Graft> graft, List<Prune> prune) {
    public Control {
      ihave = List.copyOf(ihave);
      iwant = List.copyOf(iwant);
      graft = List.copyOf(graft);
      prune = List.copyOf(prune);
    }

    public boolean isEmpty() {
      return ihave.isEmpty() && iwant.isEmpty() && graft.isEmpty() && prune.isEmpty();
    }
  }

  // ---- encoding ----

  public byte[] encode() {
    ProtoWriter w = new ProtoWriter();
    for (SubOpts s : subscriptions) {
      w.bytes(1, new ProtoWriter().varint(1, s.subscribe ? 1 : 0).string(2, s.topic).toByteArray());
    }
    for (Message m : publish) {
      w.bytes(2, m.encode());
    }
    if (control != null && !control.isEmpty()) {
      w.bytes(3, encode(control));
    }
    return w.toByteArray();
  }

  private static byte[] encode(Control c) {
    ProtoWriter w = new ProtoWriter();
    for (IHave h : c.ihave) {
      ProtoWriter e = new ProtoWriter().string(1, h.topic);
      h.messageIds.forEach(id -> e.bytes(2, id));
      w.bytes(1, e.toByteArray());
    }
    for (IWant iw : c.iwant) {
      ProtoWriter e = new ProtoWriter();
      iw.messageIds.forEach(id -> e.bytes(1, id));
      w.bytes(2, e.toByteArray());
    }
    for (Graft g : c.graft) {
      w.bytes(3, new ProtoWriter().string(1, g.topic).toByteArray());
    }
    for (Prune p : c.prune) {
      ProtoWriter e = new ProtoWriter().string(1, p.topic);
      for (PeerInfo pi : p.peers) {
        ProtoWriter q = new ProtoWriter();
        if (pi.peerId != null) {
          q.bytes(1, pi.peerId);
        }
        if (pi.signedPeerRecord != null) {
          q.bytes(2, pi.signedPeerRecord);
        }
        e.bytes(2, q.toByteArray());
      }
      if (p.backoffSeconds > 0) {
        e.varint(3, p.backoffSeconds);
      }
      w.bytes(4, e.toByteArray());
    }
    return w.toByteArray();
  }

  // ---- decoding ----

  /** Decodes an RPC; the caller has already bounded {@code bytes.length} by the max RPC size. */
  public static Rpc decode(byte[] bytes) throws DecodeException {
    ProtoReader r = new ProtoReader(bytes);
    List<SubOpts> subs = new ArrayList<>();
    List<Message> msgs = new ArrayList<>();
    Control control = null;
    while (r.next()) {
      switch (r.field()) {
        case 1 -> {
          check(subs.size(), MAX_ENTRIES, "subscriptions");
          subs.add(decodeSubOpts(r.readBytes()));
        }
        case 2 -> {
          check(msgs.size(), MAX_ENTRIES, "messages");
          msgs.add(decodeMessage(r.readBytes()));
        }
        case 3 -> {
          if (control != null) {
            throw new DecodeException("RPC has two control messages");
          }
          control = decodeControl(r.readBytes());
        }
        default -> r.skip();
      }
    }
    return new Rpc(subs, msgs, control);
  }

  private static void check(int size, int max, String what) throws DecodeException {
    if (size >= max) {
      throw new DecodeException("RPC carries more than " + max + " " + what);
    }
  }

  private static String topic(ProtoReader r) throws DecodeException {
    String t = r.readString();
    if (t.length() > MAX_TOPIC) {
      throw new DecodeException("topic name longer than " + MAX_TOPIC);
    }
    return t;
  }

  private static SubOpts decodeSubOpts(byte[] b) throws DecodeException {
    ProtoReader r = new ProtoReader(b);
    boolean sub = false;
    String topic = null;
    while (r.next()) {
      switch (r.field()) {
        case 1 -> sub = bool(r.readVarint());
        case 2 -> topic = topic(r);
        default -> r.skip();
      }
    }
    if (topic == null) {
      throw new DecodeException("subscription without a topic");
    }
    return new SubOpts(sub, topic);
  }

  private static boolean bool(long v) throws DecodeException {
    if (v > 1) {
      throw new DecodeException("protobuf bool out of range");
    }
    return v == 1;
  }

  /** Decodes one {@code Message}. */
  public static Message decodeMessage(byte[] b) throws DecodeException {
    ProtoReader r = new ProtoReader(b);
    byte[] from = null;
    byte[] data = null;
    byte[] seqno = null;
    String topic = null;
    byte[] sig = null;
    byte[] key = null;
    while (r.next()) {
      switch (r.field()) {
        case 1 -> from = r.readBytes();
        case 2 -> data = r.readBytes();
        case 3 -> seqno = r.readBytes();
        case 4 -> {
          if (topic != null) {
            throw new DecodeException("message names more than one topic");
          }
          topic = topic(r);
        }
        case 5 -> sig = r.readBytes();
        case 6 -> key = r.readBytes();
        default -> r.skip();
      }
    }
    if (topic == null) {
      throw new DecodeException("message without a topic");
    }
    return new Message(from, data, seqno, topic, sig, key);
  }

  private static Control decodeControl(byte[] b) throws DecodeException {
    ProtoReader r = new ProtoReader(b);
    List<IHave> ihave = new ArrayList<>();
    List<IWant> iwant = new ArrayList<>();
    List<Graft> graft = new ArrayList<>();
    List<Prune> prune = new ArrayList<>();
    int[] haveIds = {0};
    int[] wantIds = {0};
    while (r.next()) {
      switch (r.field()) {
        case 1 -> {
          check(ihave.size(), MAX_ENTRIES, "IHAVE entries");
          ProtoReader e = new ProtoReader(r.readBytes());
          String topic = null;
          List<byte[]> ids = new ArrayList<>();
          while (e.next()) {
            switch (e.field()) {
              case 1 -> topic = topic(e);
              case 2 -> {
                check(haveIds[0]++, MAX_IDS, "IHAVE message IDs");
                ids.add(e.readBytes());
              }
              default -> e.skip();
            }
          }
          ihave.add(new IHave(topic == null ? "" : topic, ids));
        }
        case 2 -> {
          check(iwant.size(), MAX_ENTRIES, "IWANT entries");
          ProtoReader e = new ProtoReader(r.readBytes());
          List<byte[]> ids = new ArrayList<>();
          while (e.next()) {
            if (e.field() == 1) {
              check(wantIds[0]++, MAX_IDS, "IWANT message IDs");
              ids.add(e.readBytes());
            } else {
              e.skip();
            }
          }
          iwant.add(new IWant(ids));
        }
        case 3 -> {
          check(graft.size(), MAX_ENTRIES, "GRAFT entries");
          ProtoReader e = new ProtoReader(r.readBytes());
          String topic = null;
          while (e.next()) {
            if (e.field() == 1) {
              topic = topic(e);
            } else {
              e.skip();
            }
          }
          if (topic == null) {
            throw new DecodeException("GRAFT without a topic");
          }
          graft.add(new Graft(topic));
        }
        case 4 -> {
          check(prune.size(), MAX_ENTRIES, "PRUNE entries");
          prune.add(decodePrune(r.readBytes()));
        }
        default -> r.skip();
      }
    }
    return new Control(ihave, iwant, graft, prune);
  }

  private static Prune decodePrune(byte[] b) throws DecodeException {
    ProtoReader e = new ProtoReader(b);
    String topic = null;
    List<PeerInfo> peers = new ArrayList<>();
    long backoff = 0;
    while (e.next()) {
      switch (e.field()) {
        case 1 -> topic = topic(e);
        case 2 -> {
          check(peers.size(), MAX_PX, "PX peers in a PRUNE");
          ProtoReader p = new ProtoReader(e.readBytes());
          byte[] id = null;
          byte[] record = null;
          while (p.next()) {
            switch (p.field()) {
              case 1 -> id = p.readBytes();
              case 2 -> record = p.readBytes();
              default -> p.skip();
            }
          }
          peers.add(new PeerInfo(id, record));
        }
        case 3 -> backoff = e.readVarint();
        default -> e.skip();
      }
    }
    if (topic == null) {
      throw new DecodeException("PRUNE without a topic");
    }
    return new Prune(topic, peers, backoff);
  }
}
