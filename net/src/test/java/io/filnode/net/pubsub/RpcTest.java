package io.filnode.net.pubsub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.filnode.net.identity.Ed25519Keys;
import io.filnode.net.identity.PeerId;
import io.filnode.net.wire.DecodeException;
import io.filnode.net.wire.FuzzHarness;
import io.filnode.net.wire.ProtoWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class RpcTest {
  static Rpc sample() {
    var key = Ed25519Keys.fromSeed(new byte[32]);
    PeerId id = key.publicKey().peerId();
    Message unsigned =
        new Message(
            id.bytes(), "data".getBytes(StandardCharsets.UTF_8), new byte[8], "/t", null, null);
    Message m = unsigned.withSignature(key.sign(unsigned.signedBytes()), null);
    return new Rpc(
        List.of(new Rpc.SubOpts(true, "/t"), new Rpc.SubOpts(false, "/u")),
        List.of(m),
        new Rpc.Control(
            List.of(new Rpc.IHave("/t", List.of(new byte[32], new byte[] {1}))),
            List.of(new Rpc.IWant(List.of(new byte[32]))),
            List.of(new Rpc.Graft("/t")),
            List.of(new Rpc.Prune("/t", List.of(new Rpc.PeerInfo(id.bytes(), new byte[3])), 60))));
  }

  @Test
  void roundTrips() throws DecodeException {
    Rpc r = sample();
    byte[] enc = r.encode();
    Rpc back = Rpc.decode(enc);
    assertThat(back.encode()).isEqualTo(enc);
    assertThat(back.publish()).isEqualTo(r.publish());
    assertThat(back.subscriptions()).isEqualTo(r.subscriptions());
    assertThat(back.control().prune().get(0).backoffSeconds()).isEqualTo(60);
    assertThat(GossipRouter.checkSignature(back.publish().get(0))).isNull();
  }

  @Test
  void signedBytesArePrefixedProtobufWithoutSignatureAndKey() {
    Message m =
        new Message(
            new byte[] {1}, new byte[] {2}, new byte[] {3}, "t", new byte[] {9}, new byte[] {8});
    // "libp2p-pubsub:" then from(1) data(2) seqno(3) topic(4), no fields 5 and 6
    assertThat(HexFormat.of().formatHex(m.signedBytes()))
        .isEqualTo(
            HexFormat.of().formatHex("libp2p-pubsub:".getBytes(StandardCharsets.US_ASCII))
                + "0a0101"
                + "120102"
                + "1a0103"
                + "220174");
  }

  @Test
  void strictLimits() {
    assertThatThrownBy(() -> Rpc.decode(new byte[] {0x12, 0})) // a message without a topic
        .isInstanceOf(DecodeException.class);
    ProtoWriter many = new ProtoWriter();
    byte[] sub = new ProtoWriter().varint(1, 1).string(2, "t").toByteArray();
    for (int i = 0; i <= Rpc.MAX_ENTRIES; i++) {
      many.bytes(1, sub);
    }
    assertThatThrownBy(() -> Rpc.decode(many.toByteArray()))
        .isInstanceOf(DecodeException.class)
        .hasMessageContaining("more than");
    byte[] badBool =
        new ProtoWriter()
            .bytes(1, new ProtoWriter().varint(1, 2).string(2, "t").toByteArray())
            .toByteArray();
    assertThatThrownBy(() -> Rpc.decode(badBool)).isInstanceOf(DecodeException.class);
  }

  @Test
  void fuzzedFramesOnlyThrowDecodeException() {
    List<byte[]> seeds = new ArrayList<>();
    seeds.add(sample().encode());
    seeds.add(Rpc.ofMessages(sample().publish()).encode());
    seeds.add(Rpc.ofControl(sample().control()).encode());
    FuzzHarness.Result r = FuzzHarness.run(seeds, 100_000, 11, Rpc::decode);
    assertThat(r.rejected()).isPositive().isLessThan(r.rounds());
  }
}
