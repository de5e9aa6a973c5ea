package io.filnode.node.miner;

import static org.assertj.core.api.Assertions.assertThat;

import io.filnode.chain.address.Address;
import io.filnode.chain.blockstore.MemoryBlockstore;
import io.filnode.chain.cid.Cid;
import io.filnode.chain.store.ChainStore;
import io.filnode.chain.store.MemoryChainMetadata;
import io.filnode.chain.types.BeaconEntry;
import io.filnode.chain.types.BlockHeader;
import io.filnode.chain.types.SignatureType;
import io.filnode.chain.types.Ticket;
import io.filnode.chain.types.TipSet;
import io.filnode.chain.types.TokenAmount;
import io.filnode.vm.ActorRegistry;
import io.filnode.vm.NetworkSchedule;
import io.filnode.vm.ProofVerifier;
import io.filnode.vm.stmgr.MockBeacon;
import io.filnode.vm.stmgr.StateManager;
import java.math.BigInteger;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The loop outlives rounds that fail, moves on round by round, and stops on close. */
class MiningLoopRobustnessTest {
  @Test
  void failingRoundsAreNullRoundsAndCloseStopsTheLoop() throws Exception {
    ChainStore chain = new ChainStore(new MemoryBlockstore(), new MemoryChainMetadata());
    // A genesis whose state is not in the store: every attempt to mine on it fails.
    Cid missing = Cid.ofDagCbor(new byte[] {(byte) 0xa0});
    BlockHeader genesis =
        new BlockHeader(
            Address.newId(0),
            new Ticket(new byte[32]),
            null,
            List.of(new BeaconEntry(0, new byte[32])),
            List.of(),
            List.of(),
            BigInteger.ZERO,
            0,
            missing,
            missing,
            missing,
            null,
            1_000,
            null,
            0,
            TokenAmount.ZERO);
    chain.setGenesis(genesis);
    StateManager sm =
        new StateManager(
            chain,
            NetworkSchedule.fixed(9),
            new MockBeacon(),
            ProofVerifier.acceptAll(),
            ActorRegistry.builtin());
    TestKeys keys = new TestKeys();
    LocalMiner miner = new LocalMiner(Address.newId(1000), keys.add(SignatureType.BLS, 1));
    AtomicInteger mined = new AtomicInteger();
    FakeClock clock = new FakeClock(1_000_000);

    MiningLoop loop =
        new MiningLoop(
            sm,
            new BlockProducer(sm, keys),
            List.of(miner),
            30,
            MessageSource.none(),
            (ts, blocks) -> mined.incrementAndGet(),
            clock);
    loop.start();
    List<Long> waits = clock.awaitWaits(5);
    loop.close();

    // Round r on the genesis waits for genesis time + 30 s × r.
    assertThat(waits.subList(0, 5))
        .containsExactly(1_030_000L, 1_060_000L, 1_090_000L, 1_120_000L, 1_150_000L);
    assertThat(mined).hasValue(0);
    assertThat(chain.head()).isEqualTo(TipSet.of(genesis));
  }
}
