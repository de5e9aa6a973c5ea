package io.filnode.node.miner;

import io.filnode.chain.store.ChainStore;
import io.filnode.chain.store.ChainStoreException;
import io.filnode.chain.types.BlockHeader;
import io.filnode.chain.types.SignedMessage;
import io.filnode.chain.types.TipSet;
import io.filnode.vm.stmgr.StateManager;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Mines on the chain head, one round after another, on one thread (Lotus's {@code Miner.mine} for
 * every local miner at once): each round waits for its timestamp, tries every local miner on the
 * current base, and makes the winners' blocks one tipset and the new head; a round nobody wins is a
 * null round, and the next one is tried on the same base. A failing round is logged and counts as a
 * null round; the loop only ends with {@link #close()}.
 */
public final class MiningLoop implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(MiningLoop.class.getName());
  private static final long JOIN_MILLIS = 30_000;

  /** The wall clock, used only to wait for a round's timestamp (injected so tests run fast). */
  public interface Clock {
    long nowMillis();

    /** Returns once the clock reads at least {@code epochMillis}. */
    void sleepUntil(long epochMillis) throws InterruptedException;

    /** The system clock. */
    static Clock system() {
      return new Clock() {
        @Override
        public long nowMillis() {
          return System.currentTimeMillis();
        }

        @Override
        public void sleepUntil(long epochMillis) throws InterruptedException {
          long wait;
          while ((wait = epochMillis - System.currentTimeMillis()) > 0) {
            Thread.sleep(wait);
          }
        }
      };
    }
  }

  private final StateManager sm;
  private final BlockProducer producer;
  private final List<LocalMiner> miners;
  private final long blockDelaySecs;
  private final MessageSource messages;
  private final MiningListener listener;
  private final Clock clock;
  private final Object lock = new Object();
  private Thread thread;
  private boolean running;
  private boolean sleeping;

  public MiningLoop(
      StateManager sm,
      BlockProducer producer,
      List<LocalMiner> miners,
      long blockDelaySecs,
      MessageSource messages,
      MiningListener listener) {
    this(sm, producer, miners, blockDelaySecs, messages, listener, Clock.system());
  }

  @SuppressWarnings("TooManyParameters") // the agreed constructor plus the clock
  public MiningLoop(
      StateManager sm,
      BlockProducer producer,
      List<LocalMiner> miners,
      long blockDelaySecs,
      MessageSource messages,
      MiningListener listener,
      Clock clock) {
    if (blockDelaySecs <= 0) {
      throw new IllegalArgumentException("the block delay must be positive: " + blockDelaySecs);
    }
    this.sm = sm;
    this.producer = producer;
    this.miners = List.copyOf(miners);
    this.blockDelaySecs = blockDelaySecs;
    this.messages = messages;
    this.listener = listener;
    this.clock = clock;
  }

  /** Starts the mining thread; the chain must have a head (the genesis at least). */
  public void start() {
    synchronized (lock) {
      if (thread != null) {
        throw new IllegalStateException("the mining loop was already started");
      }
      if (sm.chain().head() == null) {
        throw new IllegalStateException("the chain has no head to mine on");
      }
      running = true;
      thread = new Thread(this::run, "mining-loop");
      thread.setDaemon(true);
      thread.start();
    }
  }

  /** Stops the loop: at once when it is waiting for a round, else after the current round. */
  @Override
  public void close() {
    Thread t;
    synchronized (lock) {
      running = false;
      t = thread;
      if (t != null && sleeping) {
        t.interrupt();
      }
    }
    if (t == null || t == Thread.currentThread()) {
      return;
    }
    try {
      t.join(JOIN_MILLIS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return;
    }
    if (t.isAlive()) {
      LOG.log(Level.WARNING, "the mining loop did not stop within {0} ms", JOIN_MILLIS);
    }
  }

  private boolean running() {
    synchronized (lock) {
      return running;
    }
  }

  private void run() {
    TipSet lastBase = null;
    long nullRounds = 0;
    while (running()) {
      TipSet base = sm.chain().head();
      if (!base.equals(lastBase)) {
        lastBase = base;
        nullRounds = 0;
      }
      long round = base.height() + nullRounds + 1;
      long timestamp = BlockProducer.timestamp(base, round, blockDelaySecs);
      if (!sleepUntil(timestamp * 1000)) {
        return;
      }
      if (!base.equals(sm.chain().head())) {
        continue; // the head moved while we waited: start over on it
      }
      boolean mined;
      try {
        mined = mineRound(base, round, timestamp);
      } catch (RuntimeException | MiningException | ChainStoreException e) {
        LOG.log(Level.WARNING, "mining round " + round + " on " + base + " failed", e);
        mined = false;
      }
      if (!mined) {
        nullRounds++;
      }
    }
  }

  /** Waits for the clock; false when the loop was closed meanwhile. */
  private boolean sleepUntil(long epochMillis) {
    synchronized (lock) {
      if (!running) {
        return false;
      }
      sleeping = true;
    }
    try {
      clock.sleepUntil(epochMillis);
    } catch (InterruptedException e) {
      // close() interrupts only a sleeping loop; running() below says whether to go on
    } finally {
      synchronized (lock) {
        sleeping = false;
        Thread.interrupted(); // never carry an interrupt into block production
      }
    }
    return running();
  }

  /** Tries every local miner at {@code round}; true when a tipset was mined. */
  private boolean mineRound(TipSet base, long round, long timestamp)
      throws MiningException, ChainStoreException {
    List<BlockProducer.Win> wins = new ArrayList<>();
    for (LocalMiner m : miners) {
      try {
        Optional<BlockProducer.Win> win = producer.tryWin(base, round, m);
        win.ifPresent(wins::add);
      } catch (MiningException e) {
        LOG.log(Level.WARNING, "miner " + m.minerId() + " could not try round " + round, e);
      }
    }
    if (wins.isEmpty()) {
      LOG.log(Level.DEBUG, "null round {0} on {1}", round, base);
      return false;
    }
    List<SignedMessage> msgs = selectMessages(base);
    ChainStore chain = sm.chain();
    List<BlockHeader> blocks = new ArrayList<>();
    for (BlockProducer.Win win : wins) {
      BlockHeader b = producer.createBlock(base, round, timestamp, win, msgs);
      BlockSelfCheck.verify(chain, sm.schedule(), base, b, win.workerKey());
      chain.putBlock(b);
      blocks.add(b);
    }
    TipSet ts = TipSet.of(blocks);
    chain.setHead(ts);
    LOG.log(
        Level.INFO,
        "mined {0} block(s) at height {1}, {2} messages",
        blocks.size(),
        round,
        msgs.size());
    try {
      listener.mined(ts, ts.blocks());
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "the mining listener failed on " + ts, e);
    }
    return true;
  }

  private List<SignedMessage> selectMessages(TipSet base) {
    try {
      return List.copyOf(messages.select(base));
    } catch (RuntimeException e) {
      // A block without messages keeps the chain going; the pool's problem is logged.
      LOG.log(Level.WARNING, "selecting messages on " + base + " failed; mining an empty block", e);
      return List.of();
    }
  }
}
