package io.filnode.node.mpool;

import static org.assertj.core.api.Assertions.assertThat;

import io.filnode.chain.address.Address;
import io.filnode.chain.amt.Amt;
import io.filnode.chain.amt.AmtOptions;
import io.filnode.chain.blockstore.IpldStore;
import io.filnode.chain.blockstore.MemoryBlockstore;
import io.filnode.chain.cid.Cid;
import io.filnode.chain.crypto.Signer;
import io.filnode.chain.store.ChainStore;
import io.filnode.chain.store.MemoryChainMetadata;
import io.filnode.chain.types.BlockHeader;
import io.filnode.chain.types.MsgMeta;
import io.filnode.chain.types.SignatureType;
import io.filnode.chain.types.SignedMessage;
import io.filnode.chain.types.Ticket;
import io.filnode.chain.types.TipSet;
import io.filnode.chain.types.TokenAmount;
import io.filnode.chain.types.UnsignedMessage;
import io.filnode.mpool.MessagePool;
import io.filnode.mpool.MpoolConfig;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The pool follows the chain store's head: included messages leave, reverted ones come back. */
class MpoolHeadChangesTest {
  private static final byte[] KEY = key();
  private static final Cid DUMMY = Cid.ofDagCbor(new byte[] {0x60});

  private static byte[] key() {
    byte[] k = new byte[32];
    k[31] = 3;
    return k;
  }

  private final MemoryBlockstore blocks = new MemoryBlockstore();
  private final ChainStore chain = new ChainStore(blocks, new MemoryChainMetadata());

  private static SignedMessage message(Address from, long nonce) throws Exception {
    return Signer.signMessage(
        SignatureType.SECP256K1,
        KEY,
        new UnsignedMessage(
            0,
            Address.newId(100),
            from,
            nonce,
            TokenAmount.ofAtto(1),
            1_000_000,
            TokenAmount.ofAtto(2000),
            TokenAmount.ofAtto(1000),
            0,
            new byte[0]));
  }

  private BlockHeader block(TipSet parent, long height, long miner, List<SignedMessage> secp)
      throws Exception {
    IpldStore ipld = new IpldStore(blocks);
    Amt bls = Amt.create(ipld, AmtOptions.v2());
    Amt sec = Amt.create(ipld, AmtOptions.v2());
    for (int i = 0; i < secp.size(); i++) {
      SignedMessage m = secp.get(i);
      blocks.put(m.cid(), m.toCbor());
      sec.set(i, w -> w.writeCid(m.cid()));
    }
    MsgMeta meta = new MsgMeta(bls.flush(), sec.flush());
    blocks.put(meta.cid(), meta.toCbor());
    BlockHeader b =
        new BlockHeader(
            Address.newId(miner),
            new Ticket(new byte[] {(byte) height, (byte) miner}),
            null,
            List.of(),
            List.of(),
            parent == null ? List.of() : parent.cids(),
            BigInteger.ZERO,
            height,
            DUMMY,
            DUMMY,
            meta.cid(),
            null,
            height * 30,
            null,
            0,
            TokenAmount.ofAtto(100));
    chain.putBlock(b);
    return b;
  }

  @Test
  void appliedMessagesLeaveAndRevertedOnesComeBack() throws Exception {
    Address from = Signer.address(SignatureType.SECP256K1, KEY);
    TipSet genesis = TipSet.of(block(null, 0, 1000, List.of()));
    chain.setGenesis(genesis.blocks().get(0));
    MemoryMpoolProvider provider = new MemoryMpoolProvider(chain);
    provider.setActor(from, 0, TokenAmount.ofFil(10));
    MessagePool pool =
        new MessagePool(
            provider,
            new MemoryMpoolProvider.MemoryLocalStore(),
            MpoolConfig.defaults(),
            genesis,
            () -> 0L);
    Runnable stop = MpoolHeadChanges.wire(chain, pool);
    SignedMessage m0 = message(from, 0);
    SignedMessage m1 = message(from, 1);
    pool.push(m0);
    pool.push(m1);

    TipSet a1 = TipSet.of(block(genesis, 1, 1000, List.of(m0)));
    chain.setHead(a1);
    assertThat(pool.head()).isEqualTo(a1);
    assertThat(pool.pending()).containsExactly(m1);

    // a heavier fork without m0: a1 is reverted and m0 comes back
    TipSet b1 = TipSet.of(block(genesis, 1, 1001, List.of()));
    TipSet b2 = TipSet.of(block(b1, 2, 1001, List.of()));
    chain.setHead(b2);
    assertThat(pool.head()).isEqualTo(b2);
    assertThat(pool.pending()).containsExactlyInAnyOrder(m0, m1);

    stop.run();
    TipSet b3 = TipSet.of(block(b2, 3, 1001, List.of(m0, m1)));
    chain.setHead(b3);
    assertThat(pool.head()).isEqualTo(b2);
  }
}
