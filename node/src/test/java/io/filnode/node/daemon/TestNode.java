package io.filnode.node.daemon;

import io.filnode.chain.cid.Cid;
import io.filnode.chain.store.ChainStore;
import io.filnode.mpool.LocalMessageStore;
import io.filnode.mpool.MessagePool;
import io.filnode.mpool.MpoolConfig;
import io.filnode.node.api.CommonApi;
import io.filnode.node.mpool.ChainMpoolProvider;
import io.filnode.node.p2p.NodeHost;
import io.filnode.node.wallet.Wallet;
import io.filnode.vm.ActorRegistry;
import io.filnode.vm.ProofVerifier;
import io.filnode.vm.stmgr.StateManager;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The node's handlers in memory, as the daemon builds them for mainnet ({@link NodeApis#of}), for
 * tests that need the real registry without a process: a state manager over {@code chain}, a
 * message pool with its local messages in memory and a frozen prune clock.
 */
public final class TestNode {
  private TestNode() {}

  /** The handlers over {@code chain} (a mainnet chain: no beacon). */
  public static NodeApis apis(ChainStore chain, Wallet wallet, CommonApi common) {
    return apis(chain, wallet, common, null);
  }

  /** As {@link #apis(ChainStore, Wallet, CommonApi)}, with the Net methods over {@code host}. */
  public static NodeApis apis(ChainStore chain, Wallet wallet, CommonApi common, NodeHost host) {
    StateManager sm =
        new StateManager(
            chain,
            NetworkParams.MAINNET.versions(),
            new UnavailableBeacon("test"),
            ProofVerifier.acceptAll(),
            ActorRegistry.builtin());
    MessagePool pool =
        new MessagePool(
            new ChainMpoolProvider(sm),
            new MemoryLocalStore(),
            MpoolConfig.defaults(),
            chain.head(),
            () -> 0L);
    return NodeApis.of(
        common, sm, NetworkParams.MAINNET.versions(), wallet, pool, new Random(1), host);
  }

  /** Local messages kept in memory. */
  private static final class MemoryLocalStore implements LocalMessageStore {
    private final Map<Cid, byte[]> messages = new LinkedHashMap<>();

    @Override
    public synchronized void put(Cid cid, byte[] signedMessageCbor) {
      messages.put(cid, signedMessageCbor.clone());
    }

    @Override
    public synchronized void delete(Cid cid) {
      messages.remove(cid);
    }

    @Override
    public synchronized List<byte[]> all() {
      return new ArrayList<>(messages.values());
    }
  }
}
