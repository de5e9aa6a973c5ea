package io.filnode.actors.v2.multisig;

import static org.assertj.core.api.Assertions.assertThat;

import io.filnode.actors.builtin.Builtin;
import io.filnode.actors.builtin.Builtin.MethodsMultisig;
import io.filnode.actors.builtin.RawBytes;
import io.filnode.actors.runtime.ExitCode;
import io.filnode.actors.testing.MockRuntime;
import io.filnode.actors.util.adt.AdtMap;
import io.filnode.chain.address.Address;
import io.filnode.chain.cbor.CborEncodable;
import io.filnode.chain.cbor.CborReader;
import io.filnode.chain.cid.Cid;
import io.filnode.chain.crypto.Blake2b;
import io.filnode.chain.state.ActorKind;
import io.filnode.chain.state.BuiltinActors;
import io.filnode.chain.types.TokenAmount;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The multisig actor's methods on a mock runtime, ported from specs-actors v2.3.6 {@code
 * multisig_test.go} (each test names the Go test it follows).
 */
class MultisigActorTest {
  private static final Cid INIT_CODE = BuiltinActors.codeCid(ActorKind.INIT, 2);
  private static final Cid ACCOUNT_CODE = BuiltinActors.codeCid(ActorKind.ACCOUNT, 2);
  private static final Cid MULTISIG_CODE = BuiltinActors.codeCid(ActorKind.MULTISIG, 2);

  private static final Address RECEIVER = Address.newId(100);
  private static final Address ANNE = Address.newId(101);
  private static final Address BOB = Address.newId(102);
  private static final Address CHUCK = Address.newId(103);
  private static final Address DARLENE = Address.newId(104);
  private static final Address RICHARD = Address.newId(105);
  private static final Address ANNE_KEY = Address.newBls(blsKey(1));
  private static final Address BOB_KEY = Address.newBls(blsKey(2));

  private static final long FAKE_METHOD = 42;
  private static final byte[] FAKE_PARAMS = {1, 2, 3, 4};
  private static final TokenAmount SEND_VALUE = TokenAmount.ofAtto(10);

  private final MultisigActor actor = new MultisigActor();

  private static byte[] blsKey(int seed) {
    byte[] key = new byte[48];
    key[0] = (byte) seed;
    return key;
  }

  private MockRuntime runtime() {
    MockRuntime rt = new MockRuntime(RECEIVER);
    rt.setCaller(Builtin.INIT_ACTOR_ADDR, INIT_CODE);
    rt.addIdAddress(ANNE_KEY, ANNE);
    rt.addIdAddress(BOB_KEY, BOB);
    return rt;
  }

  private void construct(
      MockRuntime rt, long threshold, long unlockDuration, long startEpoch, Address... signers) {
    rt.setCaller(Builtin.INIT_ACTOR_ADDR, INIT_CODE);
    rt.expectValidateCallerAddr(Builtin.INIT_ACTOR_ADDR);
    byte[] ret =
        rt.call(
            actor,
            MethodsMultisig.CONSTRUCTOR,
            new ConstructorParams(List.of(signers), threshold, unlockDuration, startEpoch));
    assertThat(ret).isEmpty();
    rt.verify();
  }

  private ProposeReturn propose(
      MockRuntime rt, Address to, TokenAmount value, long method, byte[] params) {
    rt.expectValidateCallerType(ACCOUNT_CODE, MULTISIG_CODE);
    ProposeReturn ret =
        rt.call(
            actor,
            MethodsMultisig.PROPOSE,
            new ProposeParams(to, value, method, params),
            ProposeReturn::decode);
    rt.verify();
    return ret;
  }

  /** Proposes as the current caller and returns the proposal hash. */
  private byte[] proposeOk(MockRuntime rt, Address to, TokenAmount value, long method, byte[] p) {
    assertThat(propose(rt, to, value, method, p).code()).isEqualTo(ExitCode.OK);
    return hash(new Transaction(to, value, method, p, List.of(rt.caller())));
  }

  private ApproveReturn approve(MockRuntime rt, long txnId, byte[] hash) {
    rt.expectValidateCallerType(ACCOUNT_CODE, MULTISIG_CODE);
    ApproveReturn ret =
        rt.call(
            actor,
            MethodsMultisig.APPROVE,
            new TxnIdParams(txnId, hash == null ? new byte[0] : hash),
            ApproveReturn::decode);
    rt.verify();
    return ret;
  }

  private void cancel(MockRuntime rt, long txnId, byte[] hash) {
    rt.expectValidateCallerType(ACCOUNT_CODE, MULTISIG_CODE);
    rt.call(
        actor, MethodsMultisig.CANCEL, new TxnIdParams(txnId, hash == null ? new byte[0] : hash));
    rt.verify();
  }

  /** Calls a method that only the wallet itself may call, as the wallet. */
  private void selfCall(MockRuntime rt, long method, CborEncodable params) {
    rt.setCaller(RECEIVER, MULTISIG_CODE);
    rt.expectValidateCallerAddr(RECEIVER);
    assertThat(rt.call(actor, method, params)).isEmpty();
    rt.verify();
  }

  private void lockBalance(MockRuntime rt, long start, long duration, long amount) {
    selfCall(
        rt,
        MethodsMultisig.LOCK_BALANCE,
        new LockBalanceParams(start, duration, TokenAmount.ofAtto(amount)));
  }

  private static byte[] hash(Transaction txn) {
    return Blake2b.sum256(ProposalHashData.of(txn).toCbor());
  }

  private static MultisigState state(MockRuntime rt) {
    return rt.getState(MultisigState::decode);
  }

  /** The pending transactions in HAMT order. */
  private static List<Transaction> pending(MockRuntime rt) {
    List<Transaction> out = new ArrayList<>();
    MultisigState.loadPending(rt.store(), state(rt).pendingTxns())
        .forEach((k, v) -> out.add(CborReader.decodeWhole(v, "txn", Transaction::decode)));
    return out;
  }

  private static Transaction txn(
      Address to, TokenAmount value, long method, byte[] p, Address... approved) {
    return new Transaction(to, value, method, p, List.of(approved));
  }

  private void as(MockRuntime rt, Address caller) {
    rt.setCaller(caller, ACCOUNT_CODE);
  }

  @Nested
  class Construction {
    @Test
    void simpleConstruction() {
      // TestConstruction "simple construction"
      MockRuntime rt = runtime();
      rt.setReceived(TokenAmount.ofAtto(100));
      construct(rt, 2, 200, 100, ANNE, BOB, CHUCK);
      MultisigState st = state(rt);
      assertThat(st.signers()).containsExactly(ANNE, BOB, CHUCK);
      assertThat(st.numApprovalsThreshold()).isEqualTo(2);
      assertThat(st.initialBalance()).isEqualTo(TokenAmount.ofAtto(100));
      assertThat(st.unlockDuration()).isEqualTo(200);
      assertThat(st.startEpoch()).isEqualTo(100);
      assertThat(st.pendingTxns())
          .isEqualTo(AdtMap.create(rt.store(), BuiltinActors.hamtOptions(2)).flush());
    }

    @Test
    void resolvesSignersToIdAddresses() {
      // TestConstruction "construction by resolving signers to ID addresses"
      MockRuntime rt = runtime();
      construct(rt, 2, 0, 0, ANNE_KEY, BOB_KEY, CHUCK);
      assertThat(state(rt).signers()).containsExactly(ANNE, BOB, CHUCK);
      assertThat(state(rt).initialBalance()).isEqualTo(TokenAmount.ZERO);
    }

    @Test
    void noLockWithoutUnlockDuration() {
      MockRuntime rt = runtime();
      rt.setReceived(TokenAmount.ofAtto(100));
      construct(rt, 1, 0, 50, ANNE);
      assertThat(state(rt).initialBalance()).isEqualTo(TokenAmount.ZERO);
      assertThat(state(rt).startEpoch()).isZero();
    }

    @Test
    void refusesBadParameters() {
      // TestConstruction failure cases: no signers, too many, duplicates, thresholds, duration.
      List<Address> tooMany = new ArrayList<>();
      for (int i = 0; i < MultisigActor.SIGNERS_MAX + 1; i++) {
        tooMany.add(Address.newId(101 + i));
      }
      assertConstructAborts(new ConstructorParams(List.of(), 1, 1, 0));
      assertConstructAborts(new ConstructorParams(tooMany, 4, 1, 0));
      assertConstructAborts(new ConstructorParams(List.of(ANNE, BOB, BOB), 2, 0, 0));
      assertConstructAborts(new ConstructorParams(List.of(ANNE, BOB_KEY, BOB), 2, 0, 0));
      assertConstructAborts(new ConstructorParams(List.of(ANNE, BOB), 3, 0, 0));
      assertConstructAborts(new ConstructorParams(List.of(ANNE, BOB), 0, 0, 0));
      assertConstructAborts(new ConstructorParams(List.of(ANNE, BOB), 1, -1, 0));
      // A uint64 threshold ≥ 2^63 is still more than the signers.
      assertConstructAborts(new ConstructorParams(List.of(ANNE, BOB), -1L, 0, 0));
    }

    private void assertConstructAborts(ConstructorParams params) {
      MockRuntime rt = runtime();
      rt.expectValidateCallerAddr(Builtin.INIT_ACTOR_ADDR);
      rt.expectAbort(
          ExitCode.ERR_ILLEGAL_ARGUMENT, () -> rt.call(actor, MethodsMultisig.CONSTRUCTOR, params));
      rt.verify();
      assertThat(rt.stateRoot()).isNull();
    }

    @Test
    void unresolvableSignerAfterSendIsIllegalState() {
      // TestConstruction "fail to construct multisig if a signer is not resolvable"
      MockRuntime rt = new MockRuntime(RECEIVER);
      rt.setCaller(Builtin.INIT_ACTOR_ADDR, INIT_CODE);
      rt.expectValidateCallerAddr(Builtin.INIT_ACTOR_ADDR);
      rt.expectSend(ANNE_KEY, Builtin.METHOD_SEND, null, TokenAmount.ZERO, null, ExitCode.OK);
      rt.expectAbort(
          ExitCode.ERR_ILLEGAL_STATE,
          () ->
              rt.call(
                  actor,
                  MethodsMultisig.CONSTRUCTOR,
                  new ConstructorParams(List.of(ANNE_KEY, BOB, CHUCK), 2, 1, 0)));
      rt.verify();
    }

    @Test
    void failedCreationSendKeepsItsExitCode() {
      // RequireNoErr unwraps the failed send's exit code from ResolveToIDAddr's error.
      MockRuntime rt = new MockRuntime(RECEIVER);
      rt.setCaller(Builtin.INIT_ACTOR_ADDR, INIT_CODE);
      rt.expectValidateCallerAddr(Builtin.INIT_ACTOR_ADDR);
      rt.expectSend(
          ANNE_KEY,
          Builtin.METHOD_SEND,
          null,
          TokenAmount.ZERO,
          null,
          ExitCode.SYS_ERR_INVALID_RECEIVER);
      rt.expectAbort(
          ExitCode.SYS_ERR_INVALID_RECEIVER,
          () ->
              rt.call(
                  actor,
                  MethodsMultisig.CONSTRUCTOR,
                  new ConstructorParams(List.of(ANNE_KEY), 1, 0, 0)));
      rt.verify();
    }
  }

  @Nested
  class Vesting {
    private MockRuntime vested(long threshold, Address... signers) {
      MockRuntime rt = runtime();
      rt.setBalance(TokenAmount.ofAtto(100));
      rt.setReceived(TokenAmount.ofAtto(100));
      construct(rt, threshold, 10, 0, signers);
      return rt;
    }

    @Test
    void fullVestingAfterUnlockDuration() {
      // TestVesting "happy path full vesting"
      MockRuntime rt = vested(2, ANNE, BOB, CHUCK);
      as(rt, ANNE);
      byte[] hash =
          proposeOk(rt, DARLENE, TokenAmount.ofAtto(100), Builtin.METHOD_SEND, new byte[0]);
      as(rt, BOB);
      rt.expectAbort(ExitCode.ERR_INSUFFICIENT_FUNDS, () -> approve(rt, 0, hash));
      rt.setEpoch(10);
      rt.expectSend(
          DARLENE,
          Builtin.METHOD_SEND,
          new RawBytes(new byte[0]),
          TokenAmount.ofAtto(100),
          null,
          ExitCode.OK);
      assertThat(approve(rt, 0, hash).applied()).isTrue();
      assertThat(pending(rt)).isEmpty();
    }

    @Test
    void halfVestedAtHalfTheDuration() {
      // TestVesting "partial vesting propose to send half the actor balance ..."
      MockRuntime rt = vested(2, ANNE, BOB, CHUCK);
      as(rt, ANNE);
      byte[] hash =
          proposeOk(rt, DARLENE, TokenAmount.ofAtto(50), Builtin.METHOD_SEND, new byte[0]);
      rt.setEpoch(5);
      as(rt, BOB);
      rt.expectSend(
          DARLENE,
          Builtin.METHOD_SEND,
          new RawBytes(new byte[0]),
          TokenAmount.ofAtto(50),
          null,
          ExitCode.OK);
      approve(rt, 0, hash);
    }

    @Test
    void autoApprovedProposalAboveUnlockedFails() {
      // TestVesting "propose and autoapprove transaction above locked amount fails"
      MockRuntime rt = vested(1, ANNE, BOB, CHUCK);
      as(rt, ANNE);
      rt.expectAbort(
          ExitCode.ERR_INSUFFICIENT_FUNDS,
          () -> propose(rt, DARLENE, TokenAmount.ofAtto(100), Builtin.METHOD_SEND, new byte[0]));
      rt.setEpoch(1);
      rt.expectSend(
          DARLENE,
          Builtin.METHOD_SEND,
          new RawBytes(new byte[0]),
          TokenAmount.ofAtto(10),
          null,
          ExitCode.OK);
      ProposeReturn ret =
          propose(rt, DARLENE, TokenAmount.ofAtto(10), Builtin.METHOD_SEND, new byte[0]);
      assertThat(ret.applied()).isTrue();
      assertThat(ret.txnId()).isEqualTo(0);
    }

    @Test
    void avoidsTruncatingDivision() {
      // TestVesting "avoid truncating division": 9 locked over 10 epochs.
      MockRuntime rt = runtime();
      rt.setReceived(TokenAmount.ofAtto(9));
      rt.setBalance(TokenAmount.ofAtto(9));
      construct(rt, 1, 10, 0, ANNE);
      as(rt, ANNE);
      TokenAmount one = TokenAmount.ofAtto(1);
      byte[] none = new byte[0];
      rt.expectAbort(ExitCode.ERR_INSUFFICIENT_FUNDS, () -> propose(rt, ANNE, one, 0, none));
      rt.setEpoch(1);
      rt.expectAbort(ExitCode.ERR_INSUFFICIENT_FUNDS, () -> propose(rt, ANNE, one, 0, none));
      rt.setEpoch(2);
      rt.expectSend(ANNE, 0, new RawBytes(none), one, null, ExitCode.OK);
      propose(rt, ANNE, one, 0, none);
      rt.setBalance(TokenAmount.ofAtto(9));
      rt.setEpoch(9);
      rt.expectAbort(
          ExitCode.ERR_INSUFFICIENT_FUNDS, () -> propose(rt, ANNE, TokenAmount.ofAtto(9), 0, none));
      rt.expectSend(ANNE, 0, new RawBytes(none), TokenAmount.ofAtto(8), null, ExitCode.OK);
      propose(rt, ANNE, TokenAmount.ofAtto(8), 0, none);
      rt.setBalance(TokenAmount.ofAtto(9));
      rt.setEpoch(10);
      rt.expectSend(ANNE, 0, new RawBytes(none), TokenAmount.ofAtto(9), null, ExitCode.OK);
      propose(rt, ANNE, TokenAmount.ofAtto(9), 0, none);
    }

    @Test
    void sendingZeroIsAllowedWhenTheLockExceedsTheBalance() {
      // TestVesting "sending zero ok when lockup exceeds balance"
      MockRuntime rt = runtime();
      construct(rt, 1, 0, 0, ANNE);
      lockBalance(rt, 0, 10, 10);
      as(rt, ANNE);
      rt.expectSend(BOB, 0, new RawBytes(new byte[0]), TokenAmount.ZERO, null, ExitCode.OK);
      propose(rt, BOB, TokenAmount.ZERO, 0, new byte[0]);
      rt.expectAbort(
          ExitCode.ERR_INSUFFICIENT_FUNDS,
          () -> propose(rt, BOB, TokenAmount.ofAtto(1), 0, new byte[0]));
    }
  }

  @Nested
  class Propose {
    @Test
    void simplePropose() {
      // TestPropose "simple propose"
      MockRuntime rt = runtime();
      construct(rt, 2, 0, 0, ANNE, BOB);
      as(rt, ANNE);
      ProposeReturn ret = propose(rt, CHUCK, SEND_VALUE, 0, FAKE_PARAMS);
      assertThat(ret).isEqualTo(new ProposeReturn(0, false, 0, new byte[0]));
      assertThat(pending(rt)).containsExactly(txn(CHUCK, SEND_VALUE, 0, FAKE_PARAMS, ANNE));
      assertThat(state(rt).nextTxnId()).isEqualTo(1);
    }

    @Test
    void thresholdMetSendsAndReturnsTheInnerResult() {
      // TestPropose "propose with threshold and non-empty return value"
      MockRuntime rt = runtime();
      rt.setBalance(TokenAmount.ofAtto(20));
      construct(rt, 1, 0, 0, ANNE, BOB);
      as(rt, ANNE);
      RawBytes innerRet = new RawBytes(new byte[] {(byte) 0x82, 0x01, 0x02});
      rt.expectSend(CHUCK, 2, new RawBytes(FAKE_PARAMS), SEND_VALUE, innerRet, ExitCode.OK);
      ProposeReturn ret = propose(rt, CHUCK, SEND_VALUE, 2, FAKE_PARAMS);
      assertThat(ret).isEqualTo(new ProposeReturn(0, true, 0, innerRet.bytes()));
      assertThat(pending(rt)).isEmpty();
      assertThat(rt.balance()).isEqualTo(TokenAmount.ofAtto(10));
    }

    @Test
    void innerFailureIsReportedNotAborted() {
      MockRuntime rt = runtime();
      rt.setBalance(TokenAmount.ofAtto(20));
      construct(rt, 1, 0, 0, ANNE, BOB);
      as(rt, ANNE);
      rt.expectSend(
          CHUCK, FAKE_METHOD, new RawBytes(FAKE_PARAMS), SEND_VALUE, null, ExitCode.ERR_FORBIDDEN);
      ProposeReturn ret = propose(rt, CHUCK, SEND_VALUE, FAKE_METHOD, FAKE_PARAMS);
      assertThat(ret).isEqualTo(new ProposeReturn(0, true, ExitCode.ERR_FORBIDDEN, new byte[0]));
      assertThat(pending(rt)).isEmpty();
    }

    @Test
    void failures() {
      // TestPropose "fail propose with threshold met and insufficient balance", "from non-signer"
      MockRuntime rt = runtime();
      construct(rt, 1, 0, 0, ANNE, BOB);
      as(rt, ANNE);
      rt.expectAbort(
          ExitCode.ERR_INSUFFICIENT_FUNDS, () -> propose(rt, CHUCK, SEND_VALUE, 0, FAKE_PARAMS));
      as(rt, RICHARD);
      rt.expectAbort(ExitCode.ERR_FORBIDDEN, () -> propose(rt, CHUCK, SEND_VALUE, 0, FAKE_PARAMS));
      as(rt, ANNE);
      rt.expectAbort(
          ExitCode.ERR_ILLEGAL_ARGUMENT,
          () -> propose(rt, CHUCK, TokenAmount.ofAtto(-1), 0, FAKE_PARAMS));
      assertThat(pending(rt)).isEmpty();
      assertThat(state(rt).nextTxnId()).isZero();
    }

    @Test
    void onlyAccountsAndMultisigsMayPropose() {
      MockRuntime rt = runtime();
      construct(rt, 1, 0, 0, ANNE);
      rt.setCaller(ANNE, BuiltinActors.codeCid(ActorKind.STORAGE_MINER, 2));
      rt.expectAbort(
          ExitCode.SYS_ERR_FORBIDDEN, () -> propose(rt, CHUCK, SEND_VALUE, 0, FAKE_PARAMS));
    }
  }

  @Nested
  class Approve {
    private MockRuntime proposed(long threshold, Address... signers) {
      MockRuntime rt = runtime();
      construct(rt, threshold, 0, 0, signers);
      as(rt, ANNE);
      proposeOk(rt, CHUCK, SEND_VALUE, FAKE_METHOD, FAKE_PARAMS);
      return rt;
    }

    private byte[] proposalHash() {
      return hash(txn(CHUCK, SEND_VALUE, FAKE_METHOD, FAKE_PARAMS, ANNE));
    }

    @Test
    void secondApprovalExecutes() {
      // TestApprove "simple propose and approval"
      MockRuntime rt = proposed(2, ANNE, BOB);
      rt.setBalance(SEND_VALUE);
      as(rt, BOB);
      rt.expectSend(CHUCK, FAKE_METHOD, new RawBytes(FAKE_PARAMS), SEND_VALUE, null, ExitCode.OK);
      assertThat(approve(rt, 0, proposalHash())).isEqualTo(new ApproveReturn(true, 0, new byte[0]));
      assertThat(pending(rt)).isEmpty();
    }

    @Test
    void approvalWithoutHashIsAccepted() {
      // TestApprove "accept approval with no proposal hash"
      MockRuntime rt = proposed(2, ANNE, BOB);
      rt.setBalance(SEND_VALUE);
      as(rt, BOB);
      rt.expectSend(CHUCK, FAKE_METHOD, new RawBytes(FAKE_PARAMS), SEND_VALUE, null, ExitCode.OK);
      assertThat(approve(rt, 0, null).applied()).isTrue();
    }

    @Test
    void approvalBelowThresholdIsRecorded() {
      MockRuntime rt = proposed(3, ANNE, BOB, CHUCK);
      as(rt, BOB);
      assertThat(approve(rt, 0, proposalHash()))
          .isEqualTo(new ApproveReturn(false, 0, new byte[0]));
      assertThat(pending(rt))
          .containsExactly(txn(CHUCK, SEND_VALUE, FAKE_METHOD, FAKE_PARAMS, ANNE, BOB));
    }

    @Test
    void failures() {
      // TestApprove: bad hash, twice, unknown transaction, non-signer, locked funds.
      MockRuntime rt = proposed(2, ANNE, BOB);
      as(rt, BOB);
      byte[] wrong = hash(txn(CHUCK, SEND_VALUE, FAKE_METHOD, FAKE_PARAMS, BOB));
      rt.expectAbort(ExitCode.ERR_ILLEGAL_ARGUMENT, () -> approve(rt, 0, wrong));
      as(rt, ANNE);
      rt.expectAbort(ExitCode.ERR_FORBIDDEN, () -> approve(rt, 0, proposalHash()));
      as(rt, BOB);
      rt.expectAbort(ExitCode.ERR_NOT_FOUND, () -> approve(rt, 1, proposalHash()));
      as(rt, RICHARD);
      rt.expectAbort(ExitCode.ERR_FORBIDDEN, () -> approve(rt, 0, proposalHash()));
      as(rt, BOB);
      rt.setBalance(TokenAmount.ofAtto(9));
      rt.expectAbort(ExitCode.ERR_INSUFFICIENT_FUNDS, () -> approve(rt, 0, proposalHash()));
      assertThat(pending(rt))
          .containsExactly(txn(CHUCK, SEND_VALUE, FAKE_METHOD, FAKE_PARAMS, ANNE));
    }

    @Test
    void lockedFundsBlockApproval() {
      // TestApprove "fail approval if enough unlocked balance not available": 15 of 20 locked.
      MockRuntime rt = runtime();
      rt.setReceived(TokenAmount.ofAtto(20));
      construct(rt, 2, 20, 10, ANNE, BOB);
      as(rt, ANNE);
      byte[] hash = proposeOk(rt, CHUCK, TokenAmount.ofAtto(20), FAKE_METHOD, FAKE_PARAMS);
      rt.setEpoch(15);
      rt.setBalance(TokenAmount.ofAtto(20));
      as(rt, BOB);
      rt.expectAbort(ExitCode.ERR_INSUFFICIENT_FUNDS, () -> approve(rt, 0, hash));
      // TestApprove "approval works if enough funds have been unlocked"
      rt.setEpoch(30);
      rt.expectSend(
          CHUCK, FAKE_METHOD, new RawBytes(FAKE_PARAMS), TokenAmount.ofAtto(20), null, ExitCode.OK);
      assertThat(approve(rt, 0, hash).applied()).isTrue();
    }

    @Test
    void loweredThresholdExecutesOnAnyApprovalEvenADuplicate() {
      // TestApprove "proposed transaction is approved by proposer if number of approvers has
      // already crossed threshold" and the non-signatory variant.
      MockRuntime rt = proposed(2, ANNE, BOB);
      selfCall(
          rt,
          MethodsMultisig.CHANGE_NUM_APPROVALS_THRESHOLD,
          new ChangeNumApprovalsThresholdParams(1));
      as(rt, DARLENE);
      rt.expectAbort(ExitCode.ERR_FORBIDDEN, () -> approve(rt, 0, proposalHash()));
      rt.setBalance(SEND_VALUE);
      as(rt, ANNE);
      rt.expectSend(CHUCK, FAKE_METHOD, new RawBytes(FAKE_PARAMS), SEND_VALUE, null, ExitCode.OK);
      assertThat(approve(rt, 0, proposalHash()).applied()).isTrue();
      assertThat(pending(rt)).isEmpty();
    }
  }

  @Nested
  class Cancel {
    @Test
    void proposerCancels() {
      // TestCancel "simple propose and cancel"
      MockRuntime rt = runtime();
      construct(rt, 2, 0, 0, ANNE, BOB);
      as(rt, ANNE);
      byte[] hash = proposeOk(rt, CHUCK, SEND_VALUE, FAKE_METHOD, new byte[0]);
      cancel(rt, 0, hash);
      assertThat(pending(rt)).isEmpty();
    }

    @Test
    void failures() {
      // TestCancel: bad hash (ErrIllegalState here), another signer's, non-signer, unknown ID.
      MockRuntime rt = runtime();
      construct(rt, 2, 0, 0, ANNE, BOB);
      as(rt, ANNE);
      byte[] hash = proposeOk(rt, CHUCK, SEND_VALUE, FAKE_METHOD, new byte[0]);
      byte[] wrong = hash(txn(BOB, SEND_VALUE, FAKE_METHOD, new byte[0], CHUCK));
      rt.expectAbort(ExitCode.ERR_ILLEGAL_STATE, () -> cancel(rt, 0, wrong));
      rt.expectAbort(ExitCode.ERR_NOT_FOUND, () -> cancel(rt, 1, hash));
      as(rt, BOB);
      rt.expectAbort(ExitCode.ERR_FORBIDDEN, () -> cancel(rt, 0, hash));
      as(rt, RICHARD);
      rt.expectAbort(ExitCode.ERR_FORBIDDEN, () -> cancel(rt, 0, hash));
      assertThat(pending(rt)).hasSize(1);
    }

    @Test
    void subsequentApproverReplacesRemovedProposer() {
      // TestCancel "subsequent approver replaces removed proposer as owner"
      MockRuntime rt = runtime();
      construct(rt, 3, 0, 0, ANNE, BOB, CHUCK);
      as(rt, ANNE);
      proposeOk(rt, CHUCK, SEND_VALUE, FAKE_METHOD, new byte[0]);
      as(rt, BOB);
      approve(rt, 0, null);
      selfCall(rt, MethodsMultisig.REMOVE_SIGNER, new RemoveSignerParams(ANNE, true));
      as(rt, ANNE);
      rt.expectAbort(ExitCode.ERR_FORBIDDEN, () -> cancel(rt, 0, null));
      selfCall(rt, MethodsMultisig.ADD_SIGNER, new AddSignerParams(ANNE, true));
      as(rt, ANNE);
      rt.expectAbort(ExitCode.ERR_FORBIDDEN, () -> cancel(rt, 0, null));
      assertThat(pending(rt))
          .containsExactly(txn(CHUCK, SEND_VALUE, FAKE_METHOD, new byte[0], BOB));
      as(rt, BOB);
      cancel(rt, 0, null);
      assertThat(pending(rt)).isEmpty();
    }
  }

  @Nested
  class Signers {
    private MockRuntime wallet(long threshold, Address... signers) {
      MockRuntime rt = runtime();
      construct(rt, threshold, 0, 0, signers);
      return rt;
    }

    private void assertSelfCallAborts(MockRuntime rt, int code, long method, CborEncodable p) {
      rt.setCaller(RECEIVER, MULTISIG_CODE);
      rt.expectValidateCallerAddr(RECEIVER);
      rt.expectAbort(code, () -> rt.call(actor, method, p));
    }

    @Test
    void addSigner() {
      // TestAddSigner cases
      MockRuntime rt = wallet(2, ANNE, BOB);
      selfCall(rt, MethodsMultisig.ADD_SIGNER, new AddSignerParams(CHUCK, false));
      assertThat(state(rt).signers()).containsExactly(ANNE, BOB, CHUCK);
      assertThat(state(rt).numApprovalsThreshold()).isEqualTo(2);

      rt = wallet(2, ANNE, BOB);
      selfCall(rt, MethodsMultisig.ADD_SIGNER, new AddSignerParams(CHUCK, true));
      assertThat(state(rt).numApprovalsThreshold()).isEqualTo(3);

      rt = wallet(3, ANNE, BOB_KEY, CHUCK);
      assertSelfCallAborts(
          rt, ExitCode.ERR_FORBIDDEN, MethodsMultisig.ADD_SIGNER, new AddSignerParams(BOB, false));
      assertSelfCallAborts(
          rt,
          ExitCode.ERR_FORBIDDEN,
          MethodsMultisig.ADD_SIGNER,
          new AddSignerParams(BOB_KEY, false));
      assertThat(state(rt).signers()).containsExactly(ANNE, BOB, CHUCK);
    }

    @Test
    void addSignerOnlyBelowTheMaximum() {
      Address[] many = new Address[MultisigActor.SIGNERS_MAX];
      for (int i = 0; i < many.length; i++) {
        many[i] = Address.newId(1000 + i);
      }
      MockRuntime rt = wallet(1, many);
      assertSelfCallAborts(
          rt, ExitCode.ERR_FORBIDDEN, MethodsMultisig.ADD_SIGNER, new AddSignerParams(ANNE, false));
    }

    @Test
    void onlyTheWalletManagesSigners() {
      MockRuntime rt = wallet(1, ANNE);
      as(rt, ANNE);
      rt.expectValidateCallerAddr(RECEIVER);
      rt.expectAbort(
          ExitCode.SYS_ERR_FORBIDDEN,
          () -> rt.call(actor, MethodsMultisig.ADD_SIGNER, new AddSignerParams(BOB, false)));
    }

    @Test
    void removeSigner() {
      // TestRemoveSigner cases
      MockRuntime rt = wallet(2, ANNE, BOB, CHUCK);
      selfCall(rt, MethodsMultisig.REMOVE_SIGNER, new RemoveSignerParams(CHUCK, false));
      assertThat(state(rt).signers()).containsExactly(ANNE, BOB);
      assertThat(state(rt).numApprovalsThreshold()).isEqualTo(2);

      rt = wallet(2, ANNE_KEY, BOB, CHUCK);
      selfCall(rt, MethodsMultisig.REMOVE_SIGNER, new RemoveSignerParams(ANNE_KEY, true));
      assertThat(state(rt).signers()).containsExactly(BOB, CHUCK);
      assertThat(state(rt).numApprovalsThreshold()).isEqualTo(1);

      rt = wallet(3, ANNE, BOB, CHUCK);
      assertSelfCallAborts(
          rt,
          ExitCode.ERR_ILLEGAL_ARGUMENT,
          MethodsMultisig.REMOVE_SIGNER,
          new RemoveSignerParams(CHUCK, false));
      rt = wallet(1, ANNE);
      assertSelfCallAborts(
          rt,
          ExitCode.ERR_FORBIDDEN,
          MethodsMultisig.REMOVE_SIGNER,
          new RemoveSignerParams(ANNE, false));
      rt = wallet(2, ANNE, BOB, CHUCK);
      assertSelfCallAborts(
          rt,
          ExitCode.ERR_FORBIDDEN,
          MethodsMultisig.REMOVE_SIGNER,
          new RemoveSignerParams(RICHARD, false));
      rt = wallet(1, ANNE, BOB, CHUCK);
      assertSelfCallAborts(
          rt,
          ExitCode.ERR_ILLEGAL_ARGUMENT,
          MethodsMultisig.REMOVE_SIGNER,
          new RemoveSignerParams(ANNE, true));
      assertThat(state(rt).signers()).containsExactly(ANNE, BOB, CHUCK);
    }

    @Test
    void removeSignerPurgesItsApprovals() {
      // TestRemoveSigner "remove signer removes approvals" and "deletes solo proposals"
      MockRuntime rt = wallet(3, ANNE, BOB, CHUCK);
      TokenAmount zero = TokenAmount.ZERO;
      as(rt, ANNE);
      proposeOk(rt, CHUCK, zero, 0, new byte[0]);
      as(rt, BOB);
      approve(rt, 0, null);
      proposeOk(rt, CHUCK, zero, 0, new byte[0]);
      as(rt, ANNE);
      approve(rt, 1, null);
      proposeOk(rt, CHUCK, zero, 0, new byte[0]);
      selfCall(rt, MethodsMultisig.REMOVE_SIGNER, new RemoveSignerParams(ANNE, true));
      assertThat(pending(rt))
          .containsExactly(
              txn(CHUCK, zero, 0, new byte[0], BOB), txn(CHUCK, zero, 0, new byte[0], BOB));
      assertThat(state(rt).numApprovalsThreshold()).isEqualTo(2);
    }

    @Test
    void swapSigner() {
      // TestSwapSigners cases
      MockRuntime rt = wallet(1, ANNE, BOB);
      selfCall(rt, MethodsMultisig.SWAP_SIGNER, new SwapSignerParams(BOB_KEY, CHUCK));
      assertThat(state(rt).signers()).containsExactly(ANNE, CHUCK);

      rt = wallet(1, ANNE, BOB_KEY);
      selfCall(rt, MethodsMultisig.SWAP_SIGNER, new SwapSignerParams(BOB, CHUCK));
      assertThat(state(rt).signers()).containsExactly(ANNE, CHUCK);

      rt = wallet(1, ANNE, BOB);
      assertSelfCallAborts(
          rt,
          ExitCode.ERR_FORBIDDEN,
          MethodsMultisig.SWAP_SIGNER,
          new SwapSignerParams(DARLENE, CHUCK));
      assertSelfCallAborts(
          rt,
          ExitCode.ERR_ILLEGAL_ARGUMENT,
          MethodsMultisig.SWAP_SIGNER,
          new SwapSignerParams(ANNE, BOB));
      assertSelfCallAborts(
          rt,
          ExitCode.ERR_ILLEGAL_ARGUMENT,
          MethodsMultisig.SWAP_SIGNER,
          new SwapSignerParams(ANNE, BOB_KEY));
    }

    @Test
    void swapSignerPurgesApprovals() {
      // TestSwapSigners "swap signer deletes solo proposals"
      MockRuntime rt = wallet(2, ANNE, BOB);
      as(rt, ANNE);
      proposeOk(rt, CHUCK, TokenAmount.ZERO, 0, new byte[0]);
      selfCall(rt, MethodsMultisig.SWAP_SIGNER, new SwapSignerParams(ANNE, CHUCK));
      assertThat(pending(rt)).isEmpty();
      assertThat(state(rt).signers()).containsExactly(BOB, CHUCK);
    }

    @Test
    void changeThreshold() {
      // TestChangeThreshold cases
      MockRuntime rt = wallet(2, ANNE, BOB, CHUCK);
      selfCall(
          rt,
          MethodsMultisig.CHANGE_NUM_APPROVALS_THRESHOLD,
          new ChangeNumApprovalsThresholdParams(1));
      assertThat(state(rt).numApprovalsThreshold()).isEqualTo(1);
      selfCall(
          rt,
          MethodsMultisig.CHANGE_NUM_APPROVALS_THRESHOLD,
          new ChangeNumApprovalsThresholdParams(3));
      assertThat(state(rt).numApprovalsThreshold()).isEqualTo(3);
      assertSelfCallAborts(
          rt,
          ExitCode.ERR_ILLEGAL_ARGUMENT,
          MethodsMultisig.CHANGE_NUM_APPROVALS_THRESHOLD,
          new ChangeNumApprovalsThresholdParams(0));
      assertSelfCallAborts(
          rt,
          ExitCode.ERR_ILLEGAL_ARGUMENT,
          MethodsMultisig.CHANGE_NUM_APPROVALS_THRESHOLD,
          new ChangeNumApprovalsThresholdParams(4));
      assertSelfCallAborts(
          rt,
          ExitCode.ERR_ILLEGAL_ARGUMENT,
          MethodsMultisig.CHANGE_NUM_APPROVALS_THRESHOLD,
          new ChangeNumApprovalsThresholdParams(-1L));
    }
  }

  @Nested
  class LockBalance {
    @Test
    void retroactiveVesting() {
      // TestLockBalance "retroactive vesting"
      MockRuntime rt = runtime();
      rt.setEpoch(100);
      construct(rt, 1, 0, 0, ANNE);
      rt.setEpoch(200);
      lockBalance(rt, 0, 1000, 100_000);
      rt.setEpoch(300);
      as(rt, ANNE);
      TokenAmount vested = TokenAmount.ofAtto(30_000);
      rt.expectAbort(
          ExitCode.ERR_INSUFFICIENT_FUNDS, () -> propose(rt, BOB, vested, 0, new byte[0]));
      rt.setBalance(TokenAmount.ofAtto(100_000));
      rt.expectAbort(
          ExitCode.ERR_INSUFFICIENT_FUNDS,
          () -> propose(rt, BOB, vested.add(TokenAmount.ofAtto(1)), 0, new byte[0]));
      rt.expectSend(BOB, 0, new RawBytes(new byte[0]), vested, null, ExitCode.OK);
      propose(rt, BOB, vested, 0, new byte[0]);
      rt.expectAbort(
          ExitCode.ERR_INSUFFICIENT_FUNDS,
          () -> propose(rt, BOB, TokenAmount.ofAtto(1), 0, new byte[0]));
      rt.setEpoch(1000);
      rt.expectSend(
          BOB, 0, new RawBytes(new byte[0]), TokenAmount.ofAtto(70_000), null, ExitCode.OK);
      propose(rt, BOB, TokenAmount.ofAtto(70_000), 0, new byte[0]);
      assertThat(rt.balance()).isEqualTo(TokenAmount.ZERO);
    }

    @Test
    void cannotAlterVesting() {
      // TestLockBalance "can't alter vesting"
      MockRuntime rt = runtime();
      construct(rt, 1, 0, 0, ANNE);
      lockBalance(rt, 0, 1000, 100_000);
      rt.setCaller(RECEIVER, MULTISIG_CODE);
      rt.expectValidateCallerAddr(RECEIVER);
      rt.expectAbort(
          ExitCode.ERR_FORBIDDEN,
          () ->
              rt.call(
                  actor,
                  MethodsMultisig.LOCK_BALANCE,
                  new LockBalanceParams(-1, 1000, TokenAmount.ofAtto(100_000))));
      assertThat(state(rt).startEpoch()).isZero();
    }

    @Test
    void checksPreconditions() {
      // TestLockBalance "checks preconditions": negative amounts pass only before version 7.
      MockRuntime rt = runtime();
      rt.setNetworkVersion(7);
      construct(rt, 1, 0, 0, ANNE);
      rt.setCaller(RECEIVER, MULTISIG_CODE);
      rt.expectValidateCallerAddr(RECEIVER);
      rt.expectAbort(
          ExitCode.ERR_ILLEGAL_ARGUMENT,
          () ->
              rt.call(
                  actor,
                  MethodsMultisig.LOCK_BALANCE,
                  new LockBalanceParams(0, -1, TokenAmount.ofAtto(100_000))));
      rt.expectValidateCallerAddr(RECEIVER);
      rt.expectAbort(
          ExitCode.ERR_ILLEGAL_ARGUMENT,
          () ->
              rt.call(
                  actor,
                  MethodsMultisig.LOCK_BALANCE,
                  new LockBalanceParams(0, 1000, TokenAmount.ofAtto(-1))));
      rt.setNetworkVersion(6);
      lockBalance(rt, 0, 1000, -1);
      assertThat(state(rt).initialBalance()).isEqualTo(TokenAmount.ofAtto(-1));
    }
  }

  @Test
  void unknownMethodIsInvalid() {
    MockRuntime rt = runtime();
    rt.expectAbort(ExitCode.SYS_ERR_INVALID_METHOD, () -> actor.invoke(rt, 10, new byte[0]));
  }
}
