package io.filnode.net.host;

import io.filnode.net.identity.PubKey;
import io.filnode.net.multiaddr.Multiaddr;
import io.filnode.net.wire.DecodeException;
import io.filnode.net.wire.ProtoReader;
import io.filnode.net.wire.ProtoWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * The identify message ({@code /ipfs/id/1.0.0}): publicKey (1), listenAddrs (2), protocols (3),
 * observedAddr (4), protocolVersion (5), agentVersion (6). Addresses we cannot parse are dropped,
 * as other implementations do; the signed peer record (8) is not used.
 */
public record IdentifyInfo(
    String protocolVersion,
    String agentVersion,
    PubKey publicKey,
    List<Multiaddr> listenAddrs,
    Multiaddr observedAddr,
    List<String> protocols) {
  /** Largest identify message read. */
  public static final int MAX_BYTES = 64 * 1024;

  private static final int MAX_ENTRIES = 512;

  public IdentifyInfo {
    listenAddrs = List.copyOf(listenAddrs);
    protocols = List.copyOf(protocols);
  }

  public byte[] encode() {
    ProtoWriter w = new ProtoWriter();
    if (publicKey != null) {
      w.bytes(1, publicKey.bytes());
    }
    for (Multiaddr a : listenAddrs) {
      w.bytes(2, a.bytes());
    }
    for (String p : protocols) {
      w.string(3, p);
    }
    if (observedAddr != null) {
      w.bytes(4, observedAddr.bytes());
    }
    if (protocolVersion != null) {
      w.string(5, protocolVersion);
    }
    if (agentVersion != null) {
      w.string(6, agentVersion);
    }
    return w.toByteArray();
  }

  public static IdentifyInfo decode(byte[] bytes) throws DecodeException {
    if (bytes.length > MAX_BYTES) {
      throw new DecodeException("identify message too large");
    }
    ProtoReader r = new ProtoReader(bytes);
    String pv = null;
    String av = null;
    PubKey key = null;
    List<Multiaddr> addrs = new ArrayList<>();
    Multiaddr observed = null;
    List<String> protocols = new ArrayList<>();
    while (r.next()) {
      switch (r.field()) {
        case 1 -> key = io.filnode.net.identity.KeyCodec.decodePublic(r.readBytes());
        case 2 -> {
          byte[] a = r.readBytes();
          if (addrs.size() < MAX_ENTRIES) {
            parse(a, addrs);
          }
        }
        case 3 -> {
          String p = r.readString();
          if (protocols.size() >= MAX_ENTRIES) {
            throw new DecodeException("identify lists too many protocols");
          }
          protocols.add(p);
        }
        case 4 -> {
          List<Multiaddr> one = new ArrayList<>(1);
          parse(r.readBytes(), one);
          observed = one.isEmpty() ? null : one.get(0);
        }
        case 5 -> pv = r.readString();
        case 6 -> av = r.readString();
        default -> r.skip();
      }
    }
    return new IdentifyInfo(pv, av, key, addrs, observed, protocols);
  }

  private static void parse(byte[] a, List<Multiaddr> out) {
    try {
      out.add(Multiaddr.fromBytes(a));
    } catch (DecodeException e) {
      // an address with a protocol we do not know (quic, ws...): skipped
    }
  }
}
