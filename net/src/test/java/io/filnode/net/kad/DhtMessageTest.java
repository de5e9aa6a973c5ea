package io.filnode.net.kad;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.filnode.net.identity.Ed25519Keys;
import io.filnode.net.identity.PeerId;
import io.filnode.net.multiaddr.Multiaddr;
import io.filnode.net.wire.DecodeException;
import io.filnode.net.wire.FuzzHarness;
import io.filnode.net.wire.ProtoWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class DhtMessageTest {
  static DhtMessage sample() throws DecodeException {
    PeerId a = Ed25519Keys.fromSeed(new byte[32]).publicKey().peerId();
    byte[] s = new byte[32];
    s[0] = 1;
    PeerId b = Ed25519Keys.fromSeed(s).publicKey().peerId();
    return new DhtMessage(
        DhtMessage.Type.FIND_NODE,
        a.bytes(),
        List.of(
            new DhtPeer(a, List.of(Multiaddr.fromString("/ip4/127.0.0.1/tcp/4001")), 1),
            new DhtPeer(b, List.of(Multiaddr.fromString("/ip6/::1/tcp/5")), 0)),
        List.of());
  }

  @Test
  void roundTrips() throws DecodeException {
    DhtMessage m = sample();
    DhtMessage back = DhtMessage.decode(m.encode());
    assertThat(back.type()).isEqualTo(DhtMessage.Type.FIND_NODE);
    assertThat(back.key()).isEqualTo(m.key());
    assertThat(back.closerPeers()).isEqualTo(m.closerPeers());
    assertThat(back.encode()).isEqualTo(m.encode());
  }

  @Test
  void rejectsWhatItCannotTrust() {
    assertThatThrownBy(() -> DhtMessage.decode(new ProtoWriter().varint(1, 9).toByteArray()))
        .isInstanceOf(DecodeException.class);
    assertThatThrownBy(
            () ->
                DhtMessage.decode(
                    new ProtoWriter()
                        .bytes(8, new ProtoWriter().bytes(1, new byte[] {7, 1, 0}).toByteArray())
                        .toByteArray()))
        .isInstanceOf(DecodeException.class); // not a peer ID multihash
  }

  @Test
  void fuzzedFramesOnlyThrowDecodeException() throws DecodeException {
    FuzzHarness.Result r =
        FuzzHarness.run(
            List.of(sample().encode(), DhtMessage.findNode(new byte[34]).encode()),
            100_000,
            13,
            DhtMessage::decode);
    assertThat(r.rejected()).isPositive().isLessThan(r.rounds());
  }
}
