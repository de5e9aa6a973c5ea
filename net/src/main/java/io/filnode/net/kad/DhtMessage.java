package io.filnode.net.kad;

import io.filnode.net.identity.PeerId;
import io.filnode.net.multiaddr.Multiaddr;
import io.filnode.net.wire.DecodeException;
import io.filnode.net.wire.ProtoReader;
import io.filnode.net.wire.ProtoWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * The Kademlia DHT message: type (1), key (2), closerPeers (8), providerPeers (9). The record (3)
 * and clusterLevelRaw (10) fields are skipped: this node serves and asks FIND_NODE only (and
 * answers PING). Decoding is bounded ({@link #MAX_BYTES}, {@link #MAX_PEERS}, {@link #MAX_ADDRS});
 * addresses with protocols we do not know are dropped, as for identify.
 *
 * @param key null when absent
 */
public record DhtMessage(
    Type type, byte[] key, List<DhtPeer> closerPeers, List<DhtPeer> providerPeers) {
  public static final int MAX_BYTES = 256 * 1024;
  public static final int MAX_PEERS = 64;
  public static final int MAX_ADDRS = 64;
  public static final int MAX_KEY = 1024;

  /** {@code MessageType}. */
  public enum Type {
    PUT_VALUE,
    GET_VALUE,
    ADD_PROVIDER,
    GET_PROVIDERS,
    FIND_NODE,
    PING;

    static Type fromCode(long c) throws DecodeException {
      if (c < 0 || c >= values().length) {
        throw new DecodeException("unknown DHT message type " + c);
      }
      return values()[(int) c];
    }
  }

  public DhtMessage {
    closerPeers = List.copyOf(closerPeers);
    providerPeers = List.copyOf(providerPeers);
  }

  public static DhtMessage findNode(byte[] key) {
    return new DhtMessage(Type.FIND_NODE, key, List.of(), List.of());
  }

  public byte[] encode() {
    ProtoWriter w = new ProtoWriter();
    w.varint(1, type.ordinal());
    if (key != null) {
      w.bytes(2, key);
    }
    closerPeers.forEach(p -> w.bytes(8, encode(p)));
    providerPeers.forEach(p -> w.bytes(9, encode(p)));
    return w.toByteArray();
  }

  private static byte[] encode(DhtPeer p) {
    ProtoWriter w = new ProtoWriter().bytes(1, p.id().bytes());
    p.addrs().forEach(a -> w.bytes(2, a.bytes()));
    if (p.connection() != 0) {
      w.varint(3, p.connection());
    }
    return w.toByteArray();
  }

  public static DhtMessage decode(byte[] bytes) throws DecodeException {
    if (bytes.length > MAX_BYTES) {
      throw new DecodeException("DHT message larger than " + MAX_BYTES + " bytes");
    }
    ProtoReader r = new ProtoReader(bytes);
    Type type = Type.PUT_VALUE; // the protobuf default
    byte[] key = null;
    List<DhtPeer> closer = new ArrayList<>();
    List<DhtPeer> providers = new ArrayList<>();
    while (r.next()) {
      switch (r.field()) {
        case 1 -> type = Type.fromCode(r.readVarint());
        case 2 -> {
          key = r.readBytes();
          if (key.length > MAX_KEY) {
            throw new DecodeException("DHT key longer than " + MAX_KEY + " bytes");
          }
        }
        case 8 -> addPeer(closer, r.readBytes());
        case 9 -> addPeer(providers, r.readBytes());
        default -> r.skip();
      }
    }
    return new DhtMessage(type, key, closer, providers);
  }

  private static void addPeer(List<DhtPeer> out, byte[] b) throws DecodeException {
    if (out.size() >= MAX_PEERS) {
      throw new DecodeException("DHT message lists more than " + MAX_PEERS + " peers");
    }
    ProtoReader r = new ProtoReader(b);
    PeerId id = null;
    List<Multiaddr> addrs = new ArrayList<>();
    int addrCount = 0;
    long conn = 0;
    while (r.next()) {
      switch (r.field()) {
        case 1 -> id = PeerId.fromBytes(r.readBytes());
        case 2 -> {
          byte[] a = r.readBytes();
          if (++addrCount > MAX_ADDRS) {
            throw new DecodeException("DHT peer with more than " + MAX_ADDRS + " addresses");
          }
          try {
            addrs.add(Multiaddr.fromBytes(a));
          } catch (DecodeException e) {
            // an address with a protocol we do not know (quic, ws...): skipped
          }
        }
        case 3 -> {
          conn = r.readVarint();
          if (conn > DhtPeer.CANNOT_CONNECT) {
            throw new DecodeException("unknown DHT connection type " + conn);
          }
        }
        default -> r.skip();
      }
    }
    if (id == null) {
      throw new DecodeException("DHT peer without an ID");
    }
    out.add(new DhtPeer(id, addrs, (int) conn));
  }
}
