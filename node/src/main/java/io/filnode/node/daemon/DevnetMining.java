package io.filnode.node.daemon;

import io.filnode.chain.address.Address;
import io.filnode.chain.cid.Cid;
import io.filnode.chain.store.HeadChange;
import io.filnode.chain.types.TipSet;
import io.filnode.chain.types.UnsignedMessage;
import io.filnode.node.api.MpoolApi;
import io.filnode.node.miner.BlockProducer;
import io.filnode.node.miner.LocalMiner;
import io.filnode.node.miner.MiningLoop;
import io.filnode.node.miner.wdpost.WindowPoStScheduler;
import io.filnode.node.mpool.NodeMpool;
import io.filnode.node.wallet.Wallet;
import io.filnode.rpc.RpcException;
import io.filnode.vm.stmgr.StateManager;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A devnet's block production: the {@link MiningLoop} of its genesis miners (blocks signed by the
 * wallet, messages selected from the pool) and the {@link WindowPoStScheduler} that keeps their
 * power, whose messages get gas, a nonce and the worker's signature here and go to the pool.
 */
final class DevnetMining implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(DevnetMining.class.getName());

  private final MpoolApi mpool;
  private final MiningLoop mining;
  private final WindowPoStScheduler wdpost;
  private final ExecutorService wdpostThread =
      Executors.newSingleThreadExecutor(r -> new Thread(r, "wdpost"));
  private final AtomicReference<TipSet> latestHead = new AtomicReference<>();
  private final AtomicLong blocksMined = new AtomicLong();
  private final Runnable unsubscribe;

  private DevnetMining(
      StateManager sm,
      NodeMpool pool,
      Wallet wallet,
      MpoolApi mpool,
      List<LocalMiner> miners,
      long blockDelaySecs) {
    this.mpool = mpool;
    this.wdpost = new WindowPoStScheduler(sm, miners, this::submit);
    this.mining =
        new MiningLoop(
            sm,
            new BlockProducer(sm, wallet::sign),
            miners,
            blockDelaySecs,
            pool::selectForBlock,
            (ts, blocks) -> blocksMined.addAndGet(blocks.size()));
    this.unsubscribe = sm.chain().subscribe(this::onHeadChange);
  }

  /** Starts mining for the miners of {@code settings}. */
  static DevnetMining start(
      StateManager sm, NodeMpool pool, Wallet wallet, MpoolApi mpool, DevnetSettings settings) {
    List<LocalMiner> miners = new ArrayList<>();
    for (DevnetSettings.Miner m : settings.miners()) {
      miners.add(new LocalMiner(Address.parse(m.id()), Address.parse(m.worker())));
    }
    DevnetMining d = new DevnetMining(sm, pool, wallet, mpool, miners, settings.blockDelaySecs());
    d.mining.start();
    return d;
  }

  /** Blocks this node has mined since it started. */
  long blocksMined() {
    return blocksMined.get();
  }

  /**
   * Hands the newest head to the WindowPoSt thread: the scheduler estimates gas and signs, which
   * must not hold up the chain store's head update that calls this.
   */
  private void onHeadChange(List<HeadChange> changes) {
    TipSet head = changes.get(changes.size() - 1).tipSet();
    if (latestHead.getAndSet(head) == null) {
      wdpostThread.execute(
          () -> {
            TipSet ts = latestHead.getAndSet(null);
            try {
              wdpost.onHead(ts);
            } catch (RuntimeException e) {
              LOG.log(
                  System.Logger.Level.WARNING,
                  "WindowPoSt at " + ts.height() + ": " + e.getMessage(),
                  e);
            }
          });
    }
  }

  /**
   * Sends a scheduler message through {@code MpoolPushMessage}'s path: gas estimated, the sender's
   * next nonce (under the same per-sender lock as the API's), signed by the wallet, pushed as
   * local.
   */
  private Cid submit(UnsignedMessage m) throws RpcException {
    return mpool.pushMessage(m, null).cid();
  }

  /** Stops mining first (no block is half made after this), then the WindowPoSt thread. */
  @Override
  public void close() {
    mining.close();
    unsubscribe.run();
    wdpostThread.shutdown();
    try {
      if (!wdpostThread.awaitTermination(10, TimeUnit.SECONDS)) {
        wdpostThread.shutdownNow();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
