package io.filnode.node.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.filnode.net.host.Connection;
import io.filnode.net.host.IdentifyInfo;
import io.filnode.net.identity.PeerId;
import io.filnode.net.multiaddr.Multiaddr;
import io.filnode.net.wire.DecodeException;
import io.filnode.node.p2p.NodeHost;
import io.filnode.rpc.MethodRegistry;
import io.filnode.rpc.Params;
import io.filnode.rpc.Permission;
import io.filnode.rpc.RpcException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@code ID} and the {@code Net*} methods the node's libp2p host can answer: its listen addresses,
 * its connections, connecting and disconnecting. Peer IDs and multiaddrs travel as strings, as
 * Lotus's JSON has them. {@code NetFindPeer} needs a DHT the daemon does not run yet.
 */
public final class NetApi {
  /** Lotus's {@code network.Connectedness}: the two states a host without a peer store knows. */
  static final int NOT_CONNECTED = 0;

  static final int CONNECTED = 1;

  /** How long {@code NetConnect} waits for a dial (TCP, Noise, muxer). */
  private static final long CONNECT_TIMEOUT_SECONDS = 30;

  /** go-libp2p's {@code peer.AddrInfo} JSON. */
  public record AddrInfo(
      @JsonProperty("ID") String id, @JsonProperty("Addrs") List<String> addrs) {}

  private final NodeHost host;

  public NetApi(NodeHost host) {
    this.host = host;
  }

  /** Registers the methods on {@code r}. */
  public void register(MethodRegistry r) {
    r.register("Filecoin.ID", Permission.READ, Params.none(), (ctx, a) -> id());
    r.register(
        "Filecoin.NetAddrsListen", Permission.READ, Params.none(), (ctx, a) -> addrsListen());
    r.register("Filecoin.NetPeers", Permission.READ, Params.none(), (ctx, a) -> peers());
    r.register(
        "Filecoin.NetConnectedness",
        Permission.READ,
        Params.of(String.class),
        (ctx, a) -> connectedness(peer(a.get(0, String.class))));
    r.register(
        "Filecoin.NetAgentVersion",
        Permission.READ,
        Params.of(String.class),
        (ctx, a) -> agentVersion(peer(a.get(0, String.class))));
    r.register(
        "Filecoin.NetConnect",
        Permission.WRITE,
        Params.of(AddrInfo.class),
        (ctx, a) -> {
          connect(a.get(0, AddrInfo.class));
          return null;
        });
    r.register(
        "Filecoin.NetDisconnect",
        Permission.WRITE,
        Params.of(String.class),
        (ctx, a) -> {
          for (Connection c : host.host().connections(peer(a.get(0, String.class)))) {
            c.close();
          }
          return null;
        });
  }

  public String id() {
    return host.peerId().toString();
  }

  public AddrInfo addrsListen() {
    return new AddrInfo(id(), host.listenAddrs().stream().map(Multiaddr::toString).toList());
  }

  /** One entry per open connection, with the address it runs to (as Lotus lists them). */
  public List<AddrInfo> peers() {
    List<AddrInfo> out = new ArrayList<>();
    for (Connection c : host.host().connections()) {
      if (c.isOpen()) {
        out.add(new AddrInfo(c.remotePeer().toString(), List.of(c.remoteAddr().toString())));
      }
    }
    return out;
  }

  public int connectedness(PeerId p) {
    return host.host().connections(p).stream().anyMatch(Connection::isOpen)
        ? CONNECTED
        : NOT_CONNECTED;
  }

  /** The agent the peer announced in identify; as Lotus, an error when it is not known. */
  public String agentVersion(PeerId p) throws RpcException {
    for (Connection c : host.host().connections(p)) {
      IdentifyInfo info = c.identified().getNow(null);
      if (info != null && info.agentVersion() != null) {
        return info.agentVersion();
      }
    }
    throw new RpcException("item not found");
  }

  /** Dials the peer at each of its addresses in turn until one connects (none: the error). */
  public void connect(AddrInfo info) throws RpcException {
    if (info == null || info.id() == null) {
      throw new RpcException("no peer ID given");
    }
    PeerId p = peer(info.id());
    if (connectedness(p) == CONNECTED) {
      return;
    }
    if (info.addrs() == null || info.addrs().isEmpty()) {
      throw new RpcException("failed to dial " + p + ": no addresses");
    }
    List<String> errors = new ArrayList<>();
    for (String s : info.addrs()) {
      Multiaddr addr;
      try {
        addr = Multiaddr.fromString(s).withoutPeerId().withPeerId(p);
      } catch (DecodeException e) {
        throw new RpcException("bad multiaddr '" + s + "': " + e.getMessage());
      }
      try {
        host.host().connect(addr).get(CONNECT_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        return;
      } catch (ExecutionException e) {
        errors.add(s + ": " + (e.getCause() != null ? e.getCause() : e).getMessage());
      } catch (TimeoutException e) {
        errors.add(s + ": timed out");
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new RpcException("interrupted dialling " + p);
      }
    }
    throw new RpcException("failed to dial " + p + ": " + String.join("; ", errors));
  }

  private static PeerId peer(String s) throws RpcException {
    if (s == null) {
      throw new RpcException("no peer ID given");
    }
    try {
      return PeerId.fromString(s);
    } catch (DecodeException e) {
      throw new RpcException("failed to parse peer ID '" + s + "': " + e.getMessage());
    }
  }
}
