package io.filnode.net.host;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.filnode.net.identity.Ed25519Keys;
import io.filnode.net.multiaddr.Multiaddr;
import io.filnode.net.mux.MplexHandler;
import io.filnode.net.mux.YamuxHandler;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** filnode against js-libp2p 3.x, both directions, with yamux and with mplex. */
class JsInteropIT {
  @BeforeAll
  static void install() throws Exception {
    JsPeer.install();
  }

  private static List<String> strings(JsonNode arr) {
    List<String> out = new ArrayList<>();
    arr.forEach(n -> out.add(n.asText()));
    return out;
  }

  @ParameterizedTest
  @CsvSource({"yamux, /yamux/1.0.0", "mplex, /mplex/6.7.0"})
  void javaDialsJs(String jsMuxer, String muxerId) throws Exception {
    try (JsPeer js = new JsPeer(jsMuxer, 30);
        Host host =
            new Host(
                HostConfig.defaults(Ed25519Keys.generate(new SecureRandom()))
                    .withMuxers(List.of(YamuxHandler.PROTOCOL_ID, MplexHandler.PROTOCOL_ID)))) {
      Connection c = host.dial(Multiaddr.fromString(js.addr())).get(15, TimeUnit.SECONDS);
      assertThat(c.remotePeer().toString()).isEqualTo(js.peerId());
      assertThat(c.muxer()).isEqualTo(muxerId);

      IdentifyInfo info = c.identified().get(15, TimeUnit.SECONDS);
      assertThat(info.protocols()).containsAll(strings(js.listening.get("protocols")));
      assertThat(info.agentVersion()).isNotBlank();
      assertThat(host.ping(c).get(15, TimeUnit.SECONDS)).isPositive();

      JsonNode identify = js.await(JsPeer.event("identify"), 15);
      assertThat(identify.get("peerId").asText()).isEqualTo(host.peerId().toString());
      assertThat(strings(identify.get("protocols"))).containsAll(host.protocols());
      assertThat(identify.get("agentVersion").asText()).startsWith("filnode/");

      js.send("{\"ping\":\"" + host.peerId() + "\"}");
      JsonNode ping = js.await(JsPeer.event("ping"), 15);
      assertThat(ping.get("rtt").asDouble()).isGreaterThanOrEqualTo(0);
      JsonNode conn = js.await(JsPeer.event("connected"), 5);
      assertThat(conn.get("muxer").asText()).isEqualTo(muxerId);
      assertThat(conn.get("encryption").asText()).isEqualTo("/noise");
    }
  }

  @ParameterizedTest
  @CsvSource({"yamux, /yamux/1.0.0", "mplex, /mplex/6.7.0"})
  void jsDialsJava(String jsMuxer, String muxerId) throws Exception {
    try (JsPeer js = new JsPeer(jsMuxer, 30);
        Host host = new Host(HostConfig.defaults(Ed25519Keys.generate(new SecureRandom())))) {
      Multiaddr addr =
          host.listen(Multiaddr.fromString("/ip4/127.0.0.1/tcp/0")).get(5, TimeUnit.SECONDS);
      var connected = new java.util.concurrent.CompletableFuture<Connection>();
      host.addListener(
          new ConnectionListener() {
            @Override
            public void connected(Connection c) {
              connected.complete(c);
            }
          });
      js.send("{\"dial\":\"" + addr.withPeerId(host.peerId()) + "\"}");
      Connection c = connected.get(15, TimeUnit.SECONDS);
      assertThat(c.isInitiator()).isFalse();
      assertThat(c.remotePeer().toString()).isEqualTo(js.peerId());
      assertThat(c.muxer()).isEqualTo(muxerId);

      JsonNode identify = js.await(JsPeer.event("identify"), 15);
      assertThat(strings(identify.get("protocols"))).containsAll(host.protocols());
      IdentifyInfo info = c.identified().get(15, TimeUnit.SECONDS);
      assertThat(info.protocols()).containsAll(strings(js.listening.get("protocols")));

      js.send("{\"ping\":\"" + host.peerId() + "\"}");
      assertThat(js.await(JsPeer.event("ping"), 15).get("peerId").asText())
          .isEqualTo(host.peerId().toString());
      assertThat(host.ping(c).get(15, TimeUnit.SECONDS)).isPositive();
    }
  }
}
