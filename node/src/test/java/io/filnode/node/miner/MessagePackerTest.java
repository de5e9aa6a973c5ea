package io.filnode.node.miner;

import static org.assertj.core.api.Assertions.assertThat;

import io.filnode.chain.address.Address;
import io.filnode.chain.blockstore.IpldStore;
import io.filnode.chain.blockstore.MemoryBlockstore;
import io.filnode.chain.cid.Cid;
import io.filnode.chain.crypto.Bls;
import io.filnode.chain.crypto.Signer;
import io.filnode.chain.store.BlockMessages;
import io.filnode.chain.store.ChainStore;
import io.filnode.chain.store.MemoryChainMetadata;
import io.filnode.chain.types.BlockHeader;
import io.filnode.chain.types.MsgMeta;
import io.filnode.chain.types.SignatureType;
import io.filnode.chain.types.SignedMessage;
import io.filnode.chain.types.TokenAmount;
import io.filnode.chain.types.UnsignedMessage;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;

class MessagePackerTest {
  private final MemoryBlockstore blocks = new MemoryBlockstore();
  private final IpldStore store = new IpldStore(blocks);
  private final ChainStore chain = new ChainStore(blocks, new MemoryChainMetadata());
  private final TestKeys keys = new TestKeys();

  private SignedMessage message(Address from, SignatureType type, long nonce) throws Exception {
    UnsignedMessage m =
        new UnsignedMessage(
            0,
            Address.newId(99),
            from,
            nonce,
            TokenAmount.ofAtto(1),
            1_000_000,
            TokenAmount.ofAtto(100),
            TokenAmount.ofAtto(1),
            0,
            new byte[0]);
    return Signer.signMessage(type, keys.key(from), m);
  }

  private BlockHeader headerWith(Cid messages) {
    return new BlockHeader(
        Address.newId(1000),
        null,
        null,
        List.of(),
        List.of(),
        List.of(),
        BigInteger.ZERO,
        1,
        messages,
        messages,
        messages,
        null,
        0,
        null,
        0,
        TokenAmount.ZERO);
  }

  @Test
  void blsMessagesLoseTheirSignaturesToOneAggregateAndSecpMessagesStaySigned() throws Exception {
    Address bls1 = keys.add(SignatureType.BLS, 1);
    Address bls2 = keys.add(SignatureType.BLS, 2);
    Address secp = keys.add(SignatureType.SECP256K1, 3);
    SignedMessage a = message(bls1, SignatureType.BLS, 0);
    SignedMessage b = message(secp, SignatureType.SECP256K1, 0);
    SignedMessage c = message(bls2, SignatureType.BLS, 5);

    MessagePacker.Packed packed = MessagePacker.pack(store, List.of(a, b, c));

    BlockMessages read = chain.blockMessages(headerWith(packed.msgMeta()));
    assertThat(read.blsMessages()).containsExactly(a.message(), c.message());
    assertThat(read.secpkMessages()).containsExactly(b);
    assertThat(read.cids()).containsExactly(a.message().cid(), c.message().cid(), b.cid());
    assertThat(packed.blsCids()).containsExactly(a.message().cid(), c.message().cid());
    assertThat(packed.secpkCids()).containsExactly(b.cid());
    assertThat(packed.blsAggregate().type()).isEqualTo(SignatureType.BLS);
    assertThat(
            Bls.aggregateVerify(
                List.of(bls1.payload(), bls2.payload()),
                List.of(a.message().cid().bytes(), c.message().cid().bytes()),
                packed.blsAggregate().data()))
        .isTrue();
  }

  @Test
  void noBlsMessagesGiveTheZeroSignatureAndEmptyArrays() throws Exception {
    MessagePacker.Packed packed = MessagePacker.pack(store, List.of());

    byte[] expected = new byte[96];
    expected[0] = (byte) 0xc0;
    assertThat(packed.blsAggregate().data()).isEqualTo(expected);
    MsgMeta meta = MsgMeta.fromCbor(blocks.get(packed.msgMeta()));
    assertThat(meta.blsMessages()).isEqualTo(meta.secpkMessages());
    // An empty go-amt-ipld v2 root: [height 0, count 0, node [bitmap 0x00, [], []]].
    assertThat(blocks.get(meta.blsMessages()))
        .isEqualTo(
            new byte[] {
              (byte) 0x83, 0x00, 0x00, (byte) 0x83, 0x41, 0x00, (byte) 0x80, (byte) 0x80
            });
    assertThat(chain.blockMessages(headerWith(packed.msgMeta())).cids()).isEmpty();
  }
}
