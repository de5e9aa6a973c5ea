package io.filnode.actors.v2.market;

import static org.assertj.core.api.Assertions.assertThat;

import io.filnode.actors.builtin.Builtin;
import io.filnode.actors.builtin.Builtin.MethodsMarket;
import io.filnode.actors.runtime.ActorCode;
import io.filnode.actors.runtime.Runtime;
import io.filnode.actors.testing.MockRuntime;
import io.filnode.actors.util.adt.AdtArray;
import io.filnode.actors.util.adt.AdtMap;
import io.filnode.chain.amt.AmtOptions;
import io.filnode.chain.blockstore.Blockstore;
import io.filnode.chain.blockstore.IpldStore;
import io.filnode.chain.blockstore.MemoryBlockstore;
import io.filnode.chain.cid.Cid;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The blocks the market reads and writes, in order: the VM charges gas for each, and CronTick runs
 * every epoch, so its accesses must be Go's even when there are no deals (specs-actors v2
 * marketStateMutation.build loads proposals, states, locked, escrow, pending, deals-by-epoch;
 * commitState flushes the writable ones in the same order).
 */
class MarketStoreAccessTest {
  /** A blockstore that records "get CID" and "put CID". */
  static final class RecordingBlockstore implements Blockstore {
    final MemoryBlockstore inner = new MemoryBlockstore();
    final List<String> ops = new ArrayList<>();

    @Override
    public byte[] get(Cid cid) {
      ops.add("get " + cid);
      return inner.get(cid);
    }

    @Override
    public boolean has(Cid cid) {
      return inner.has(cid);
    }

    @Override
    public void put(Cid cid, byte[] data) {
      ops.add("put " + cid);
      inner.put(cid, data);
    }

    @Override
    public void delete(Cid cid) {
      inner.delete(cid);
    }
  }

  private final RecordingBlockstore blocks = new RecordingBlockstore();
  private final IpldStore store = new IpldStore(blocks);
  private final MarketActor market = new MarketActor();

  /** The market, called with a runtime whose store records (the rest is the mock's). */
  private final ActorCode recorded =
      (rt, method, params) -> market.invoke(withStore(rt), method, params);

  private Runtime withStore(Runtime rt) {
    return (Runtime)
        Proxy.newProxyInstance(
            Runtime.class.getClassLoader(),
            new Class<?>[] {Runtime.class},
            (proxy, m, args) -> {
              if (m.getName().equals("store")) {
                return store;
              }
              try {
                return m.invoke(rt, args);
              } catch (InvocationTargetException e) {
                throw e.getCause();
              }
            });
  }

  @Test
  void constructorAndAnEmptyCronTick() {
    Cid emptyArray =
        AdtArray.create(new IpldStore(new MemoryBlockstore()), AmtOptions.v2()).flush();
    Cid emptyMap =
        AdtMap.create(new IpldStore(new MemoryBlockstore()), MarketStateMutation.HAMT).flush();
    String a = emptyArray.toString();
    String m = emptyMap.toString();

    MockRuntime rt =
        new MockRuntime(Builtin.STORAGE_MARKET_ACTOR_ADDR)
            .setCaller(Builtin.SYSTEM_ACTOR_ADDR, MarketHarness.INIT);
    rt.expectValidateCallerAddr(Builtin.SYSTEM_ACTOR_ADDR);
    rt.call(recorded, MethodsMarket.CONSTRUCTOR, null);
    rt.verify();
    // The empty array, the empty map, and the empty multimap (the same block again).
    assertThat(blocks.ops).containsExactly("put " + a, "put " + m, "put " + m);

    blocks.ops.clear();
    rt.setEpoch(3);
    rt.setCaller(Builtin.CRON_ACTOR_ADDR, MarketHarness.CRON);
    rt.expectValidateCallerAddr(Builtin.CRON_ACTOR_ADDR);
    rt.call(recorded, MethodsMarket.CRON_TICK, null);
    rt.verify();
    // Epochs 0..3 find nothing in an empty root; each structure is loaded and flushed once.
    assertThat(blocks.ops)
        .containsExactly(
            "get " + a, // proposals
            "get " + a, // states
            "get " + m, // locked table
            "get " + m, // escrow table
            "get " + m, // pending proposals
            "get " + m, // deals by epoch
            "put " + a,
            "put " + a,
            "put " + m,
            "put " + m,
            "put " + m,
            "put " + m);
    assertThat(rt.getState(MarketState::decode).lastCron()).isEqualTo(3);
  }
}
