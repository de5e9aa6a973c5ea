package io.filnode.vm.genesis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.filnode.actors.builtin.Builtin;
import io.filnode.actors.builtin.SealProofs;
import io.filnode.actors.v2.init.InitState;
import io.filnode.actors.v2.miner.MinerState;
import io.filnode.actors.v2.power.PowerState;
import io.filnode.actors.v2.reward.RewardState;
import io.filnode.chain.address.Address;
import io.filnode.chain.blockstore.IpldStore;
import io.filnode.chain.blockstore.MemoryBlockstore;
import io.filnode.chain.cbor.CborException;
import io.filnode.chain.cbor.CborReader;
import io.filnode.chain.cid.Cid;
import io.filnode.chain.state.Actor;
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
import org.junit.jupiter.api.Test;

class GenesisBuilderTest {
  private static final long SECTOR_SIZE = 32L << 30;

  /** 10 TiB of 32 GiB sectors: the least that counts towards the network's power. */
  private static final int MIN_SECTORS = 320;

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

  private static GenesisSpec spec(int miners, int sectors) {
    List<GenesisAccount> accounts = new ArrayList<>();
    List<GenesisMiner> ms = new ArrayList<>();
    accounts.add(new GenesisAccount(secp(0), TokenAmount.ofFil(1_000)));
    for (int i = 0; i < miners; i++) {
      accounts.add(new GenesisAccount(bls(i + 1), TokenAmount.ofFil(1_000_000)));
      ms.add(new GenesisMiner(bls(i + 1), bls(i + 1), SealProofs.STACKED_DRG_32GIB_V1_1, sectors));
    }
    return new GenesisSpec("filnode-test", 1_600_000_000L, 9, accounts, ms);
  }

  private static <T> T state(IpldStore store, StateTree tree, Address a, CborReader.Decoder<T> d)
      throws CborException {
    return store.get(tree.getActor(a).head(), "state", d);
  }

  @Test
  void sameSpecGivesSameGenesis() throws Exception {
    GenesisResult a = GenesisBuilder.build(new MemoryBlockstore(), spec(1, 3));
    GenesisResult b = GenesisBuilder.build(new MemoryBlockstore(), spec(1, 3));
    assertThat(a.genesisCid()).isEqualTo(b.genesisCid());
    assertThat(a.genesis()).isEqualTo(b.genesis());
    GenesisSpec later =
        new GenesisSpec(
            "filnode-test", 1_600_000_001L, 9, spec(1, 3).accounts(), spec(1, 3).miners());
    assertThat(GenesisBuilder.build(new MemoryBlockstore(), later).genesisCid())
        .isNotEqualTo(a.genesisCid());
  }

  @Test
  void headerIsShapedAsLotusMakesIt() throws Exception {
    MemoryBlockstore bs = new MemoryBlockstore();
    GenesisResult r = GenesisBuilder.build(bs, spec(1, 2));
    BlockHeader h = r.genesis();
    assertThat(BlockHeader.fromCbor(bs.get(r.genesisCid()))).isEqualTo(h);
    assertThat(h.miner()).isEqualTo(Builtin.SYSTEM_ACTOR_ADDR);
    assertThat(h.height()).isZero();
    assertThat(h.parentWeight()).isZero();
    assertThat(h.timestamp()).isEqualTo(1_600_000_000L);
    assertThat(h.parentBaseFee()).isEqualTo(TokenAmount.ofAtto(100_000_000L));
    assertThat(h.parents())
        .containsExactly(Cid.parse("bafyreiaqpwbbyjo4a42saasj36kkrpv4tsherf2e7bvezkert2a7dhonoi"));
    assertThat(bs.has(h.parents().get(0))).isTrue();
    assertThat(h.ticket().vrfProof()).hasSize(32);
    assertThat(h.beaconEntries()).hasSize(1);
    assertThat(h.beaconEntries().get(0).round()).isZero();
    assertThat(h.beaconEntries().get(0).data()).isEqualTo(new byte[32]);
    assertThat(h.blockSig()).isNull();
    assertThat(h.blsAggregate()).isNull();
    assertThat(bs.has(h.messages())).isTrue();
    assertThat(bs.has(h.parentMessageReceipts())).isTrue();
  }

  @Test
  void initActorMapsAccountsThenMiners() throws Exception {
    MemoryBlockstore bs = new MemoryBlockstore();
    GenesisSpec spec = spec(2, 1);
    GenesisResult r = GenesisBuilder.build(bs, spec);
    assertThat(r.minerIds()).containsExactly(Address.newId(1000), Address.newId(1001));
    IpldStore store = new IpldStore(bs);
    StateTree tree = StateTree.load(store, r.genesis().parentStateRoot());
    InitState init = state(store, tree, Builtin.INIT_ACTOR_ADDR, InitState::decode);
    assertThat(init.networkName()).isEqualTo("filnode-test");
    assertThat(init.nextId()).isEqualTo(1002);
    for (int i = 0; i < spec.accounts().size(); i++) {
      GenesisAccount a = spec.accounts().get(i);
      assertThat(init.resolveAddress(store, a.keyAddress())).contains(Address.newId(100 + i));
      Actor actor = tree.getActor(Address.newId(100 + i));
      assertThat(actor).isNotNull();
    }
    assertThat(tree.getActor(Address.newId(1000))).isNotNull();
    assertThat(tree.getActor(Address.newId(1002))).isNull();
  }

  @Test
  void balancesAreAsGivenAndAddUpToAllFilecoin() throws Exception {
    MemoryBlockstore bs = new MemoryBlockstore();
    GenesisSpec spec = spec(0, 0);
    GenesisResult r = GenesisBuilder.build(bs, spec);
    StateTree tree = StateTree.load(new IpldStore(bs), r.genesis().parentStateRoot());
    assertThat(tree.getActor(spec.accounts().get(0).keyAddress()).balance())
        .isEqualTo(TokenAmount.ofFil(1_000));
    assertThat(tree.getActor(Builtin.REWARD_ACTOR_ADDR).balance())
        .isEqualTo(TokenAmount.ofFil(1_100_000_000L));
    TokenAmount[] total = {TokenAmount.ZERO};
    tree.forEach((addr, actor) -> total[0] = total[0].add(actor.balance()));
    assertThat(total[0]).isEqualTo(TokenAmount.TOTAL_FILECOIN);
    assertThat(r.minerIds()).isEmpty();
  }

  @Test
  void powerAndRewardMatchTheSectors() throws Exception {
    MemoryBlockstore bs = new MemoryBlockstore();
    GenesisSpec spec = spec(2, MIN_SECTORS);
    long t0 = System.nanoTime();
    GenesisResult r = GenesisBuilder.build(bs, spec);
    System.out.println(
        "genesis with 2x320 sectors: " + (System.nanoTime() - t0) / 1_000_000 + " ms");
    IpldStore store = new IpldStore(bs);
    StateTree tree = StateTree.load(store, r.genesis().parentStateRoot());
    PowerState power = state(store, tree, Builtin.STORAGE_POWER_ACTOR_ADDR, PowerState::decode);
    BigInteger expected =
        BigInteger.valueOf(SECTOR_SIZE).multiply(BigInteger.valueOf(2L * MIN_SECTORS));
    assertThat(power.totalRawBytePower).isEqualTo(expected);
    assertThat(power.totalQualityAdjPower).isEqualTo(expected);
    assertThat(power.thisEpochRawBytePower).isEqualTo(expected);
    assertThat(power.totalBytesCommitted).isEqualTo(expected);
    assertThat(power.minerCount).isEqualTo(2);
    assertThat(power.minerAboveMinPowerCount).isEqualTo(2);
    RewardState reward = state(store, tree, Builtin.REWARD_ACTOR_ADDR, RewardState::decode);
    assertThat(reward.toCbor()).isEqualTo(RewardState.construct(expected).toCbor());
    for (Address m : r.minerIds()) {
      MinerState ms = state(store, tree, m, MinerState::decode);
      assertThat(ms.initialPledge().signum()).isPositive();
      assertThat(ms.getSector(store, 0)).isNotNull();
      assertThat(ms.getSector(store, MIN_SECTORS - 1).sealedCid())
          .isEqualTo(MockSealing.commR(m, MIN_SECTORS - 1));
    }
  }

  @Test
  void zeroMinersWork() throws Exception {
    GenesisResult r = GenesisBuilder.build(new MemoryBlockstore(), spec(0, 0));
    assertThat(r.minerIds()).isEmpty();
  }

  @Test
  void ownerMustBeAnAccount() {
    GenesisMiner stranger =
        new GenesisMiner(bls(50), bls(50), SealProofs.STACKED_DRG_32GIB_V1_1, 1);
    GenesisSpec bad = new GenesisSpec("x", 0, 9, spec(0, 0).accounts(), List.of(stranger));
    assertThatThrownBy(() -> GenesisBuilder.build(new MemoryBlockstore(), bad))
        .isInstanceOf(GenesisException.class)
        .hasMessageContaining("not an account");
  }

  @Test
  void chainRunsFromGenesis() throws Exception {
    MemoryBlockstore bs = new MemoryBlockstore();
    GenesisResult r = GenesisBuilder.build(bs, spec(1, MIN_SECTORS));
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
    Cid root = r.genesis().parentStateRoot();
    Address miner = r.minerIds().get(0);
    TokenAmount before = StateTree.load(new IpldStore(bs), root).getActor(miner).balance();
    long t0 = System.nanoTime();
    for (long epoch = 1; epoch <= 40; epoch++) {
      TipsetExecutor.Result res =
          TipsetExecutor.applyBlocks(
              bs, epoch - 1, root, List.of(new BlockMessages(miner, 1, List.of())), epoch, config);
      root = res.stateRoot();
    }
    System.out.println("40 epochs: " + (System.nanoTime() - t0) / 1_000_000 + " ms");
    TokenAmount after = StateTree.load(new IpldStore(bs), root).getActor(miner).balance();
    assertThat(after.compareTo(before)).isPositive();
  }
}
