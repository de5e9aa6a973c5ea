package io.filnode.vm.stmgr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.filnode.chain.address.Address;
import io.filnode.chain.cid.Cid;
import io.filnode.chain.testing.MessageChain;
import io.filnode.chain.types.TipSet;
import io.filnode.chain.types.UnsignedMessage;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MessageWaiterTest {
  private static final Address ALICE = Address.newId(100);
  private static final Address BOB = Address.newId(101);
  private static final long NO_LIMIT = MessageSearch.LOOKBACK_NO_LIMIT;

  private final ExecutorService pool = Executors.newSingleThreadExecutor();
  private MessageChain mc;
  private MessageWaiter waiter;
  private UnsignedMessage m;
  private Cid cid;
  private TipSet t1;

  @BeforeEach
  void setUp() throws Exception {
    mc = new MessageChain(List.of(ALICE, BOB));
    waiter = new MessageWaiter(mc.chain(), new MessageSearch(mc.chain()));
    m = MessageChain.send(ALICE, 0, 10);
    cid = MessageChain.signed(m).cid();
    t1 = mc.extend(mc.genesis(), m); // carries m; its children execute it
    mc.chain().setHead(t1);
  }

  @AfterEach
  void tearDown() {
    pool.shutdownNow();
  }

  /** Starts waiting; returns once the waiter follows head changes (it polls cancellation then). */
  private Future<MsgLookup> startWaiting(long confidence, AtomicBoolean cancel) throws Exception {
    CountDownLatch following = new CountDownLatch(1);
    Future<MsgLookup> f =
        pool.submit(
            () ->
                waiter.waitFor(
                    cid,
                    confidence,
                    NO_LIMIT,
                    true,
                    () -> {
                      following.countDown();
                      return cancel.get();
                    }));
    if (!following.await(30, TimeUnit.SECONDS)) {
      f.get(); // surfaces the waiter's failure
    }
    return f;
  }

  @Test
  void returnsAtOnceWhenAlreadyExecutedDeepEnough() throws Exception {
    TipSet t2 = mc.extend(t1);
    mc.chain().setHead(mc.extend(mc.extend(t2)));

    MsgLookup found = waiter.waitFor(cid, 2, NO_LIMIT, true, () -> false);

    assertThat(found.tipSet()).isEqualTo(t2);
    assertThat(found.receipt()).isEqualTo(MessageChain.receiptOf(m));
  }

  @Test
  void wakesOnTheHeadChangeThatExecutesTheMessage() throws Exception {
    Future<MsgLookup> f = startWaiting(0, new AtomicBoolean());
    TipSet t2 = mc.extend(t1);

    mc.chain().setHead(t2);

    MsgLookup found = f.get(30, TimeUnit.SECONDS);
    assertThat(found.tipSet()).isEqualTo(t2);
    assertThat(found.message()).isEqualTo(cid);
  }

  @Test
  void waitsForConfidenceAndForgetsARevertedExecution() throws Exception {
    Future<MsgLookup> f = startWaiting(1, new AtomicBoolean());
    TipSet t2 = mc.extend(t1);
    mc.chain().setHead(t2); // executed, needs one more tipset
    TipSet fork = mc.extend(mc.extend(mc.extend(mc.genesis(), 1, List.of(), List.of())));
    mc.chain().setHead(fork); // reverts t2 and t1: m is executed nowhere now
    TipSet t3 = mc.extend(t2);
    TipSet f4 = mc.extend(fork);
    mc.chain().setHead(f4);
    assertThat(f.isDone()).isFalse();

    mc.chain().setHead(t3); // back on the chain that executes m, one tipset deep

    assertThat(f.get(30, TimeUnit.SECONDS).tipSet()).isEqualTo(t2);
  }

  @Test
  void aCancelledWaitFails() throws Exception {
    AtomicBoolean cancel = new AtomicBoolean();
    Future<MsgLookup> f = startWaiting(0, cancel);
    cancel.set(true);

    assertThatThrownBy(() -> f.get(30, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class)
        .hasCauseInstanceOf(StateManagerException.class)
        .hasMessageContaining("cancelled");
  }
}
