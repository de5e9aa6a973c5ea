package io.filnode.node.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.filnode.net.host.Connection;
import io.filnode.net.host.Host;
import io.filnode.net.host.HostConfig;
import io.filnode.net.host.IdentifyInfo;
import io.filnode.net.identity.Ed25519Keys;
import io.filnode.net.multiaddr.Multiaddr;
import io.filnode.net.wire.DecodeException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code filnode net …}: libp2p networking tools. */
@Command(
    name = "net",
    description = "libp2p networking tools.",
    subcommands = {NetListenCommand.class, NetPeersCommand.class, NetCommand.Probe.class})
public final class NetCommand implements Runnable {
  @Override
  public void run() {
    new picocli.CommandLine(this).usage(System.out);
  }

  /** Dials a peer with a throw-away identity, then reports identify and one ping. */
  @Command(
      name = "probe",
      description = "Dial MULTIADDR (Noise, yamux/mplex), run identify and ping, and report.")
  static final class Probe implements java.util.concurrent.Callable<Integer> {
    @Parameters(paramLabel = "MULTIADDR", description = "e.g. /ip4/1.2.3.4/tcp/1347/p2p/12D3…")
    String address;

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    @Option(names = "--timeout", description = "Seconds for each step (default 15).")
    int timeout = 15;

    @Override
    public Integer call() throws Exception {
      Multiaddr addr;
      try {
        addr = Multiaddr.fromString(address);
      } catch (DecodeException e) {
        throw new IllegalArgumentException("bad multiaddr '" + address + "': " + e.getMessage(), e);
      }
      try (Host host = new Host(HostConfig.defaults(Ed25519Keys.generate(new SecureRandom())))) {
        Connection c = await(host.dial(addr), "dial " + addr);
        IdentifyInfo info = await(c.identified(), "identify");
        Duration rtt = await(host.ping(c), "ping");
        if (json) {
          ObjectMapper m = new ObjectMapper();
          ObjectNode o = m.createObjectNode();
          o.put("peerId", c.remotePeer().toString());
          o.put("address", c.remoteAddr().toString());
          o.put("security", c.security());
          o.put("muxer", c.muxer());
          o.put("agentVersion", info.agentVersion());
          o.put("protocolVersion", info.protocolVersion());
          info.protocols().forEach(o.putArray("protocols")::add);
          info.listenAddrs().forEach(a -> o.withArray("listenAddrs").add(a.toString()));
          o.put("pingMillis", rtt.toNanos() / 1e6);
          System.out.println(m.writeValueAsString(o));
        } else {
          System.out.println("peer id:     " + c.remotePeer());
          System.out.println("address:     " + c.remoteAddr());
          System.out.println("security:    " + c.security() + ", muxer " + c.muxer());
          System.out.println("agent:       " + info.agentVersion());
          System.out.println("protocols:   " + String.join(" ", info.protocols()));
          System.out.printf("ping:        %.3f ms%n", rtt.toNanos() / 1e6);
        }
      }
      return 0;
    }

    private <T> T await(java.util.concurrent.CompletableFuture<T> f, String what) throws Exception {
      try {
        return f.get(timeout, TimeUnit.SECONDS);
      } catch (ExecutionException e) {
        Throwable c = e.getCause();
        while (c instanceof java.util.concurrent.CompletionException && c.getCause() != null) {
          c = c.getCause();
        }
        throw new IllegalStateException(what + " failed: " + c.getMessage(), c);
      } catch (TimeoutException e) {
        throw new IllegalStateException(what + " timed out after " + timeout + " s", e);
      }
    }
  }
}
