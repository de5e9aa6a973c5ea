package io.filnode.node.mpool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.filnode.chain.address.Address;
import io.filnode.chain.blockstore.RocksBlockstore;
import io.filnode.chain.crypto.Signer;
import io.filnode.chain.store.ChainStore;
import io.filnode.chain.store.RocksChainMetadata;
import io.filnode.chain.types.SignatureType;
import io.filnode.chain.types.SignedMessage;
import io.filnode.chain.types.TokenAmount;
import io.filnode.chain.types.UnsignedMessage;
import io.filnode.mpool.MpoolException;
import io.filnode.mpool.MpoolProviderException;
import io.filnode.vm.ActorRegistry;
import io.filnode.vm.NetworkSchedule;
import io.filnode.vm.ProofVerifier;
import io.filnode.vm.genesis.GenesisAccount;
import io.filnode.vm.genesis.GenesisBuilder;
import io.filnode.vm.genesis.GenesisResult;
import io.filnode.vm.genesis.GenesisSpec;
import io.filnode.vm.stmgr.MockBeacon;
import io.filnode.vm.stmgr.StateManager;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pool as the daemon builds it: on a devnet genesis in a RocksDB repo, state from the real
 * {@link StateManager}, and a pushed message still pending after the repo is reopened.
 */
class NodeMpoolTest {
  private static final byte[] KEY = key();

  @TempDir Path dir;

  private static byte[] key() {
    byte[] k = new byte[32];
    k[31] = 11;
    return k;
  }

  private static StateManager stateManager(ChainStore chain) {
    return new StateManager(
        chain,
        NetworkSchedule.fixed(9),
        new MockBeacon(),
        ProofVerifier.acceptAll(),
        ActorRegistry.builtin());
  }

  private static SignedMessage message(Address from, long nonce, TokenAmount value)
      throws Exception {
    return Signer.signMessage(
        SignatureType.SECP256K1,
        KEY,
        new UnsignedMessage(
            0,
            Address.newId(100),
            from,
            nonce,
            value,
            1_000_000,
            TokenAmount.ofAtto(2_000_000_000),
            TokenAmount.ofAtto(1000),
            0,
            new byte[0]));
  }

  @Test
  void pushedMessagesAreCheckedAgainstGenesisStateStoredAndSurviveReopen() throws Exception {
    Address from = Signer.address(SignatureType.SECP256K1, KEY);
    SignedMessage m0 = message(from, 0, TokenAmount.ofFil(1));
    Path repo = dir.resolve("datastore");
    try (RocksBlockstore blocks = RocksBlockstore.open(repo, 1 << 20)) {
      ChainStore chain = new ChainStore(blocks, new RocksChainMetadata(blocks));
      GenesisResult g =
          GenesisBuilder.build(
              blocks,
              new GenesisSpec(
                  "mpool-devnet",
                  1_600_000_000L,
                  9,
                  List.of(new GenesisAccount(from, TokenAmount.ofFil(10))),
                  List.of()));
      chain.setGenesis(g.genesis());
      StateManager sm = stateManager(chain);
      try (NodeMpool mpool = NodeMpool.start(sm, blocks)) {
        // a sender the genesis state does not have is refused
        byte[] other = key();
        other[31] = 12;
        SignedMessage stranger =
            Signer.signMessage(
                SignatureType.SECP256K1,
                other,
                new UnsignedMessage(
                    0,
                    from,
                    Signer.address(SignatureType.SECP256K1, other),
                    0,
                    TokenAmount.ZERO,
                    1_000_000,
                    TokenAmount.ofAtto(2_000_000_000),
                    TokenAmount.ofAtto(1000),
                    0,
                    new byte[0]));
        assertThatThrownBy(() -> mpool.pool().push(stranger))
            .isInstanceOf(MpoolException.class)
            .hasMessageContaining("not found");
        mpool.pool().push(m0);
        assertThat(mpool.pool().getNonce(from)).isEqualTo(1);
        assertThat(blocks.get(m0.cid())).isEqualTo(m0.toCbor());
        // the genesis account is f0100: its key at finality is the secp256k1 address
        assertThat(mpool.provider().resolveToKey(Address.newId(100), chain.head())).isEqualTo(from);
        assertThatThrownBy(() -> mpool.provider().resolveToKey(Address.newId(4242), chain.head()))
            .isInstanceOf(MpoolProviderException.class)
            .hasMessage("ID address not found in lookback state");
        assertThat(mpool.selectForBlock(chain.head())).containsExactly(m0);
      }
    }
    try (RocksBlockstore blocks = RocksBlockstore.open(repo, 1 << 20)) {
      ChainStore chain = new ChainStore(blocks, new RocksChainMetadata(blocks));
      chain.load();
      try (NodeMpool mpool = NodeMpool.start(stateManager(chain), blocks)) {
        assertThat(mpool.pool().pending()).containsExactly(m0);
        assertThat(mpool.pool().getNonce(from)).isEqualTo(1);
      }
    }
  }
}
