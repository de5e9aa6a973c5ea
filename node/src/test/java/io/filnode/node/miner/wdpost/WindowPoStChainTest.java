package io.filnode.node.miner.wdpost;

import static org.assertj.core.api.Assertions.assertThat;

import io.filnode.actors.builtin.Builtin;
import io.filnode.actors.builtin.SealProofs;
import io.filnode.actors.util.adt.AdtMap;
import io.filnode.actors.util.adt.Keys;
import io.filnode.actors.v2.miner.DeadlineInfo;
import io.filnode.actors.v2.miner.Policy;
import io.filnode.actors.v2.power.Claim;
import io.filnode.actors.v2.power.PowerState;
import io.filnode.chain.address.Address;
import io.filnode.chain.amt.Amt;
import io.filnode.chain.amt.AmtOptions;
import io.filnode.chain.blockstore.IpldStore;
import io.filnode.chain.blockstore.MemoryBlockstore;
import io.filnode.chain.cbor.CborEncodable;
import io.filnode.chain.cid.Cid;
import io.filnode.chain.crypto.Blake2b;
import io.filnode.chain.state.BuiltinActors;
import io.filnode.chain.state.StateTree;
import io.filnode.chain.store.ChainStore;
import io.filnode.chain.store.MemoryChainMetadata;
import io.filnode.chain.types.BlockHeader;
import io.filnode.chain.types.ElectionProof;
import io.filnode.chain.types.MessageReceipt;
import io.filnode.chain.types.MsgMeta;
import io.filnode.chain.types.Ticket;
import io.filnode.chain.types.TipSet;
import io.filnode.chain.types.TokenAmount;
import io.filnode.chain.types.UnsignedMessage;
import io.filnode.node.miner.LocalMiner;
import io.filnode.vm.ActorRegistry;
import io.filnode.vm.NetworkSchedule;
import io.filnode.vm.ProofVerifier;
import io.filnode.vm.genesis.GenesisAccount;
import io.filnode.vm.genesis.GenesisBuilder;
import io.filnode.vm.genesis.GenesisMiner;
import io.filnode.vm.genesis.GenesisResult;
import io.filnode.vm.genesis.GenesisSpec;
import io.filnode.vm.stmgr.MockBeacon;
import io.filnode.vm.stmgr.StateManager;
import io.filnode.vm.stmgr.TipSetState;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.LongPredicate;
import org.junit.jupiter.api.Test;

/**
 * The scheduler on a chain executed by the state manager: a genesis with one miner whose mock
 * sectors fill every deadline it may, then a synthetic chain (one block per epoch from the miner,
 * carrying the scheduler's messages as BLS messages; execution does not check signatures) through
 * the first two deadline windows that hold partitions. With the scheduler the miner keeps its power
 * and has no faults; without it, the missed windows make sectors faulty and cost power.
 */
class WindowPoStChainTest {
  private static final long GENESIS_TIME = 1_600_000_000L;

  /** One sector in every deadline the actor may assign to at genesis (all but two). */
  private static final int SECTORS = Policy.WPOST_PERIOD_DEADLINES;

  private static final TokenAmount GAS_FEE_CAP = TokenAmount.ofAtto(1_000_000_000L);
  private static final TokenAmount GAS_PREMIUM = TokenAmount.ofAtto(100_000L);
  private static final long GAS_LIMIT = 1_000_000_000L;

  /** One run of the chain, with or without the scheduler. */
  private static final class Run {
    final MemoryBlockstore blocks = new MemoryBlockstore();
    final IpldStore ipld = new IpldStore(blocks);
    final ChainStore chain = new ChainStore(blocks, new MemoryChainMetadata());
    final StateManager sm;
    final LocalMiner miner;
    final TipSet genesis;
    final List<UnsignedMessage> pending = new ArrayList<>();
    final List<UnsignedMessage> submitted = new ArrayList<>();
    final List<MessageReceipt> receipts = new ArrayList<>();
    long nextNonce;

    Run() throws Exception {
      Address worker = bls(1);
      GenesisSpec spec =
          new GenesisSpec(
              "wdpost-test",
              GENESIS_TIME,
              9,
              List.of(new GenesisAccount(worker, TokenAmount.ofFil(1_000_000))),
              List.of(
                  new GenesisMiner(worker, worker, SealProofs.STACKED_DRG_32GIB_V1_1, SECTORS)));
      GenesisResult g = GenesisBuilder.build(blocks, spec);
      chain.setGenesis(g.genesis());
      genesis = chain.head();
      sm =
          new StateManager(
              chain,
              NetworkSchedule.fixed(9),
              new MockBeacon(),
              ProofVerifier.acceptAll(),
              ActorRegistry.builtin());
      miner = new LocalMiner(g.minerIds().get(0), worker);
      nextNonce = sm.actorAfter(worker, genesis).orElseThrow().nonce();
    }

    /** The node's part of MpoolPushMessage: nonce and gas. */
    Cid submit(UnsignedMessage m) {
      assertThat(m.nonce()).isZero();
      assertThat(m.gasLimit()).isZero();
      UnsignedMessage full =
          new UnsignedMessage(
              m.version(),
              m.to(),
              m.from(),
              nextNonce++,
              m.value(),
              GAS_LIMIT,
              GAS_FEE_CAP,
              GAS_PREMIUM,
              m.method(),
              m.params());
      pending.add(full);
      submitted.add(full);
      return full.cid();
    }

    /**
     * Mines one block at each epoch up to {@code lastHeight} that {@code hasBlock} accepts (the
     * others are null rounds), feeding each new head to the scheduler.
     */
    void runTo(long lastHeight, LongPredicate hasBlock, WindowPoStScheduler scheduler)
        throws Exception {
      TipSet head = genesis;
      for (long h = 1; h <= lastHeight; h++) {
        if (!hasBlock.test(h) && h != lastHeight) {
          continue;
        }
        TipSetState parent = sm.tipSetState(head);
        List<UnsignedMessage> included = List.copyOf(pending);
        pending.clear();
        BlockHeader b =
            new BlockHeader(
                miner.minerId(),
                new Ticket(Blake2b.sum256(ByteBuffer.allocate(8).putLong(h).array())),
                new ElectionProof(1, new byte[] {1}),
                List.of(MockBeacon.entryFor(h)),
                List.of(),
                head.cids(),
                BigInteger.valueOf(h),
                h,
                parent.stateRoot(),
                parent.receiptsRoot(),
                messages(included),
                null,
                GENESIS_TIME + h * 30,
                null,
                0,
                sm.computeBaseFee(head));
        chain.putBlock(b);
        head = TipSet.of(b);
        chain.setHead(head);
        TipSetState after = sm.tipSetState(head);
        Amt receiptAmt = Amt.load(ipld, after.receiptsRoot(), AmtOptions.v2());
        for (int i = 0; i < included.size(); i++) {
          receipts.add(receiptAmt.get(i, MessageReceipt::decode));
        }
        if (scheduler != null) {
          scheduler.onHead(head);
        }
      }
    }

    private Cid messages(List<UnsignedMessage> bls) throws Exception {
      Amt blsAmt = Amt.create(ipld, AmtOptions.v2());
      for (int i = 0; i < bls.size(); i++) {
        UnsignedMessage m = bls.get(i);
        blocks.put(m.cid(), m.toCbor());
        Cid c = m.cid();
        blsAmt.set(i, (CborEncodable) w -> w.writeCid(c));
      }
      Cid empty = Amt.create(ipld, AmtOptions.v2()).flush();
      return ipld.put(new MsgMeta(blsAmt.flush(), empty));
    }

    MinerProvingState minerState() throws Exception {
      return MinerProvingState.load(
          ipld, sm.tipSetState(chain.head()).stateRoot(), miner.minerId());
    }

    Claim claim() throws Exception {
      StateTree tree = StateTree.load(ipld, sm.tipSetState(chain.head()).stateRoot());
      PowerState power =
          ipld.get(
              tree.getActor(Builtin.STORAGE_POWER_ACTOR_ADDR).head(), "power", PowerState::decode);
      return AdtMap.load(ipld, power.claims, BuiltinActors.hamtOptions(2))
          .get(Keys.address(miner.minerId()), Claim::decode);
    }
  }

  private static Address bls(int i) {
    byte[] key = new byte[48];
    Arrays.fill(key, (byte) i);
    return Address.newBls(key);
  }

  private static long faults(ProvingState st) {
    long n = 0;
    for (int dl = 0; dl < Policy.WPOST_PERIOD_DEADLINES; dl++) {
      for (PartitionSectors p : st.partitions(dl)) {
        n += p.faults().count();
      }
    }
    return n;
  }

  /**
   * The deadlines, in chain order from the genesis, that hold partitions to prove, up to the {@code
   * count}th.
   */
  private static List<DeadlineInfo> deadlinesWithPartitions(ProvingState st, int count) {
    List<DeadlineInfo> out = new ArrayList<>();
    DeadlineInfo d = st.deadlineInfo(0);
    while (out.size() < count) {
      boolean toProve = st.partitions(d.index()).stream().anyMatch(p -> !p.toProve().isEmpty());
      if (toProve && d.open() > 0) {
        out.add(d);
      }
      d =
          d.index() + 1 < Policy.WPOST_PERIOD_DEADLINES
              ? DeadlineInfo.of(d.periodStart(), d.index() + 1, 0)
              : DeadlineInfo.of(d.nextPeriodStart(), 0, 0);
    }
    return out;
  }

  @Test
  void scheduledProofsKeepTheMinersPowerAndMissedWindowsDoNot() throws Exception {
    Run with = new Run();
    MinerProvingState atGenesis = with.minerState();
    Claim genesisClaim = with.claim();
    assertThat(genesisClaim.rawBytePower())
        .isEqualTo(BigInteger.valueOf(SECTORS).shiftLeft(35)); // 32 GiB each
    assertThat(faults(atGenesis)).isZero();
    List<DeadlineInfo> windows = deadlinesWithPartitions(atGenesis, 2);
    // Past the end of the second window: its deadline's cron has run.
    long end = windows.get(1).close();

    // Blocks around the windows (from before their challenge epochs); null rounds elsewhere.
    LongPredicate hasBlock =
        h -> windows.stream().anyMatch(w -> h >= w.challenge() - 5 && h <= w.close() + 1);
    with.runTo(end, hasBlock, new WindowPoStScheduler(with.sm, List.of(with.miner), with::submit));

    assertThat(with.submitted).hasSize(2);
    assertThat(with.receipts).hasSize(2).allSatisfy(r -> assertThat(r.exitCode()).isZero());
    for (int i = 0; i < 2; i++) {
      UnsignedMessage m = with.submitted.get(i);
      assertThat(m.from()).isEqualTo(with.miner.worker());
      assertThat(m.to()).isEqualTo(with.miner.minerId());
    }
    assertThat(faults(with.minerState())).isZero();
    assertThat(with.claim()).isEqualTo(genesisClaim);

    Run without = new Run();
    // One missed window is enough to see the faults.
    without.runTo(windows.get(0).close(), hasBlock, null);
    assertThat(without.submitted).isEmpty();
    long faulty = faults(without.minerState());
    // every sector of the missed window
    long missed = 0;
    for (PartitionSectors p : atGenesis.partitions(windows.get(0).index())) {
      missed += p.live().count();
    }
    assertThat(faulty).isEqualTo(missed).isPositive();
    assertThat(without.claim().rawBytePower())
        .isEqualTo(genesisClaim.rawBytePower().subtract(BigInteger.valueOf(missed).shiftLeft(35)));
  }
}
