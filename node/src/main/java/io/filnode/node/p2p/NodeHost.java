package io.filnode.node.p2p;

import io.filnode.net.host.Host;
import io.filnode.net.host.HostConfig;
import io.filnode.net.identity.Ed25519Keys;
import io.filnode.net.identity.KeyCodec;
import io.filnode.net.identity.PeerId;
import io.filnode.net.identity.PrivKey;
import io.filnode.net.multiaddr.Multiaddr;
import io.filnode.net.multiaddr.Protocol;
import io.filnode.net.wire.DecodeException;
import io.filnode.node.keystore.FsKeyStore;
import io.filnode.node.keystore.KeyStoreException;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The node's libp2p host: the persistent identity from the keystore (Lotus's {@code libp2p-host}
 * key, made on the first start), listening on the configured TCP addresses. Upper layers (hello,
 * chain exchange, gossip) register their protocols on {@link #host()}.
 */
public final class NodeHost implements AutoCloseable {
  /** The keystore name of the host key, as Lotus's {@code KLibp2pHost}. */
  public static final String KEY_NAME = "libp2p-host";

  /** The KeyInfo type Lotus gives the host key ({@code KTLibp2pHost}). */
  public static final String KEY_TYPE = "libp2p-host";

  private static final System.Logger LOG = System.getLogger(NodeHost.class.getName());
  private static final long LISTEN_TIMEOUT_SECONDS = 10;

  private final Host host;

  private NodeHost(Host host) {
    this.host = host;
  }

  /**
   * Starts the host with the keystore's identity and listens on {@code listen}. An address that
   * cannot be bound is skipped with a warning (a machine without IPv6 still starts with Lotus's
   * defaults), but at least one must bind when any is given.
   *
   * @throws IOException when no address could be bound
   * @throws KeyStoreException when the stored key cannot be read or a new one not stored
   */
  public static NodeHost start(
      FsKeyStore keys, List<Multiaddr> listen, String agentVersion, SecureRandom random)
      throws IOException, KeyStoreException {
    HostConfig d = HostConfig.defaults(identity(keys, random));
    Host host =
        new Host(
            new HostConfig(
                d.key(),
                agentVersion,
                d.muxers(),
                d.dialTimeout(),
                d.upgradeTimeout(),
                d.ioThreads(),
                d.yamux()));
    List<String> failures = new ArrayList<>();
    for (Multiaddr a : listen) {
      try {
        host.listen(a).get(LISTEN_TIMEOUT_SECONDS, TimeUnit.SECONDS);
      } catch (ExecutionException | TimeoutException e) {
        String why = a + ": " + (e.getCause() != null ? e.getCause() : e).getMessage();
        LOG.log(System.Logger.Level.WARNING, "libp2p cannot listen on " + why);
        failures.add(why);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        host.close();
        throw new IOException("interrupted while starting libp2p", e);
      }
    }
    if (!listen.isEmpty() && failures.size() == listen.size()) {
      host.close();
      throw new IOException("libp2p cannot listen on any address: " + String.join("; ", failures));
    }
    return new NodeHost(host);
  }

  /** The host key in the keystore, first made (Ed25519) and stored if there is none. */
  public static PrivKey identity(FsKeyStore keys, SecureRandom random) throws KeyStoreException {
    if (keys.has(KEY_NAME)) {
      byte[] stored = keys.getSecret(KEY_NAME, KEY_TYPE);
      try {
        return KeyCodec.decodePrivate(stored);
      } catch (DecodeException e) {
        throw new KeyStoreException(
            "keystore key " + KEY_NAME + " is not a libp2p private key: " + e.getMessage(), e);
      }
    }
    PrivKey key = Ed25519Keys.generate(random);
    keys.putSecret(KEY_NAME, KEY_TYPE, key.bytes());
    return key;
  }

  /** The host, for protocols to register on and dial from. */
  public Host host() {
    return host;
  }

  public PeerId peerId() {
    return host.peerId();
  }

  /**
   * The addresses peers can dial, as Lotus's {@code Host.Addrs()}: each bound address, with a
   * wildcard ({@code 0.0.0.0}, {@code ::}) replaced by this machine's addresses of that family.
   */
  public List<Multiaddr> listenAddrs() {
    List<Multiaddr> out = new ArrayList<>();
    for (Multiaddr bound : host.listenAddrs()) {
      Multiaddr.HostPort hp = bound.tcpHostPort();
      boolean wildcard = hp != null && (hp.host().equals("0.0.0.0") || hp.host().equals("::"));
      if (!wildcard) {
        out.add(bound);
        continue;
      }
      boolean v4 = hp.hostProtocol() == Protocol.IP4;
      for (InetAddress ip : interfaceAddresses()) {
        if (v4
            ? ip instanceof Inet4Address
            : ip instanceof Inet6Address && !ip.isLinkLocalAddress()) {
          String host = ip.getHostAddress();
          int zone = host.indexOf('%');
          host = zone < 0 ? host : host.substring(0, zone);
          try {
            out.add(Multiaddr.fromString((v4 ? "/ip4/" : "/ip6/") + host + "/tcp/" + hp.port()));
          } catch (DecodeException e) {
            throw new IllegalStateException(
                "the JDK printed an address we cannot parse: " + host, e);
          }
        }
      }
    }
    return out;
  }

  private static List<InetAddress> interfaceAddresses() {
    List<InetAddress> out = new ArrayList<>();
    try {
      for (NetworkInterface nif : Collections.list(NetworkInterface.getNetworkInterfaces())) {
        if (nif.isUp()) {
          out.addAll(Collections.list(nif.getInetAddresses()));
        }
      }
    } catch (SocketException e) {
      LOG.log(System.Logger.Level.WARNING, "cannot list network interfaces: " + e.getMessage());
    }
    return out;
  }

  /** Closes every connection and listener. */
  @Override
  public void close() {
    host.close();
  }
}
