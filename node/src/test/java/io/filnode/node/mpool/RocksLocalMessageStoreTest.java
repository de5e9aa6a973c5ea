package io.filnode.node.mpool;

import static org.assertj.core.api.Assertions.assertThat;

import io.filnode.chain.address.Address;
import io.filnode.chain.blockstore.RocksBlockstore;
import io.filnode.chain.crypto.Signer;
import io.filnode.chain.types.SignatureType;
import io.filnode.chain.types.SignedMessage;
import io.filnode.chain.types.TokenAmount;
import io.filnode.chain.types.UnsignedMessage;
import java.nio.file.Path;
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

  private static SignedMessage decode(byte[] b) {
    try {
      return SignedMessage.fromCbor(b);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
