package io.filnode.vm.stmgr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.filnode.actors.builtin.Builtin;
import io.filnode.actors.builtin.SealProofs;
import io.filnode.actors.v2.power.PowerState;
import io.filnode.chain.address.Address;
import io.filnode.chain.amt.Amt;
import io.filnode.chain.amt.AmtOptions;
import io.filnode.chain.blockstore.IpldStore;
import io.filnode.chain.cid.Cid;
import io.filnode.chain.state.StateTree;
import io.filnode.chain.types.BlockHeader;
import io.filnode.chain.types.ElectionProof;
import io.filnode.chain.types.MessageReceipt;
import io.filnode.chain.types.Signature;
import io.filnode.chain.types.SignatureType;
import io.filnode.chain.types.SignedMessage;
import io.filnode.chain.types.Ticket;
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
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Tipsets executed on a devnet genesis from {@link GenesisBuilder}, with its storage miners. */
class StateManagerGenesisTest {
  private static final Address OWNER_A = bls(1);
  private static final Address OWNER_B = bls(2);
  private static final Address SECP = Address.newSecp256k1(filled(65, 4));
  private static final Address RECEIVER = bls(9);

  private final TestChain c = new TestChain();
  private final MockBeacon beacon = new MockBeacon();
  private GenesisResult genesis;
  private TipSet g;
  private StateManager sm;

  private static byte[] filled(int n, int v) {
    byte[] b = new byte[n];
    Arrays.fill(b, (byte) v);
    return b;
  }

  private static Address bls(int i) {
    return Address.newBls(filled(48, i));
  }

  @BeforeEach
  void genesis() throws Exception {
    TokenAmount funds = TokenAmount.ofFil(10_000);
    genesis =
        GenesisBuilder.build(
            c.blocks,
            new GenesisSpec(
                "stmgr-devnet",
                1_600_000_000L,
                9,
                List.of(
                    new GenesisAccount(OWNER_A, funds),
                    new GenesisAccount(OWNER_B, funds),
                    new GenesisAccount(SECP, funds)),
                List.of(
                    new GenesisMiner(OWNER_A, OWNER_A, SealProofs.STACKED_DRG_32GIB_V1_1, 2),
                    new GenesisMiner(OWNER_B, OWNER_B, SealProofs.STACKED_DRG_32GIB_V1_1, 2))));
    g = c.tipSet(genesis.genesis());
    sm =
        new StateManager(
            c.chain,
            NetworkSchedule.fixed(9),
            beacon,
            ProofVerifier.acceptAll(),
            ActorRegistry.builtin());
  }

  private BlockHeader block(Address miner, TipSet parent, long height, String ticket, Cid messages)
      throws Exception {
    TipSetState ps = sm.tipSetState(parent);
    return new BlockHeader(
        miner,
        new Ticket(ticket.getBytes(StandardCharsets.US_ASCII)),
        new ElectionProof(1, new byte[] {1}),
        BeaconEntries.forBlock(beacon, height, BeaconEntries.latest(c.chain, parent)),
        List.of(),
        parent.cids(),
        BigInteger.valueOf(height),
        height,
        ps.stateRoot(),
        ps.receiptsRoot(),
        messages,
        null,
        1_600_000_000L + 30 * height,
        null,
        0,
        sm.computeBaseFee(parent));
  }

  private static UnsignedMessage transfer(Address from, long nonce, long atto) {
    return new UnsignedMessage(
        0,
        RECEIVER,
        from,
        nonce,
        TokenAmount.ofAtto(atto),
        10_000_000,
        TokenAmount.ofAtto(200_000_000L),
        TokenAmount.ofAtto(1_000),
        0,
        new byte[0]);
  }

  @Test
  void minersBlocksExecuteWithRewardsAndCronOverNullRounds() throws Exception {
    Address minerA = genesis.minerIds().get(0);
    Address minerB = genesis.minerIds().get(1);
    SignedMessage s1 =
        new SignedMessage(
            transfer(SECP, 0, 7), new Signature(SignatureType.SECP256K1, new byte[65]));
    Cid msgsA = c.messages(List.of(transfer(OWNER_A, 0, 1000)), List.of(s1));
    Cid msgsB = c.messages(List.of(), List.of(s1));
    TipSet t1 = c.tipSet(block(minerA, g, 1, "a", msgsA), block(minerB, g, 1, "b", msgsB));

    TipSetState st1 = sm.tipSetState(t1);
    Amt receipts = Amt.load(new IpldStore(c.blocks), st1.receiptsRoot(), AmtOptions.v2());
    assertThat(receipts.count()).isEqualTo(2);
    for (long i = 0; i < 2; i++) {
      assertThat(receipts.get(i, MessageReceipt::decode).exitCode()).isZero();
    }
    // the receiver was created by the first transfer
    assertThat(sm.actorAfter(RECEIVER, t1).orElseThrow().balance())
        .isEqualTo(TokenAmount.ofAtto(1007));
    // each miner got its block reward
    for (Address m : List.of(minerA, minerB)) {
      assertThat(sm.actorAfter(m, t1).orElseThrow().balance())
          .isGreaterThan(sm.actorAfter(m, g).orElseThrow().balance());
    }

    // null rounds 2 to 4, then a block at 5 on the computed state
    TipSet t5 = c.tipSet(block(minerA, t1, 5, "c", c.messages(List.of(), List.of())));
    TipSetState st5 = sm.tipSetState(t5);
    assertThat(st5.stateRoot()).isNotEqualTo(st1.stateRoot());
    Address ownerId = idOf(OWNER_A, st5.stateRoot());
    assertThat(sm.resolveToKey(ownerId, st5.stateRoot())).isEqualTo(OWNER_A);
    assertThatThrownBy(() -> sm.resolveToKey(minerA, st5.stateRoot()))
        .isInstanceOf(StateManagerException.class)
        .hasMessageContaining("not an account actor");
  }

  private Address idOf(Address key, Cid root) throws Exception {
    return StateTree.load(new IpldStore(c.blocks), root).lookupId(key).orElseThrow();
  }

  @Test
  void genesisCirculatingSupplyCountsThePledgeAsLocked() throws Exception {
    Cid root = g.parentStateRoot();
    CirculatingSupply.Detail d = sm.circulatingSupplyDetailed(0, root);
    PowerState power =
        new IpldStore(c.blocks)
            .get(
                sm.actorAfter(Builtin.STORAGE_POWER_ACTOR_ADDR, g).orElseThrow().head(),
                "power",
                PowerState::decode);
    assertThat(d.locked()).isEqualTo(power.totalPledgeCollateral);
    assertThat(d.locked().signum()).isPositive();
    // as in Lotus, f090 holds what genesis did not allocate (2B − 1.1B reward − accounts), far
    // above the 300M reserve: the disbursed reserve is negative and the supply floors at zero
    assertThat(d.reserveDisbursed())
        .isEqualTo(
            CirculatingSupply.INITIAL_FIL_RESERVED.subtract(
                sm.actorAfter(CirculatingSupply.RESERVE_ADDRESS, g).orElseThrow().balance()));
    TokenAmount sum =
        d.vested()
            .add(d.mined())
            .add(d.reserveDisbursed())
            .subtract(d.burnt())
            .subtract(d.locked());
    assertThat(sum.signum()).isNegative();
    assertThat(d.circulating()).isEqualTo(TokenAmount.ZERO);
  }
}
