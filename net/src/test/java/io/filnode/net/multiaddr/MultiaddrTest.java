package io.filnode.net.multiaddr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.filnode.net.wire.DecodeException;
import java.util.HexFormat;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class MultiaddrTest {
  private static final HexFormat HEX = HexFormat.of();

  // text/binary pairs from the multiaddr spec and go-multiaddr's codec tests
  @ParameterizedTest
  @CsvSource({
    "/ip4/127.0.0.1/tcp/4001, 047f000001060fa1",
    "/ip4/1.2.3.4, 0401020304",
    "/ip6/::1, 2900000000000000000000000000000001",
    "/ip6/2001:8a0:7ac5:4201:3ac9:86ff:fe31:7095/tcp/8000, 29200108a07ac542013ac986fffe317095061f40",
    "/dns4/example.com/tcp/443, 360b6578616d706c652e636f6d0601bb",
    "/dns/example.com, 350b6578616d706c652e636f6d",
    "/dns6/a.b, 3703612e62",
    "/p2p/QmcgpsyWgH8Y8ajJz1Cu72KnS5uo2Aa2LpzU7kinSupNKC, a503221220d52ebb89d85b02a284948203a62ff28389c57c9f42beec4ec20db76a68911c0b",
  })
  void textAndBinaryAgree(String text, String hex) throws Exception {
    Multiaddr a = Multiaddr.fromString(text);
    assertThat(HEX.formatHex(a.bytes())).isEqualTo(hex);
    Multiaddr b = Multiaddr.fromBytes(HEX.parseHex(hex));
    assertThat(b).isEqualTo(a);
    assertThat(b.toString()).isEqualTo(text);
  }

  @ParameterizedTest
  @CsvSource({
    "/ip6/0:0:0:0:0:0:0:1, /ip6/::1",
    "/ip6/2001:DB8:0:0:1:0:0:1, /ip6/2001:db8::1:0:0:1",
    "/ip6/::ffff:1.2.3.4, /ip6/::ffff:102:304",
    "/ipfs/QmcgpsyWgH8Y8ajJz1Cu72KnS5uo2Aa2LpzU7kinSupNKC, /p2p/QmcgpsyWgH8Y8ajJz1Cu72KnS5uo2Aa2LpzU7kinSupNKC",
  })
  void canonicalText(String in, String out) throws Exception {
    assertThat(Multiaddr.fromString(in).toString()).isEqualTo(out);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "ip4/1.2.3.4",
        "/ip4/1.2.3",
        "/ip4/256.1.1.1",
        "/ip4/01.1.1.1",
        "/tcp/65536",
        "/tcp/-1",
        "/ip6/1:2:3",
        "/ip6/::1::2",
        "/udp/53",
        "/dns4/a b",
        "/p2p/notapeerid",
        "/ip4"
      })
  void rejectsBadText(String s) {
    assertThatThrownBy(() -> Multiaddr.fromString(s)).isInstanceOf(DecodeException.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "04010203", "06", "35ff01", "a50305", "ff7f"})
  void rejectsBadBinary(String hex) {
    assertThatThrownBy(() -> Multiaddr.fromBytes(HEX.parseHex(hex)))
        .isInstanceOf(DecodeException.class);
  }

  @org.junit.jupiter.api.Test
  void peerIdAndHostPort() throws Exception {
    Multiaddr a =
        Multiaddr.fromString(
            "/ip4/127.0.0.1/tcp/4001/p2p/12D3KooWEyoppNCUx8Yx66oV9fJnriXwCcXwDDUA2kj6vnc6iDEp");
    assertThat(a.peerId().toString())
        .isEqualTo("12D3KooWEyoppNCUx8Yx66oV9fJnriXwCcXwDDUA2kj6vnc6iDEp");
    assertThat(a.withoutPeerId().toString()).isEqualTo("/ip4/127.0.0.1/tcp/4001");
    assertThat(a.tcpHostPort()).isEqualTo(new Multiaddr.HostPort(Protocol.IP4, "127.0.0.1", 4001));
    assertThat(a.withoutPeerId().withPeerId(a.peerId())).isEqualTo(a);
  }
}
