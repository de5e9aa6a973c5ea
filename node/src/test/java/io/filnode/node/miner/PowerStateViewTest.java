package io.filnode.node.miner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.filnode.actors.builtin.SealProofs;
import io.filnode.actors.v2.power.Claim;
import io.filnode.actors.v2.power.PowerState;
import io.filnode.chain.address.Address;
import io.filnode.chain.blockstore.IpldStore;
import io.filnode.chain.blockstore.MemoryBlockstore;
import io.filnode.chain.cid.Cid;
import io.filnode.chain.hamt.Hamt;
import io.filnode.chain.state.Actor;
import io.filnode.chain.state.ActorKind;
import io.filnode.chain.state.BuiltinActors;
import io.filnode.chain.state.StateTree;
import io.filnode.chain.types.TokenAmount;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class PowerStateViewTest {
  private static final BigInteger TEN_TIB = BigInteger.valueOf(10L << 40);
  private static final BigInteger SECTOR = BigInteger.valueOf(32L << 30);
  private static final Address BIG = Address.newId(1000);
  private static final Address SMALL = Address.newId(1001);
  private static final Address EMPTY = Address.newId(1002);
  private static final Address UNKNOWN = Address.newId(1003);

  private final IpldStore store = new IpldStore(new MemoryBlockstore());

  private Cid stateWith(long minersAboveMin, int actorsVersion) throws Exception {
    Hamt claims = Hamt.create(store, BuiltinActors.hamtOptions(2));
    long seal = SealProofs.STACKED_DRG_32GIB_V1_1;
    claims.set(BIG.bytes(), new Claim(seal, TEN_TIB, TEN_TIB.shiftLeft(1)));
    claims.set(SMALL.bytes(), new Claim(seal, SECTOR, SECTOR));
    claims.set(EMPTY.bytes(), new Claim(seal, BigInteger.ZERO, BigInteger.ZERO));
    Cid empty = Hamt.create(store, BuiltinActors.hamtOptions(2)).flush();
    PowerState ps = PowerState.construct(empty, empty);
    ps.claims = claims.flush();
    ps.minerAboveMinPowerCount = minersAboveMin;
    ps.totalQualityAdjPower = TEN_TIB.shiftLeft(1);
    ps.totalQaBytesCommitted = TEN_TIB.shiftLeft(1).add(SECTOR);
    StateTree tree = StateTree.create(store, 1);
    tree.setActor(
        PowerStateView.ADDRESS,
        new Actor(
            BuiltinActors.codeCid(ActorKind.STORAGE_POWER, actorsVersion),
            store.put(ps),
            0,
            TokenAmount.ZERO));
    return tree.flush();
  }

  @Test
  void totalPowerCountsOnlyMinersAboveTheMinimum() throws Exception {
    PowerStateView view = PowerStateView.load(store, stateWith(1, 2));
    assertThat(view.totalQualityAdjPower()).isEqualTo(TEN_TIB.shiftLeft(1));
    assertThat(view.claim(SMALL).orElseThrow().qualityAdjPower()).isEqualTo(SECTOR);
    assertThat(view.claim(UNKNOWN)).isEmpty();
  }

  @Test
  void withFewerThanFourMinersAboveTheMinimumAnyPowerCounts() throws Exception {
    PowerStateView view = PowerStateView.load(store, stateWith(3, 2));
    assertThat(view.minerNominalPowerMeetsConsensusMinimum(BIG)).isTrue();
    assertThat(view.minerNominalPowerMeetsConsensusMinimum(SMALL)).isTrue();
    assertThat(view.minerNominalPowerMeetsConsensusMinimum(EMPTY)).isFalse();
  }

  @Test
  void withFourMinersAboveTheMinimumSmallMinersDoNotCount() throws Exception {
    PowerStateView view = PowerStateView.load(store, stateWith(4, 2));
    assertThat(view.minerNominalPowerMeetsConsensusMinimum(BIG)).isTrue();
    assertThat(view.minerNominalPowerMeetsConsensusMinimum(SMALL)).isFalse();
  }

  @Test
  void aMinerWithoutAClaimIsAnError() throws Exception {
    PowerStateView view = PowerStateView.load(store, stateWith(0, 2));
    assertThatThrownBy(() -> view.minerNominalPowerMeetsConsensusMinimum(UNKNOWN))
        .isInstanceOf(MiningException.class)
        .hasMessageContaining("no power claim");
  }

  @Test
  void anotherActorsVersionIsRefused() throws Exception {
    Cid root = stateWith(0, 3);
    assertThatThrownBy(() -> PowerStateView.load(store, root))
        .isInstanceOf(MiningException.class)
        .hasMessageContaining("actors v2");
  }
}
