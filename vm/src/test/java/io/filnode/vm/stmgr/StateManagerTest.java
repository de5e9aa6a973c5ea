package io.filnode.vm.stmgr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.filnode.chain.cbor.CborWriter;
import io.filnode.chain.cid.Cid;
import io.filnode.chain.types.BlockHeader;
import io.filnode.chain.types.TipSet;
import io.filnode.chain.types.TokenAmount;
import io.filnode.vm.ActorRegistry;
import io.filnode.vm.NetworkSchedule;
import io.filnode.vm.ProofVerifier;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The state manager's bookkeeping around execution (cache, one computation per tipset, the
 * persisted states), with the execution replaced by a counting stand-in; execution itself is in
 * {@code StateManagerExecutionTest}.
 */
class StateManagerTest {
  private final TestChain c = new TestChain();
  private final AtomicInteger computations = new AtomicInteger();
  private TipSet genesis;
  private TipSet t1;
  private TipSet t3;

  @BeforeEach
  void chain() throws Exception {
    genesis = c.tipSet(c.block(0, null, 0, bytes("g"), new MockBeacon().entry(0)));
    t1 = c.tipSet(c.block(100, genesis, 1, bytes("t1")));
    t3 = c.tipSet(c.block(100, t1, 3, bytes("t3")));
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }

  /** A fake state for {@code ts}: a stored block naming it. */
  private TipSetState fakeState(TipSet ts) {
    byte[] data = ("state after " + ts.key()).getBytes(StandardCharsets.UTF_8);
    byte[] block = new CborWriter().writeBytes(data).toByteArray();
    Cid root = Cid.ofDagCbor(block);
    c.blocks.put(root, block);
    return new TipSetState(root, c.stateRoot);
  }

  private StateManager manager(StateManager.TipSetComputer computer) {
    return new StateManager(
        c.chain,
        NetworkSchedule.fixed(9),
        new MockBeacon(),
        ProofVerifier.acceptAll(),
        ActorRegistry.builtin(),
        computer);
  }

  private StateManager counting() {
    return manager(
        ts -> {
          computations.incrementAndGet();
          return fakeState(ts);
        });
  }

  @Test
  void theGenesisStateIsItsOwnRootsWithoutExecution() throws Exception {
    BlockHeader g = genesis.blocks().get(0);
    assertThat(counting().tipSetState(genesis))
        .isEqualTo(new TipSetState(g.parentStateRoot(), g.parentMessageReceipts()));
    assertThat(computations).hasValue(0);
  }

  @Test
  void aSecondCallIsServedFromTheCache() throws Exception {
    StateManager sm = counting();
    TipSetState first = sm.tipSetState(t3);
    assertThat(sm.tipSetState(t3)).isEqualTo(first);
    assertThat(computations).hasValue(1);
    assertThat(sm.tipSetState(t1)).isNotEqualTo(first);
    assertThat(computations).hasValue(2);
    assertThat(sm.cachedStates()).isEqualTo(2);
  }

  @Test
  void concurrentCallersShareOneComputation() throws Exception {
    CountDownLatch entered = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    StateManager sm =
        manager(
            ts -> {
              computations.incrementAndGet();
              entered.countDown();
              try {
                release.await();
              } catch (InterruptedException e) {
                throw new StateManagerException("interrupted", e);
              }
              return fakeState(ts);
            });
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Future<TipSetState> first = pool.submit(() -> sm.tipSetState(t3));
      entered.await();
      AtomicReference<Thread> secondThread = new AtomicReference<>();
      Future<TipSetState> second =
          pool.submit(
              () -> {
                secondThread.set(Thread.currentThread());
                return sm.tipSetState(t3);
              });
      // wait until the second caller is parked on the first one's computation
      while (secondThread.get() == null || secondThread.get().getState() != Thread.State.WAITING) {
        Thread.onSpinWait();
      }
      release.countDown();
      assertThat(second.get()).isEqualTo(first.get());
      assertThat(computations).hasValue(1);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aFailureIsNotCached() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    StateManager sm =
        manager(
            ts -> {
              if (calls.incrementAndGet() == 1) {
                throw new StateManagerException("first attempt fails");
              }
              return fakeState(ts);
            });
    assertThatThrownBy(() -> sm.tipSetState(t3)).hasMessageContaining("first attempt");
    assertThat(sm.tipSetState(t3)).isEqualTo(fakeState(t3));
    assertThat(calls).hasValue(2);
  }

  @Test
  void aNewManagerReadsThePersistedStateInsteadOfExecuting() throws Exception {
    TipSetState st = counting().tipSetState(t3);
    StateManager restarted =
        manager(
            ts -> {
              throw new AssertionError("executed " + ts + " again");
            });
    assertThat(restarted.tipSetState(t3)).isEqualTo(st);
  }

  @Test
  void aPersistedStateWhoseBlocksAreGoneIsRecomputed() throws Exception {
    TipSetState st = counting().tipSetState(t3);
    c.blocks.delete(st.stateRoot());
    StateManager restarted = counting();
    assertThat(restarted.tipSetState(t3)).isEqualTo(st);
    assertThat(computations).hasValue(2);
  }

  @Test
  void computeBaseFeeFollowsTheTipSetsMessages() throws Exception {
    // no messages: the base fee falls by 1/8
    assertThat(counting().computeBaseFee(t3)).isEqualTo(TokenAmount.ofAtto(87_500_000L));
    // the genesis is no special case in Lotus: its parent base fee, its (no) messages
    assertThat(counting().computeBaseFee(genesis)).isEqualTo(TokenAmount.ofAtto(87_500_000L));
  }

  @Test
  void randomnessDrawsFromTheGivenTipSet() {
    ChainRandomness r = (ChainRandomness) counting().randomness(t3);
    assertThat(r.tipSet()).isEqualTo(t3);
  }

  @Test
  void lookbackReadsTheParentStateOfTheTipSetAfterTheLookbackRound() throws Exception {
    StateManager sm = counting();
    // round 3 at nv 9: 3 − 900 < 0, so the lookback round is 0; the tipset after it is t1
    StateManager.Lookback lb = sm.lookback(t3, 3);
    assertThat(lb.tipSet()).isEqualTo(genesis);
    assertThat(lb.stateRoot()).isEqualTo(t1.parentStateRoot());
    // up to nv 3 the lookback is 10 epochs
    StateManager old =
        new StateManager(
            c.chain,
            NetworkSchedule.fixed(3),
            new MockBeacon(),
            ProofVerifier.acceptAll(),
            ActorRegistry.builtin(),
            ts -> fakeState(ts));
    assertThat(old.lookback(t3, 12).tipSet()).isEqualTo(t1);
    // 13 − 10 = 3 = the tipset's own height: its computed state
    assertThat(old.lookback(t3, 13).stateRoot()).isEqualTo(fakeState(t3).stateRoot());
  }
}
