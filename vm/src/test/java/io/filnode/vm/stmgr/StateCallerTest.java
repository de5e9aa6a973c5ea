package io.filnode.vm.stmgr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.filnode.actors.builtin.SealProofs;
import io.filnode.chain.address.Address;
import io.filnode.chain.amt.Amt;
import io.filnode.chain.amt.AmtOptions;
import io.filnode.chain.blockstore.IpldStore;
import io.filnode.chain.blockstore.MemoryBlockstore;
import io.filnode.chain.cbor.CborEncodable;
import io.filnode.chain.crypto.Signer;
import io.filnode.chain.store.ChainStore;
import io.filnode.chain.store.MemoryChainMetadata;
import io.filnode.chain.types.BlockHeader;
import io.filnode.chain.types.ElectionProof;
import io.filnode.chain.types.MessageReceipt;
import io.filnode.chain.types.MsgMeta;
import io.filnode.chain.types.SignatureType;
import io.filnode.chain.types.SignedMessage;
import io.filnode.chain.types.Ticket;
import io.filnode.chain.types.TipSet;
import io.filnode.chain.types.TokenAmount;
import io.filnode.chain.types.UnsignedMessage;
import io.filnode.vm.ActorRegistry;
import io.filnode.vm.NetworkSchedule;
import io.filnode.vm.ProofVerifier;
import io.filnode.vm.TipsetExecutor;
import io.filnode.vm.genesis.GenesisAccount;
import io.filnode.vm.genesis.GenesisBuilder;
import io.filnode.vm.genesis.GenesisMiner;
import io.filnode.vm.genesis.GenesisResult;
import io.filnode.vm.genesis.GenesisSpec;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Calls, gas calls, replays and message search on a chain the VM really executes: a devnet genesis
 * with a funded secp256k1 account and one miner, then tipsets whose blocks carry the account's
 * signed sends.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StateCallerTest {
  private static final byte[] KEY = new byte[32];
  private static final Address BOB = bls(9); // not in the genesis: the first send creates it

  private final MemoryBlockstore blocks = new MemoryBlockstore();
  private ChainStore chain;
  private StateManager sm;
  private StateCaller caller;
  private GenesisResult genesis;
  private Address alice;
  private SignedMessage m0;
  private SignedMessage m1;
  private TipSet t1;
  private TipSet t2;
  private TipSet t3;

  private static Address bls(int i) {
    byte[] key = new byte[48];
    Arrays.fill(key, (byte) i);
    return Address.newBls(key);
  }

  @BeforeAll
  void chain() throws Exception {
    KEY[31] = 7;
    alice = Signer.address(SignatureType.SECP256K1, KEY);
    Address miner = bls(1);
    genesis =
        GenesisBuilder.build(
            blocks,
            new GenesisSpec(
                "filnode-test",
                1_600_000_000L,
                9,
                List.of(
                    new GenesisAccount(alice, TokenAmount.ofFil(1_000)),
                    new GenesisAccount(miner, TokenAmount.ofFil(1_000_000))),
                List.of(new GenesisMiner(miner, miner, SealProofs.STACKED_DRG_32GIB_V1_1, 1))));
    chain = new ChainStore(blocks, new MemoryChainMetadata());
    chain.setGenesis(genesis.genesis());
    sm =
        new StateManager(
            chain,
            NetworkSchedule.fixed(9),
            new MockBeacon(),
            ProofVerifier.acceptAll(),
            ActorRegistry.builtin());
    caller = new StateCaller(sm);
    m0 = send(0, TokenAmount.ofFil(1));
    m1 = send(1, TokenAmount.ofFil(2));
    TipSet g = chain.head();
    t1 = next(g, List.of(m0)); // carries m0
    t2 = next(t1, List.of(m1)); // executes m0, carries m1
    t3 = next(t2, List.of()); // executes m1
  }

  private SignedMessage send(long nonce, TokenAmount value) throws Exception {
    return Signer.signMessage(
        SignatureType.SECP256K1,
        KEY,
        new UnsignedMessage(
            0,
            BOB,
            alice,
            nonce,
            value,
            10_000_000,
            TokenAmount.ofAtto(1_000_000_000L),
            TokenAmount.ofAtto(1_000),
            0,
            new byte[0]));
  }

  /** A block of the genesis miner on {@code parent} carrying {@code secpk}; it becomes the head. */
  private TipSet next(TipSet parent, List<SignedMessage> secpk) throws Exception {
    TipSetState st = sm.tipSetState(parent);
    IpldStore ipld = new IpldStore(blocks);
    List<CborEncodable> cids = new ArrayList<>();
    for (SignedMessage m : secpk) {
      blocks.put(m.cid(), m.toCbor());
      cids.add(w -> w.writeCid(m.cid()));
    }
    Amt secpAmt = Amt.create(ipld, AmtOptions.v2());
    for (int i = 0; i < cids.size(); i++) {
      secpAmt.set(i, cids.get(i));
    }
    MsgMeta meta = new MsgMeta(Amt.create(ipld, AmtOptions.v2()).flush(), secpAmt.flush());
    blocks.put(meta.cid(), meta.toCbor());
    long height = parent.height() + 1;
    BlockHeader h =
        new BlockHeader(
            genesis.minerIds().get(0),
            new Ticket(new byte[] {(byte) height}),
            new ElectionProof(1, new byte[] {1}),
            List.of(),
            List.of(),
            parent.cids(),
            BigInteger.valueOf(height),
            height,
            st.stateRoot(),
            st.receiptsRoot(),
            meta.cid(),
            null,
            genesis.genesis().timestamp() + 30 * height,
            null,
            0,
            sm.computeBaseFee(parent));
    chain.putBlock(h);
    TipSet ts = TipSet.of(h);
    chain.setHead(ts);
    return ts;
  }

  private MsgLookup executed(SignedMessage m) throws Exception {
    return new MessageSearch(chain)
        .search(chain.head(), m.cid(), MessageSearch.LOOKBACK_NO_LIMIT, false)
        .orElseThrow();
  }

  @Test
  void searchFindsTheExecutedSendsWithTheirReceipts() throws Exception {
    MsgLookup l0 = executed(m0);
    MsgLookup l1 = executed(m1);

    assertThat(l0.tipSet()).isEqualTo(t2);
    assertThat(l1.tipSet()).isEqualTo(t3);
    assertThat(l0.receipt().exitCode()).isZero();
    assertThat(l1.receipt().gasUsed()).isPositive();
    assertThat(sm.actorAfter(BOB, t2).orElseThrow().balance()).isEqualTo(TokenAmount.ofFil(3));
  }

  @Test
  void callRunsOnTheParentStateWithTheSendersNonce() throws Exception {
    UnsignedMessage probe =
        new UnsignedMessage(
            0, BOB, alice, 99, TokenAmount.ZERO, 0, TokenAmount.ZERO, TokenAmount.ZERO, 0, null);

    InvocResult onT2 = caller.call(probe, t2); // parent state of t2: m0 applied
    InvocResult onT3 = caller.call(probe, t3);

    assertThat(onT2.msg().nonce()).isEqualTo(1);
    assertThat(onT3.msg().nonce()).isEqualTo(2);
    assertThat(onT2.msg().gasLimit()).isEqualTo(TipsetExecutor.BLOCK_GAS_LIMIT);
    assertThat(onT2.ret().receipt().exitCode()).isZero();
    assertThat(onT2.ret().receipt().gasUsed()).isZero(); // implicit: no gas accounting
    assertThat(onT2.ret().trace()).isNotNull();
    assertThat(onT2.msgCid()).isEqualTo(onT2.msg().cid());
  }

  @Test
  void aFailingCallIsAnErrorAndAnUnknownSenderToo() {
    UnsignedMessage badMethod =
        new UnsignedMessage(
            0, BOB, alice, 0, TokenAmount.ZERO, 0, TokenAmount.ZERO, TokenAmount.ZERO, 77, null);
    assertThatThrownBy(() -> caller.call(badMethod, t3))
        .isInstanceOf(StateManagerException.class)
        .hasMessageStartingWith("apply message failed");
    UnsignedMessage stranger =
        new UnsignedMessage(
            0, alice, bls(42), 0, TokenAmount.ZERO, 0, TokenAmount.ZERO, TokenAmount.ZERO, 0, null);
    assertThatThrownBy(() -> caller.call(stranger, t3))
        .isInstanceOf(StateManagerException.class)
        .hasMessageContaining("call raw get actor");
  }

  @Test
  void callWithGasUsesWhatTheChainCharged() throws Exception {
    // m1 ran in t2's execution on the state after t1: the same run as callWithGas on t1
    InvocResult r = caller.callWithGas(m1.message(), List.of(), t1);
    MessageReceipt onChain = executed(m1).receipt();

    assertThat(r.msg().nonce()).isEqualTo(1);
    assertThat(r.ret().receipt()).isEqualTo(onChain);
    assertThat(r.ret().gasOutputs()).isNotNull();
  }

  @Test
  void callWithGasAppliesThePriorMessagesFirst() throws Exception {
    // on the genesis alice has nonce 0; with m0 applied before, the probe gets nonce 1
    InvocResult r = caller.callWithGas(m1.message(), List.of(m0), chain.loadTipSet(t1.parents()));
    assertThat(r.msg().nonce()).isEqualTo(1);
    assertThat(r.ret().receipt().exitCode()).isZero();
  }

  @Test
  void replayReproducesTheReceiptWithATrace() throws Exception {
    InvocResult r = caller.replay(t2, m1.cid());

    assertThat(r.msgCid()).isEqualTo(m1.cid());
    assertThat(r.msg()).isEqualTo(m1.message());
    assertThat(r.ret().receipt()).isEqualTo(executed(m1).receipt());
    assertThat(r.ret().trace()).isNotNull();
    assertThatThrownBy(() -> caller.replay(t1, m1.cid()))
        .isInstanceOf(StateManagerException.class)
        .hasMessageContaining("not found in tipset");
  }

  @Test
  void exactCirculatingSupplyCountsTheAccountsAndNotTheReserve() throws Exception {
    TokenAmount circ =
        ExactCirculatingSupply.at(new IpldStore(blocks), 0, genesis.genesis().parentStateRoot());
    // alice's 1,000 FIL circulate; at most the 1,001,000 FIL the accounts were given do
    assertThat(circ.compareTo(TokenAmount.ofFil(1_000))).isNotNegative();
    assertThat(circ.compareTo(TokenAmount.ofFil(1_001_000))).isNotPositive();
  }
}
