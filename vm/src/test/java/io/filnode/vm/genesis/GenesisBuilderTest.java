package io.filnode.vm.genesis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.filnode.actors.builtin.Builtin;
import io.filnode.actors.builtin.SealProofs;
import io.filnode.actors.util.adt.AdtArray;
import io.filnode.actors.util.adt.AdtMap;
import io.filnode.actors.util.adt.Keys;
import io.filnode.actors.v2.cron.CronState;
import io.filnode.actors.v2.init.InitState;
import io.filnode.actors.v2.miner.Deadline;
import io.filnode.actors.v2.miner.Deadlines;
import io.filnode.actors.v2.miner.MinerState;
import io.filnode.actors.v2.miner.Partition;
import io.filnode.actors.v2.miner.Policy;
import io.filnode.actors.v2.miner.SectorOnChainInfo;
import io.filnode.actors.v2.multisig.MultisigState;
import io.filnode.actors.v2.power.Claim;
import io.filnode.actors.v2.power.PowerState;
import io.filnode.actors.v2.reward.RewardState;
import io.filnode.chain.address.Address;
import io.filnode.chain.blockstore.IpldStore;
import io.filnode.chain.blockstore.MemoryBlockstore;
import io.filnode.chain.cbor.CborException;
import io.filnode.chain.cbor.CborReader;
import io.filnode.chain.cid.Cid;
import io.filnode.chain.state.ActorKind;
import io.filnode.chain.state.BuiltinActors;
import io.filnode.chain.state.StateTree;
import io.filnode.chain.types.BlockHeader;
import io.filnode.chain.types.TokenAmount;
import io.filnode.vm.ActorRegistry;
import io.filnode.vm.BlockMessages;
import io.filnode.vm.NetworkSchedule;
import io.filnode.vm.ProofVerifier;
import io.filnode.vm.Randomness;
import io.filnode.vm.TipsetExecutor;
import io.filnode.vm.VmConfig;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class GenesisBuilderTest {
  private static final long SECTOR_SIZE = 32L << 30;
  private static final long SEAL_PROOF = SealProofs.STACKED_DRG_32GIB_V1_1;

  /** 10 TiB of 32 GiB sectors: the least that counts towards the network's power. */
  private static final int MIN_SECTORS = 320;

  private static final long TIMESTAMP = 1_600_000_000L;

  /** A big miner (counts for consensus) and a small one (has a claim, no network power). */
  private static final GenesisSpec SHARED = spec(TIMESTAMP, MIN_SECTORS, 3);

  private static MemoryBlockstore sharedStore;
  private static GenesisResult shared;
  private static IpldStore store;
  private static StateTree tree;

  @BeforeAll
  static void buildShared() throws Exception {
    sharedStore = new MemoryBlockstore();
    shared = GenesisBuilder.build(sharedStore, SHARED);
    store = new IpldStore(sharedStore);
    tree = StateTree.load(store, shared.genesis().parentStateRoot());
  }

  private static Address bls(int i) {
    byte[] key = new byte[48];
    Arrays.fill(key, (byte) i);
    return Address.newBls(key);
  }

  private static Address secp(int i) {
    byte[] key = new byte[65];
    Arrays.fill(key, (byte) (i + 100));
    return Address.newSecp256k1(key);
  }

  /** One unrelated account, then per miner an owner (secp256k1) and a worker (BLS) account. */
  private static GenesisSpec spec(long timestamp, int... sectors) {
    List<GenesisAccount> accounts = new ArrayList<>();
    List<GenesisMiner> miners = new ArrayList<>();
    accounts.add(new GenesisAccount(secp(0), TokenAmount.ofFil(1_000)));
    for (int i = 0; i < sectors.length; i++) {
      Address owner = secp(i + 1);
      Address worker = bls(i + 1);
      accounts.add(new GenesisAccount(owner, TokenAmount.ofFil(5_000)));
      accounts.add(new GenesisAccount(worker, TokenAmount.ofFil(10)));
      miners.add(new GenesisMiner(owner, worker, SEAL_PROOF, sectors[i]));
    }
    return new GenesisSpec("filnode-test", timestamp, 9, accounts, miners);
  }

  private static <T> T state(Address a, CborReader.Decoder<T> decoder) throws CborException {
    return store.get(tree.getActor(a).head(), "state of " + a, decoder);
  }

  private static BigInteger power(long sectors) {
    return BigInteger.valueOf(SECTOR_SIZE).multiply(BigInteger.valueOf(sectors));
  }

  @Test
  void sameSpecGivesSameGenesis() throws Exception {
    GenesisResult a = GenesisBuilder.build(new MemoryBlockstore(), spec(TIMESTAMP, 2));
    GenesisResult b = GenesisBuilder.build(new MemoryBlockstore(), spec(TIMESTAMP, 2));
    assertThat(a.genesisCid()).isEqualTo(b.genesisCid());
    assertThat(a.genesis()).isEqualTo(b.genesis());
    GenesisResult later = GenesisBuilder.build(new MemoryBlockstore(), spec(TIMESTAMP + 1, 2));
    assertThat(later.genesisCid()).isNotEqualTo(a.genesisCid());
    assertThat(later.genesis().parentStateRoot()).isEqualTo(a.genesis().parentStateRoot());
  }

  @Test
  void confirmingSectorsTogetherGivesLotusOneByOneState() throws Exception {
    GenesisSpec spec = spec(TIMESTAMP, 30, 7);
    GenesisResult together = GenesisBuilder.build(new MemoryBlockstore(), spec, false);
    GenesisResult oneByOne = GenesisBuilder.build(new MemoryBlockstore(), spec, true);
    assertThat(together.genesis().parentStateRoot())
        .isEqualTo(oneByOne.genesis().parentStateRoot());
  }

  @Test
  void headerIsShapedAsLotusMakesIt() throws Exception {
    BlockHeader h = shared.genesis();
    assertThat(BlockHeader.fromCbor(sharedStore.get(shared.genesisCid()))).isEqualTo(h);
    assertThat(h.cid()).isEqualTo(shared.genesisCid());
    assertThat(h.miner()).isEqualTo(Builtin.SYSTEM_ACTOR_ADDR);
    assertThat(h.height()).isZero();
    assertThat(h.parentWeight()).isZero();
    assertThat(h.timestamp()).isEqualTo(TIMESTAMP);
    assertThat(h.parentBaseFee()).isEqualTo(TokenAmount.ofAtto(100_000_000L));
    assertThat(h.parents())
        .containsExactly(Cid.parse("bafyreiaqpwbbyjo4a42saasj36kkrpv4tsherf2e7bvezkert2a7dhonoi"));
    assertThat(sharedStore.has(h.parents().get(0))).isTrue();
    assertThat(h.ticket().vrfProof()).hasSize(32);
    assertThat(h.electionProof().winCount()).isZero();
    assertThat(h.beaconEntries()).hasSize(1);
    assertThat(h.beaconEntries().get(0).round()).isZero();
    assertThat(h.beaconEntries().get(0).data()).isEqualTo(new byte[32]);
    assertThat(h.winPoStProof()).isEmpty();
    assertThat(h.blockSig()).isNull();
    assertThat(h.blsAggregate()).isNull();
    assertThat(sharedStore.has(h.messages())).isTrue();
    assertThat(sharedStore.has(h.parentMessageReceipts())).isTrue();
  }

  @Test
  void initActorMapsAccountsThenMiners() throws Exception {
    assertThat(shared.minerIds()).containsExactly(Address.newId(1000), Address.newId(1001));
    InitState init = state(Builtin.INIT_ACTOR_ADDR, InitState::decode);
    assertThat(init.networkName()).isEqualTo("filnode-test");
    assertThat(init.nextId()).isEqualTo(1002);
    List<GenesisAccount> accounts = SHARED.accounts();
    for (int i = 0; i < accounts.size(); i++) {
      Address key = accounts.get(i).keyAddress();
      assertThat(init.resolveAddress(store, key)).contains(Address.newId(100 + i));
      assertThat(tree.getActor(Address.newId(100 + i)).code())
          .isEqualTo(BuiltinActors.codeCid(ActorKind.ACCOUNT, 2));
    }
    for (Address m : shared.minerIds()) {
      assertThat(tree.getActor(m).code())
          .isEqualTo(BuiltinActors.codeCid(ActorKind.STORAGE_MINER, 2));
    }
    assertThat(tree.getActor(Address.newId(1002))).isNull();
  }

  @Test
  void singletonsAndLotusReservedActorsExist() throws Exception {
    assertThat(state(Builtin.CRON_ACTOR_ADDR, CronState::decode).entries()).hasSize(2);
    assertThat(tree.getActor(Builtin.BURNT_FUNDS_ACTOR_ADDR).code())
        .isEqualTo(BuiltinActors.codeCid(ActorKind.ACCOUNT, 2));
    for (long id : new long[] {0, 1, 2, 3, 4, 5, 6, 80, 81, 90, 99}) {
      assertThat(tree.getActor(Address.newId(id))).as("f0%d", id).isNotNull();
    }
    MultisigState reserve = state(Address.newId(90), MultisigState::decode);
    assertThat(reserve.initialBalance()).isEqualTo(tree.getActor(Address.newId(90)).balance());
    assertThat(reserve.numApprovalsThreshold()).isEqualTo(1);
  }

  @Test
  void balancesAreAsGivenAndTheRemainderMakesUpAllFilecoin() throws Exception {
    // without miners nothing has moved from the accounts yet
    MemoryBlockstore bs = new MemoryBlockstore();
    GenesisResult r = GenesisBuilder.build(bs, spec(TIMESTAMP));
    StateTree t = StateTree.load(new IpldStore(bs), r.genesis().parentStateRoot());
    assertThat(t.getActor(secp(0)).balance()).isEqualTo(TokenAmount.ofFil(1_000));
    assertThat(t.getActor(Builtin.REWARD_ACTOR_ADDR).balance())
        .isEqualTo(TokenAmount.ofFil(1_100_000_000L));
    TokenAmount[] total = {TokenAmount.ZERO};
    t.forEach((addr, actor) -> total[0] = total[0].add(actor.balance()));
    assertThat(total[0]).isEqualTo(TokenAmount.TOTAL_FILECOIN);
    assertThat(t.getActor(Address.newId(90)).balance())
        .isEqualTo(
            TokenAmount.TOTAL_FILECOIN
                .subtract(TokenAmount.ofFil(1_100_000_000L))
                .subtract(TokenAmount.ofFil(1_000)));
  }

  @Test
  void ownersPaidWhatTheMinersHold() throws Exception {
    TokenAmount[] total = {TokenAmount.ZERO};
    tree.forEach((addr, actor) -> total[0] = total[0].add(actor.balance()));
    assertThat(total[0]).isEqualTo(TokenAmount.TOTAL_FILECOIN);
    for (int i = 0; i < SHARED.miners().size(); i++) {
      GenesisMiner gm = SHARED.miners().get(i);
      Address id = shared.minerIds().get(i);
      TokenAmount paid = TokenAmount.ofFil(5_000).subtract(tree.getActor(gm.owner()).balance());
      assertThat(tree.getActor(id).balance()).isEqualTo(paid);
      assertThat(tree.getActor(gm.worker()).balance()).isEqualTo(TokenAmount.ofFil(10));
      MinerState ms = state(id, MinerState::decode);
      assertThat(ms.preCommitDeposits()).isEqualTo(TokenAmount.ZERO);
      assertThat(ms.initialPledge().signum()).isPositive();
      assertThat(ms.initialPledge().compareTo(paid)).isLessThanOrEqualTo(0);
    }
  }

  @Test
  void powerTotalsAndClaimsMatchTheSectors() throws Exception {
    PowerState power = state(Builtin.STORAGE_POWER_ACTOR_ADDR, PowerState::decode);
    // only the big miner reaches the consensus minimum, so only it counts in the totals
    assertThat(power.totalRawBytePower).isEqualTo(power(MIN_SECTORS));
    assertThat(power.totalQualityAdjPower).isEqualTo(power(MIN_SECTORS));
    assertThat(power.thisEpochRawBytePower).isEqualTo(power(MIN_SECTORS));
    assertThat(power.thisEpochQualityAdjPower).isEqualTo(power(MIN_SECTORS));
    assertThat(power.totalBytesCommitted).isEqualTo(power(MIN_SECTORS + 3));
    assertThat(power.totalQaBytesCommitted).isEqualTo(power(MIN_SECTORS + 3));
    assertThat(power.minerCount).isEqualTo(2);
    assertThat(power.minerAboveMinPowerCount).isEqualTo(1);
    AdtMap claims = AdtMap.load(store, power.claims, BuiltinActors.hamtOptions(2));
    int[] sectors = {MIN_SECTORS, 3};
    for (int i = 0; i < sectors.length; i++) {
      Claim c = claims.get(Keys.address(shared.minerIds().get(i)), Claim::decode);
      assertThat(c.rawBytePower()).isEqualTo(power(sectors[i]));
      assertThat(c.qualityAdjPower()).isEqualTo(power(sectors[i]));
      assertThat(c.sealProofType()).isEqualTo(SEAL_PROOF);
    }
    RewardState reward = state(Builtin.REWARD_ACTOR_ADDR, RewardState::decode);
    assertThat(reward.toCbor()).isEqualTo(RewardState.construct(power(MIN_SECTORS)).toCbor());
    assertThat(tree.getActor(Builtin.REWARD_ACTOR_ADDR).balance())
        .isEqualTo(TokenAmount.ofFil(1_100_000_000L));
  }

  @Test
  void sectorsAreActiveMockCommitmentsWithLotusExpiration() throws Exception {
    for (int i = 0; i < shared.minerIds().size(); i++) {
      Address id = shared.minerIds().get(i);
      MinerState ms = state(id, MinerState::decode);
      long expected =
          (Policy.MAX_SECTOR_EXPIRATION_EXTENSION / Policy.WPOST_PROVING_PERIOD - 1)
                  * Policy.WPOST_PROVING_PERIOD
              + ms.provingPeriodStart()
              - 1;
      int n = SHARED.miners().get(i).sectors();
      for (long s = 0; s < n; s++) {
        SectorOnChainInfo info = ms.getSector(store, s);
        assertThat(info.sealedCid()).isEqualTo(MockSealing.commR(id, s));
        assertThat(info.expiration()).isEqualTo(expected);
        assertThat(info.activation()).isZero();
        assertThat(info.dealIds()).isEmpty();
      }
      assertThat(ms.getSector(store, n)).isNull();
      long live = 0;
      Deadlines dls = ms.loadDeadlines(store);
      for (int d = 0; d < Policy.WPOST_PERIOD_DEADLINES; d++) {
        Deadline dl = dls.loadDeadline(store, d);
        live += dl.liveSectors();
        AdtArray parts = dl.partitionsArray(store);
        for (long p = 0; p < parts.length(); p++) {
          Partition part = dl.loadPartition(store, p);
          assertThat(part.unproven().isEmpty()).isTrue();
          assertThat(part.activePower().raw()).isEqualTo(power(part.sectors().count()));
        }
      }
      assertThat(live).isEqualTo(n);
    }
  }

  @Test
  void mockCommitmentsAreDistinctSealedCids() {
    Cid a = MockSealing.commR(Address.newId(1000), 0);
    assertThat(a.codec()).isEqualTo(0xf102);
    assertThat(a.hashFunction()).isEqualTo(0xb401);
    assertThat(a.digest()).hasSize(32);
    assertThat(a.digest()[31] & 0xc0).isZero();
    assertThat(MockSealing.commR(Address.newId(1000), 1)).isNotEqualTo(a);
    assertThat(MockSealing.commR(Address.newId(1001), 0)).isNotEqualTo(a);
    assertThat(MockSealing.commR(Address.newId(1000), 0)).isEqualTo(a);
  }

  @Test
  void chainRunsFromGenesisAndPaysTheMiners() throws Exception {
    VmConfig config =
        new VmConfig(
            NetworkSchedule.fixed(9),
            TokenAmount.ofAtto(100_000_000L),
            (e, s) -> TokenAmount.ZERO,
            Randomness.fixed(),
            ProofVerifier.acceptAll(),
            ActorRegistry.builtin(),
            null,
            false);
    Cid root = shared.genesis().parentStateRoot();
    List<BlockMessages> blocks = new ArrayList<>();
    List<TokenAmount> before = new ArrayList<>();
    for (Address m : shared.minerIds()) {
      blocks.add(new BlockMessages(m, 1, List.of()));
      before.add(tree.getActor(m).balance());
    }
    for (long epoch = 1; epoch <= 40; epoch++) {
      TipsetExecutor.Result res =
          TipsetExecutor.applyBlocks(sharedStore, epoch - 1, root, blocks, epoch, config);
      // every implicit message (rewards and cron) succeeded, or applyBlocks would have thrown
      assertThat(res.results()).allMatch(r -> r.receipt().exitCode() == 0);
      root = res.stateRoot();
    }
    StateTree after = StateTree.load(store, root);
    for (int i = 0; i < shared.minerIds().size(); i++) {
      assertThat(after.getActor(shared.minerIds().get(i)).balance()).isGreaterThan(before.get(i));
    }
    assertThat(after.getActor(Builtin.REWARD_ACTOR_ADDR).balance())
        .isLessThan(TokenAmount.ofFil(1_100_000_000L));
  }

  @Test
  void zeroMinersWork() throws Exception {
    MemoryBlockstore bs = new MemoryBlockstore();
    GenesisResult r = GenesisBuilder.build(bs, spec(TIMESTAMP));
    assertThat(r.minerIds()).isEmpty();
    StateTree t = StateTree.load(new IpldStore(bs), r.genesis().parentStateRoot());
    PowerState power =
        new IpldStore(bs)
            .get(t.getActor(Builtin.STORAGE_POWER_ACTOR_ADDR).head(), "power", PowerState::decode);
    assertThat(power.totalRawBytePower).isZero();
    assertThat(power.minerCount).isZero();
  }

  @Test
  void ownerAndWorkerMustBeAccounts() {
    GenesisMiner stranger = new GenesisMiner(bls(50), bls(50), SEAL_PROOF, 1);
    GenesisSpec bad = new GenesisSpec("x", 0, 9, spec(TIMESTAMP).accounts(), List.of(stranger));
    assertThatThrownBy(() -> GenesisBuilder.build(new MemoryBlockstore(), bad))
        .isInstanceOf(GenesisException.class)
        .hasMessageContaining("not an account");
  }

  @Test
  void anOwnerShortOfThePledgeIsTold() {
    List<GenesisAccount> accounts =
        List.of(
            new GenesisAccount(secp(1), TokenAmount.ofFil(1)),
            new GenesisAccount(bls(1), TokenAmount.ZERO));
    GenesisSpec poor =
        new GenesisSpec(
            "x", 0, 9, accounts, List.of(new GenesisMiner(secp(1), bls(1), SEAL_PROOF, 2)));
    assertThatThrownBy(() -> GenesisBuilder.build(new MemoryBlockstore(), poor))
        .isInstanceOf(GenesisException.class)
        .hasMessageContaining("pre-commit deposit and initial pledge need");
  }

  @Test
  void onlyActorsV2NetworkVersions() {
    GenesisSpec v10 = new GenesisSpec("x", 0, 10, List.of(), List.of());
    assertThatThrownBy(() -> GenesisBuilder.build(new MemoryBlockstore(), v10))
        .isInstanceOf(GenesisException.class)
        .hasMessageContaining("actors v2");
  }
}
