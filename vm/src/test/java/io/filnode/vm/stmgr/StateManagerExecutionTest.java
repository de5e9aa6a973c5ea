package io.filnode.vm.stmgr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.filnode.actors.builtin.Builtin;
import io.filnode.actors.v2.reward.RewardState;
import io.filnode.chain.address.Address;
import io.filnode.chain.amt.Amt;
import io.filnode.chain.amt.AmtOptions;
import io.filnode.chain.blockstore.IpldStore;
import io.filnode.chain.cid.Cid;
import io.filnode.chain.store.ChainStore;
import io.filnode.chain.store.MemoryChainMetadata;
import io.filnode.chain.types.MessageReceipt;
import io.filnode.chain.types.Signature;
import io.filnode.chain.types.SignatureType;
import io.filnode.chain.types.SignedMessage;
import io.filnode.chain.types.TipSet;
import io.filnode.chain.types.TokenAmount;
import io.filnode.chain.types.UnsignedMessage;
import io.filnode.vm.ActorRegistry;
import io.filnode.vm.NetworkSchedule;
import io.filnode.vm.ProofVerifier;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Tipsets executed by the real VM on a small actors-v2 state. */
class StateManagerExecutionTest {
  private static final Address BLS = Address.newBls(filled(48, 7));
  private static final Address SECP = Address.newSecp256k1(filled(65, 4));
  private static final Address RECEIVER = Address.newId(104);

  private final TestChain c = new TestChain();
  private final MockBeacon beacon = new MockBeacon();
  private StateManager sm;
  private TipSet genesis;
  private Cid emptyMessages;
  private UnsignedMessage m1;
  private UnsignedMessage m2;
  private SignedMessage s1;

  private static byte[] filled(int n, int v) {
    byte[] b = new byte[n];
    java.util.Arrays.fill(b, (byte) v);
    return b;
  }

  @BeforeEach
  void genesis() throws Exception {
    Cid root =
        MiniState.build(
            c.blocks,
            Map.of(
                100L, BLS,
                101L, SECP,
                102L, Address.newBls(filled(48, 2)),
                103L, Address.newBls(filled(48, 3)),
                104L, Address.newBls(filled(48, 5))));
    Cid emptyReceipts = Amt.create(new IpldStore(c.blocks), AmtOptions.v2()).flush();
    emptyMessages = c.messages(List.of(), List.of());
    genesis =
        c.tipSet(
            c.block(
                0,
                null,
                0,
                bytes("genesis"),
                List.of(beacon.entry(0)),
                emptyMessages,
                BaseFee.INITIAL_BASE_FEE,
                root,
                emptyReceipts));
    sm =
        new StateManager(
            c.chain,
            NetworkSchedule.fixed(9),
            beacon,
            ProofVerifier.acceptAll(),
            ActorRegistry.builtin());
    m1 = transfer(BLS, 0, 1000);
    m2 = transfer(BLS, 1, 5);
    s1 =
        new SignedMessage(
            transfer(SECP, 0, 7), new Signature(SignatureType.SECP256K1, new byte[65]));
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }

  private static UnsignedMessage transfer(Address from, long nonce, long atto) {
    return new UnsignedMessage(
        0,
        RECEIVER,
        from,
        nonce,
        TokenAmount.ofAtto(atto),
        1_000_000,
        TokenAmount.ofAtto(200_000_000L),
        TokenAmount.ofAtto(1_000),
        0,
        new byte[0]);
  }

  /** Height 1, two blocks; m1 is in both and runs once. */
  private TipSet twoBlocks() throws Exception {
    Cid a = c.messages(List.of(m1), List.of(s1));
    Cid b = c.messages(List.of(m1, m2), List.of());
    TokenAmount fee = sm.computeBaseFee(genesis);
    return c.tipSet(
        c.block(
            102,
            genesis,
            1,
            bytes("a"),
            List.of(beacon.entry(1)),
            a,
            fee,
            genesis.parentStateRoot(),
            genesis.blocks().get(0).parentMessageReceipts()),
        c.block(
            103,
            genesis,
            1,
            bytes("b"),
            List.of(beacon.entry(1)),
            b,
            fee,
            genesis.parentStateRoot(),
            genesis.blocks().get(0).parentMessageReceipts()));
  }

  private TokenAmount balance(Address a, TipSet ts) throws Exception {
    return sm.actorAfter(a, ts).orElseThrow().balance();
  }

  @Test
  void executesEachUniqueMessageOnceAndRecordsTheirReceipts() throws Exception {
    TipSet t1 = twoBlocks();
    TipSetState st = sm.tipSetState(t1);
    assertThat(balance(RECEIVER, t1).subtract(balance(RECEIVER, genesis)))
        .isEqualTo(TokenAmount.ofAtto(1012));
    Amt receipts = Amt.load(new IpldStore(c.blocks), st.receiptsRoot(), AmtOptions.v2());
    assertThat(receipts.count()).isEqualTo(3);
    for (long i = 0; i < 3; i++) {
      assertThat(receipts.get(i, MessageReceipt::decode).exitCode()).isZero();
    }
    assertThat(sm.actorAfter(BLS, t1).orElseThrow().nonce()).isEqualTo(2);
    assertThat(sm.actorAfter(SECP, t1).orElseThrow().nonce()).isEqualTo(1);
  }

  @Test
  void aChildOverNullRoundsExecutesOnTheComputedState() throws Exception {
    TipSet t1 = twoBlocks();
    TipSetState st1 = sm.tipSetState(t1);
    TipSet t3 =
        c.tipSet(
            c.block(
                102,
                t1,
                3,
                bytes("c"),
                List.of(beacon.entry(2), beacon.entry(3)),
                emptyMessages,
                sm.computeBaseFee(t1),
                st1.stateRoot(),
                st1.receiptsRoot()));
    TipSetState st3 = sm.tipSetState(t3);
    assertThat(st3.stateRoot()).isNotEqualTo(st1.stateRoot());
    RewardState reward =
        new IpldStore(c.blocks)
            .get(
                sm.actorAfter(Builtin.REWARD_ACTOR_ADDR, t3).orElseThrow().head(),
                "reward",
                RewardState::decode);
    // the reward actor advanced through epochs 1, 2 (null, by cron) and 3
    assertThat(reward.epoch).isEqualTo(4);
  }

  @Test
  void anotherNodeComputesTheSameRoots() throws Exception {
    TipSet t1 = twoBlocks();
    TipSetState mine = sm.tipSetState(t1);
    ChainStore other = new ChainStore(c.blocks, new MemoryChainMetadata());
    other.setGenesis(genesis.blocks().get(0));
    StateManager sm2 =
        new StateManager(
            other,
            NetworkSchedule.fixed(9),
            beacon,
            ProofVerifier.acceptAll(),
            ActorRegistry.builtin());
    assertThat(sm2.tipSetState(t1)).isEqualTo(mine);
  }

  @Test
  void resolvesIdAddressesToTheirKeys() throws Exception {
    Cid root = genesis.parentStateRoot();
    assertThat(sm.resolveToKey(Address.newId(100), root)).isEqualTo(BLS);
    assertThat(sm.resolveToKey(SECP, root)).isEqualTo(SECP);
    assertThatThrownBy(() -> sm.resolveToKey(Builtin.REWARD_ACTOR_ADDR, root))
        .isInstanceOf(StateManagerException.class)
        .hasMessageContaining("account");
    assertThatThrownBy(() -> sm.resolveToKey(Address.newId(4242), root))
        .isInstanceOf(StateManagerException.class);
    assertThat(sm.actorAfter(Address.newId(4242), genesis)).isEmpty();
  }

  @Test
  void circulatingSupplyAddsUpFromTheState() throws Exception {
    TipSet t1 = twoBlocks();
    Cid root = sm.tipSetState(t1).stateRoot();
    CirculatingSupply.Detail d = sm.circulatingSupplyDetailed(1, root);
    RewardState reward =
        new IpldStore(c.blocks)
            .get(
                sm.actorAfter(Builtin.REWARD_ACTOR_ADDR, t1).orElseThrow().head(),
                "reward",
                RewardState::decode);
    assertThat(d.mined()).isEqualTo(TokenAmount.ofAtto(reward.totalStoragePowerReward));
    assertThat(d.mined().signum()).isPositive();
    assertThat(d.burnt()).isEqualTo(balance(Builtin.BURNT_FUNDS_ACTOR_ADDR, t1));
    assertThat(d.reserveDisbursed())
        .isEqualTo(TokenAmount.ofFil(300_000_000L).subtract(MiniState.RESERVE_BALANCE));
    // the multisig f0105 still locks ceil(1000·9/10) FIL at height 1
    assertThat(d.vested()).isEqualTo(TokenAmount.ofFil(100));
    assertThat(sm.circulatingSupplyDetailed(10, root).vested()).isEqualTo(TokenAmount.ofFil(1000));
    assertThat(d.locked()).isEqualTo(TokenAmount.ZERO);
    assertThat(d.circulating())
        .isEqualTo(d.vested().add(d.mined()).add(d.reserveDisbursed()).subtract(d.burnt()))
        .isEqualTo(sm.circulatingSupply(1, root));
  }
}
