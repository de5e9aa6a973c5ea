package io.filnode.node.mpool;

import static org.assertj.core.api.Assertions.assertThat;

import io.filnode.chain.address.Address;
import io.filnode.chain.blockstore.MemoryBlockstore;
import io.filnode.chain.blockstore.RocksBlockstore;
import io.filnode.chain.cid.Cid;
import io.filnode.chain.crypto.Signer;
import io.filnode.chain.store.ChainStore;
import io.filnode.chain.store.MemoryChainMetadata;
import io.filnode.chain.types.BlockHeader;
import io.filnode.chain.types.SignatureType;
import io.filnode.chain.types.SignedMessage;
import io.filnode.chain.types.Ticket;
import io.filnode.chain.types.TipSet;
import io.filnode.chain.types.TokenAmount;
import io.filnode.chain.types.UnsignedMessage;
import io.filnode.mpool.MessagePool;
import io.filnode.mpool.MpoolConfig;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RocksLocalMessageStoreTest {
  @TempDir Path dir;

  private static SignedMessage message(long nonce) throws Exception {
    byte[] key = new byte[32];
    key[31] = 7;
    Address from = Signer.address(SignatureType.SECP256K1, key);
    return Signer.signMessage(
        SignatureType.SECP256K1,
        key,
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

  @Test
  void messagesSurviveReopenAndDeletesStick() throws Exception {
    SignedMessage m0 = message(0);
    SignedMessage m1 = message(1);
    SignedMessage m2 = message(2);
    try (RocksBlockstore db = RocksBlockstore.open(dir.resolve("datastore"), 1 << 20)) {
      RocksLocalMessageStore store = new RocksLocalMessageStore(db);
      store.put(m0.cid(), m0.toCbor());
      store.put(m1.cid(), m1.toCbor());
      store.put(m2.cid(), m2.toCbor());
      store.delete(m1.cid());
      db.putMeta("chain/head", new byte[] {1}); // another user of the meta family
    }
    try (RocksBlockstore db = RocksBlockstore.open(dir.resolve("datastore"), 1 << 20)) {
      List<SignedMessage> back =
          new RocksLocalMessageStore(db)
              .all().stream().map(RocksLocalMessageStoreTest::decode).toList();
      assertThat(back).containsExactlyInAnyOrder(m0, m2);
    }
  }

  @Test
  void aPushedMessageIsBackInTheNextPoolAndTheConfigToo() throws Exception {
    SignedMessage m0 = message(0);
    ChainStore chain = new ChainStore(new MemoryBlockstore(), new MemoryChainMetadata());
    Cid dummy = Cid.ofDagCbor(new byte[] {0x60});
    TipSet head =
        TipSet.of(
            new BlockHeader(
                Address.newId(1000),
                new Ticket(new byte[] {1}),
                null,
                List.of(),
                List.of(),
                List.of(),
                BigInteger.ZERO,
                0,
                dummy,
                dummy,
                dummy,
                null,
                0,
                null,
                0,
                TokenAmount.ofAtto(100)));
    MemoryMpoolProvider provider = new MemoryMpoolProvider(chain);
    provider.setActor(m0.message().from(), 0, TokenAmount.ofFil(1));
    MpoolConfig changed =
        new MpoolConfig(List.of(Address.newId(5)), 100, 10, 2.0, Duration.ofSeconds(3), 1.5);
    try (RocksBlockstore db = RocksBlockstore.open(dir.resolve("datastore"), 1 << 20)) {
      MessagePool pool =
          new MessagePool(
              provider, new RocksLocalMessageStore(db), NodeMpool.loadConfig(db), head, () -> 0L);
      assertThat(pool.config()).isEqualTo(MpoolConfig.defaults());
      pool.push(m0);
      NodeMpool.saveConfig(db, changed);
    }
    try (RocksBlockstore db = RocksBlockstore.open(dir.resolve("datastore"), 1 << 20)) {
      MessagePool pool =
          new MessagePool(
              provider, new RocksLocalMessageStore(db), NodeMpool.loadConfig(db), head, () -> 0L);
      assertThat(pool.pending()).containsExactly(m0);
      assertThat(pool.config()).isEqualTo(changed);
    }
  }

  private static SignedMessage decode(byte[] b) {
    try {
      return SignedMessage.fromCbor(b);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
