package io.filnode.node.miner;

import static org.assertj.core.api.Assertions.assertThat;

import io.filnode.actors.builtin.SealProofs;
import io.filnode.chain.address.Address;
import io.filnode.chain.blockstore.IpldStore;
import io.filnode.chain.blockstore.MemoryBlockstore;
import io.filnode.chain.cid.Cid;
import io.filnode.chain.crypto.Signer;
import io.filnode.chain.state.Actor;
import io.filnode.chain.store.ChainStore;
import io.filnode.chain.store.ChainWeight;
import io.filnode.chain.store.MemoryChainMetadata;
import io.filnode.chain.types.BeaconEntry;
import io.filnode.chain.types.BlockHeader;
import io.filnode.chain.types.SignatureType;
import io.filnode.chain.types.SignedMessage;
import io.filnode.chain.types.TipSet;
import io.filnode.chain.types.TokenAmount;
import io.filnode.chain.types.UnsignedMessage;
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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The mining loop on a real devnet genesis (two miners of 10 TiB each, actors v2): it mines at
 * least ten epochs of blocks that pass the checks Lotus's {@code ValidateBlock} makes, and includes
 * the messages its source offers.
 */
class MiningLoopTest {
  private static final long GENESIS_TIME = 1_700_000_000L;
  private static final long BLOCK_DELAY = 30;
  private static final int SECTORS = 320; // 10 TiB of 32 GiB: the least that counts for EC
  private static final int EPOCHS = 10;

  private final TestKeys keys = new TestKeys();
  private final Address worker1 = keys.add(SignatureType.BLS, 1);
  private final Address worker2 = keys.add(SignatureType.BLS, 2);
  private final Address blsSender = keys.add(SignatureType.BLS, 3);
  private final Address secpSender = keys.add(SignatureType.SECP256K1, 4);
  private final Address receiver = keys.add(SignatureType.SECP256K1, 5);
  private final NetworkSchedule schedule = NetworkSchedule.fixed(9);

  private SignedMessage send(Address from, SignatureType type) throws Exception {
    UnsignedMessage m =
        new UnsignedMessage(
            0,
            receiver,
            from,
            0,
            TokenAmount.ofFil(1),
            10_000_000,
            TokenAmount.ofAtto(1_000_000_000L),
            TokenAmount.ofAtto(1_000),
            0,
            new byte[0]);
    return Signer.signMessage(type, keys.key(from), m);
  }

  @Test
  void minesValidBlocksOnATwoMinerGenesis() throws Exception {
    MemoryBlockstore blocks = new MemoryBlockstore();
    GenesisSpec spec =
        new GenesisSpec(
            "filnode-miner-test",
            GENESIS_TIME,
            9,
            List.of(
                new GenesisAccount(worker1, TokenAmount.ofFil(10_000)),
                new GenesisAccount(worker2, TokenAmount.ofFil(10_000)),
                new GenesisAccount(blsSender, TokenAmount.ofFil(100)),
                new GenesisAccount(secpSender, TokenAmount.ofFil(100))),
            List.of(
                new GenesisMiner(worker1, worker1, SealProofs.STACKED_DRG_32GIB_V1_1, SECTORS),
                new GenesisMiner(worker2, worker2, SealProofs.STACKED_DRG_32GIB_V1_1, SECTORS)));
    GenesisResult genesis = GenesisBuilder.build(blocks, spec);
    ChainStore chain = new ChainStore(blocks, new MemoryChainMetadata());
    chain.setGenesis(genesis.genesis());
    StateManager sm =
        new StateManager(
            chain, schedule, new MockBeacon(), ProofVerifier.acceptAll(), ActorRegistry.builtin());
    Map<Address, Address> workers = new HashMap<>();
    workers.put(genesis.minerIds().get(0), worker1);
    workers.put(genesis.minerIds().get(1), worker2);
    List<LocalMiner> miners = new ArrayList<>();
    workers.forEach((id, w) -> miners.add(new LocalMiner(id, w)));

    List<SignedMessage> offered =
        List.of(send(blsSender, SignatureType.BLS), send(secpSender, SignatureType.SECP256K1));
    MessageSource source =
        base -> {
          List<SignedMessage> out = new ArrayList<>();
          for (SignedMessage m : offered) {
            try {
              Optional<Actor> a = sm.actorAfter(m.message().from(), base);
              if (a.isPresent() && a.get().nonce() == 0) {
                out.add(m);
              }
            } catch (Exception e) {
              throw new IllegalStateException(e);
            }
          }
          return out;
        };
    CountDownLatch done = new CountDownLatch(1);
    List<TipSet> mined = new ArrayList<>();
    MiningListener listener =
        (ts, bs) -> {
          synchronized (mined) {
            mined.add(ts);
          }
          if (ts.height() >= EPOCHS) {
            done.countDown();
          }
        };

    try (MiningLoop loop =
        new MiningLoop(
            sm,
            new BlockProducer(sm, keys),
            miners,
            BLOCK_DELAY,
            source,
            listener,
            new FakeClock(GENESIS_TIME * 1000))) {
      loop.start();
      assertThat(done.await(10, TimeUnit.MINUTES)).as("mined %d epochs", EPOCHS).isTrue();
    }

    TipSet head = chain.head();
    assertThat(head.height()).isGreaterThanOrEqualTo(EPOCHS);
    synchronized (mined) {
      assertThat(mined).contains(head);
    }
    IpldStore store = new IpldStore(blocks);
    Set<Cid> included = new HashSet<>();
    TipSet ts = head;
    while (ts.height() > 0) {
      TipSet parent = chain.loadTipSet(ts.parents());
      assertThat(ts.height()).isGreaterThan(parent.height());
      TipSetState parentState = sm.tipSetState(parent);
      for (BlockHeader b : ts.blocks()) {
        assertThat(b.parentStateRoot()).isEqualTo(parentState.stateRoot());
        assertThat(b.parentMessageReceipts()).isEqualTo(parentState.receiptsRoot());
        assertThat(b.parentBaseFee()).isEqualTo(sm.computeBaseFee(parent));
        assertThat(b.parentWeight())
            .isEqualTo(
                ChainWeight.weight(
                    parent,
                    PowerStateView.load(store, parent.parentStateRoot()).totalQualityAdjPower()));
        assertThat(b.timestamp())
            .isEqualTo(parent.minTimestamp() + BLOCK_DELAY * (b.height() - parent.height()));
        // the beacon carries every round up to the block's (mock beacon: one per epoch)
        BeaconEntry last = b.beaconEntries().get(b.beaconEntries().size() - 1);
        assertThat(last).isEqualTo(MockBeacon.entryFor(b.height()));
        BlockSelfCheck.verify(chain, schedule, parent, b, workers.get(b.miner()));
        MiningBaseInfo mbi = MiningBaseInfo.load(sm, parent, b.height(), b.miner()).orElseThrow();
        assertThat(mbi.eligibleForMining()).isTrue();
        assertThat(b.electionProof().winCount())
            .isPositive()
            .isEqualTo(b.electionProof().computeWinCount(mbi.minerPower(), mbi.networkPower()));
        assertThat(b.winPoStProof()).hasSize(1);
        assertThat(b.winPoStProof().get(0).postProof()).isEqualTo(3); // winning 32 GiB V1
        included.addAll(chain.blockMessages(b).cids());
      }
      ts = parent;
    }
    assertThat(included).contains(offered.get(0).cid(), offered.get(1).cid());
    Actor got = sm.actorAfter(receiver, head).orElseThrow();
    assertThat(got.balance()).isEqualTo(TokenAmount.ofFil(2));
  }
}
