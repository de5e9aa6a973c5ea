package io.filnode.net.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.filnode.net.identity.Ed25519Keys;
import io.filnode.net.multiaddr.Multiaddr;
import io.filnode.net.mux.MplexHandler;
import io.filnode.net.mux.YamuxHandler;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HostTest {
  private static Host host(String muxer) {
    return new Host(
        HostConfig.defaults(Ed25519Keys.generate(new SecureRandom())).withMuxers(List.of(muxer)));
  }

  @ParameterizedTest
  @ValueSource(strings = {YamuxHandler.PROTOCOL_ID, MplexHandler.PROTOCOL_ID})
  void twoHostsConnectIdentifyPingAndEcho(String muxer) throws Exception {
    try (Host a = host(muxer);
        Host b = host(muxer)) {
      b.setStreamHandler(
          "/echo/1.0.0",
          s -> s.readMessage(1 << 20).thenAccept(m -> s.writeMessage(m).thenRun(s::close)));
      Multiaddr addr =
          b.listen(Multiaddr.fromString("/ip4/127.0.0.1/tcp/0")).get(5, TimeUnit.SECONDS);
      Connection c = a.dial(addr.withPeerId(b.peerId())).get(10, TimeUnit.SECONDS);
      assertThat(c.remotePeer()).isEqualTo(b.peerId());
      assertThat(c.muxer()).isEqualTo(muxer);
      IdentifyInfo info = c.identified().get(10, TimeUnit.SECONDS);
      assertThat(info.protocols()).contains("/echo/1.0.0", "/ipfs/ping/1.0.0", "/ipfs/id/1.0.0");
      assertThat(info.agentVersion()).startsWith("filnode/");
      assertThat(a.ping(c).get(10, TimeUnit.SECONDS)).isPositive();

      Stream s = c.newStream(List.of("/nope/1.0.0", "/echo/1.0.0")).get(10, TimeUnit.SECONDS);
      assertThat(s.protocol()).isEqualTo("/echo/1.0.0");
      byte[] big = new byte[700_000];
      new SecureRandom().nextBytes(big);
      s.writeMessage(big);
      assertThat(s.readMessage(1 << 20).get(10, TimeUnit.SECONDS)).isEqualTo(big);

      assertThatThrownBy(() -> c.newStream(List.of("/nope/1.0.0")).get(10, TimeUnit.SECONDS))
          .isInstanceOf(ExecutionException.class)
          .hasCauseInstanceOf(StreamException.class);
      // the connection survives a refused protocol
      assertThat(a.ping(c).get(10, TimeUnit.SECONDS)).isPositive();
      assertThat(b.peers()).contains(a.peerId());
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {YamuxHandler.PROTOCOL_ID, MplexHandler.PROTOCOL_ID})
  void dialingTheWrongPeerIdFails(String muxer) throws Exception {
    try (Host a = host(muxer);
        Host b = host(muxer)) {
      Multiaddr addr =
          b.listen(Multiaddr.fromString("/ip4/127.0.0.1/tcp/0")).get(5, TimeUnit.SECONDS);
      var other = Ed25519Keys.generate(new SecureRandom()).publicKey().peerId();
      assertThatThrownBy(() -> a.dial(addr.withPeerId(other)).get(10, TimeUnit.SECONDS))
          .hasMessageContaining("but the peer is");
      // b is still fine
      Connection c = a.dial(addr).get(10, TimeUnit.SECONDS);
      assertThat(a.ping(c).get(10, TimeUnit.SECONDS)).isPositive();
    }
  }

  @org.junit.jupiter.api.Test
  void garbageAfterConnectClosesOnlyThatConnection() throws Exception {
    try (Host b = host(YamuxHandler.PROTOCOL_ID);
        Host a = host(YamuxHandler.PROTOCOL_ID)) {
      Multiaddr addr =
          b.listen(Multiaddr.fromString("/ip4/127.0.0.1/tcp/0")).get(5, TimeUnit.SECONDS);
      var hp = addr.tcpHostPort();
      try (java.net.Socket raw = new java.net.Socket(hp.host(), hp.port())) {
        raw.getOutputStream()
            .write("\u0013/multistream/1.0.0\n\u0007/noise\n".getBytes(StandardCharsets.UTF_8));
        raw.getOutputStream()
            .write(
                new byte[] {0, 5, 1, 2, 3, 4, 5}); // a bogus Noise message 1... too short? 5 bytes
        raw.getOutputStream().write(new byte[] {(byte) 0xff, (byte) 0xff, 9, 9, 9});
        raw.setSoTimeout(5000);
        // the host closes the connection: read until EOF
        while (raw.getInputStream().read() >= 0) {}
      }
      Connection c = a.dial(addr).get(10, TimeUnit.SECONDS);
      assertThat(a.ping(c).get(10, TimeUnit.SECONDS)).isPositive();
    }
  }
}
