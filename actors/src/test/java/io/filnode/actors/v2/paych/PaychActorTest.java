package io.filnode.actors.v2.paych;

import static org.assertj.core.api.Assertions.assertThat;

import io.filnode.actors.builtin.Builtin;
import io.filnode.actors.builtin.Builtin.MethodsPaych;
import io.filnode.actors.builtin.RawBytes;
import io.filnode.actors.runtime.ExitCode;
import io.filnode.actors.testing.MockRuntime;
import io.filnode.actors.util.adt.AdtArray;
import io.filnode.chain.address.Address;
import io.filnode.chain.amt.AmtOptions;
import io.filnode.chain.cid.Cid;
import io.filnode.chain.state.ActorKind;
import io.filnode.chain.state.BuiltinActors;
import io.filnode.chain.types.Signature;
import io.filnode.chain.types.SignatureType;
import io.filnode.chain.types.TokenAmount;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The payment channel actor's methods on a mock runtime, ported from specs-actors v2.3.6 {@code
 * paych_test.go} (each test names the Go test it follows).
 */
class PaychActorTest {
  private static final Cid INIT_CODE = BuiltinActors.codeCid(ActorKind.INIT, 2);
  private static final Cid ACCOUNT_CODE = BuiltinActors.codeCid(ActorKind.ACCOUNT, 2);
  private static final Cid MULTISIG_CODE = BuiltinActors.codeCid(ActorKind.MULTISIG, 2);

  private static final Address PAYCH = Address.newId(100);
  private static final Address PAYER = Address.newId(102);
  private static final Address PAYEE = Address.newId(103);
  private static final Address OTHER = Address.newId(104);
  private static final Address PAYER_KEY = Address.newBls(blsKey(102));
  private static final Address PAYEE_KEY = Address.newBls(blsKey(104));
  private static final Address PAYCH_KEY = Address.newBls(blsKey(201));
  private static final Signature SIG =
      new Signature(SignatureType.BLS, new byte[] {0, 1, 2, 3, 4, 5, 6, 7});

  private final PaychActor actor = new PaychActor();

  private static byte[] blsKey(int seed) {
    byte[] key = new byte[48];
    key[0] = (byte) seed;
    return key;
  }

  /** A voucher under construction; tests change fields, then {@link #build()}. */
  private static final class Voucher {
    Address channel = PAYCH;
    long timeLockMin = 2;
    long timeLockMax = Long.MAX_VALUE;
    byte[] secretPreimage = new byte[0];
    ModVerifyParams extra;
    long lane;
    long nonce;
    TokenAmount amount;
    long minSettleHeight;
    List<Merge> merges = List.of();
    Signature signature = SIG;

    Voucher(long lane, long nonce, long amount) {
      this.lane = lane;
      this.nonce = nonce;
      this.amount = TokenAmount.ofAtto(amount);
    }

    SignedVoucher build() {
      return new SignedVoucher(
          channel,
          timeLockMin,
          timeLockMax,
          secretPreimage,
          extra,
          lane,
          nonce,
          amount,
          minSettleHeight,
          merges,
          signature);
    }
  }

  private MockRuntime runtime() {
    MockRuntime rt = new MockRuntime(PAYCH);
    rt.setBalance(TokenAmount.ofAtto(100_000));
    rt.setEpoch(2);
    rt.setHasher(data -> new byte[32]);
    rt.setAddressActorType(PAYER, ACCOUNT_CODE);
    rt.setAddressActorType(PAYEE, ACCOUNT_CODE);
    rt.addIdAddress(PAYCH_KEY, PAYCH);
    return rt;
  }

  private void construct(MockRuntime rt, Address from, Address to) {
    rt.setCaller(Builtin.INIT_ACTOR_ADDR, INIT_CODE);
    rt.expectValidateCallerType(INIT_CODE);
    assertThat(rt.call(actor, MethodsPaych.CONSTRUCTOR, new ConstructorParams(from, to))).isEmpty();
    rt.verify();
  }

  /** requireCreateChannelWithLanes: lane i redeemed i+1 at nonce i+1, submitted by the payer. */
  private MockRuntime channelWithLanes(int lanes) {
    MockRuntime rt = runtime();
    construct(rt, PAYER, PAYEE);
    for (int i = 0; i < lanes; i++) {
      update(rt, PAYER, new Voucher(i, i + 1, i + 1), new byte[0]);
    }
    return rt;
  }

  /** Submits {@code v} as {@code submitter}; the other party is the expected signer. */
  private void update(MockRuntime rt, Address submitter, Voucher v, byte[] secret) {
    expectUpdate(rt, submitter, v);
    assertThat(
            rt.call(
                actor,
                MethodsPaych.UPDATE_CHANNEL_STATE,
                new UpdateChannelStateParams(v.build(), secret)))
        .isEmpty();
    rt.verify();
  }

  private void expectUpdate(MockRuntime rt, Address submitter, Voucher v) {
    rt.setCaller(submitter, ACCOUNT_CODE);
    rt.expectValidateCallerAddr(PAYER, PAYEE);
    SignedVoucher sv = v.build();
    if (sv.signature() != null) {
      Address signer = submitter.equals(PAYER) ? PAYEE : PAYER;
      rt.expectVerifySignature(sv.signature(), signer, sv.signingBytes(), true);
    }
  }

  private void updateAborts(MockRuntime rt, int code, Address submitter, Voucher v, byte[] secret) {
    Cid before = rt.stateRoot();
    expectUpdate(rt, submitter, v);
    rt.expectAbort(
        code,
        () ->
            rt.call(
                actor,
                MethodsPaych.UPDATE_CHANNEL_STATE,
                new UpdateChannelStateParams(v.build(), secret)));
    assertThat(rt.stateRoot()).isEqualTo(before);
  }

  private static PaychState state(MockRuntime rt) {
    return rt.getState(PaychState::decode);
  }

  private static List<LaneState> lanes(MockRuntime rt) {
    List<LaneState> out = new ArrayList<>();
    AdtArray.load(rt.store(), state(rt).laneStates(), AmtOptions.v2())
        .forEach(
            (i, v) -> {
              assertThat(i).isEqualTo(out.size());
              out.add(io.filnode.chain.cbor.CborReader.decodeWhole(v, "lane", LaneState::decode));
            });
    return out;
  }

  private static LaneState lane(long redeemed, long nonce) {
    return new LaneState(TokenAmount.ofAtto(redeemed), nonce);
  }

  private void settle(MockRuntime rt, Address caller) {
    rt.setCaller(caller, ACCOUNT_CODE);
    rt.expectValidateCallerAddr(PAYER, PAYEE);
    assertThat(rt.call(actor, MethodsPaych.SETTLE, null)).isEmpty();
    rt.verify();
  }

  @Nested
  class Constructor {
    @Test
    void createsAnEmptyChannel() {
      // TestPaymentChannelActor_Constructor "can create a payment channel actor"
      MockRuntime rt = runtime();
      construct(rt, PAYER, PAYEE);
      PaychState st = state(rt);
      assertThat(st.from()).isEqualTo(PAYER);
      assertThat(st.to()).isEqualTo(PAYEE);
      assertThat(st.toSend()).isEqualTo(TokenAmount.ZERO);
      assertThat(st.settlingAt()).isZero();
      assertThat(st.minSettleHeight()).isZero();
      assertThat(st.laneStates()).isEqualTo(AdtArray.create(rt.store(), AmtOptions.v2()).flush());
    }

    @Test
    void resolvesKeyAddresses() {
      // "creates a payment channel actor after resolving non-ID addresses to ID addresses"
      MockRuntime rt = runtime();
      rt.addIdAddress(PAYER_KEY, PAYER);
      rt.addIdAddress(PAYEE_KEY, PAYEE);
      construct(rt, PAYER_KEY, PAYEE_KEY);
      assertThat(state(rt).from()).isEqualTo(PAYER);
      assertThat(state(rt).to()).isEqualTo(PAYEE);
    }

    @Test
    void partiesMustBeAccounts() {
      // "fails if target (to) / sender (from) is not account actor"
      MockRuntime rt = runtime();
      rt.setAddressActorType(PAYEE, MULTISIG_CODE);
      assertConstructAborts(rt, ExitCode.ERR_FORBIDDEN, PAYER, PAYEE);
      rt = runtime();
      rt.setAddressActorType(PAYER, MULTISIG_CODE);
      assertConstructAborts(rt, ExitCode.ERR_FORBIDDEN, PAYER, PAYEE);
      // "fails if actor does not exist with: no code for address"
      assertConstructAborts(runtime(), ExitCode.ERR_ILLEGAL_ARGUMENT, PAYER, OTHER);
    }

    @Test
    void unresolvableAddressIsIllegalStateEvenWhenTheSendFails() {
      // "fails if sender addr is not resolvable to ID address": Go wraps the error in
      // ErrIllegalState, so a failed send's own code does not show.
      MockRuntime rt = runtime();
      rt.expectSend(PAYER_KEY, Builtin.METHOD_SEND, null, TokenAmount.ZERO, null, ExitCode.OK);
      assertConstructAborts(rt, ExitCode.ERR_ILLEGAL_STATE, PAYER_KEY, PAYEE);
      rt = runtime();
      rt.expectSend(
          PAYEE_KEY,
          Builtin.METHOD_SEND,
          null,
          TokenAmount.ZERO,
          null,
          ExitCode.SYS_ERR_INVALID_RECEIVER);
      assertConstructAborts(rt, ExitCode.ERR_ILLEGAL_STATE, PAYER, PAYEE_KEY);
    }

    private void assertConstructAborts(MockRuntime rt, int code, Address from, Address to) {
      rt.setCaller(Builtin.INIT_ACTOR_ADDR, INIT_CODE);
      rt.expectValidateCallerType(INIT_CODE);
      rt.expectAbort(
          code, () -> rt.call(actor, MethodsPaych.CONSTRUCTOR, new ConstructorParams(from, to)));
      assertThat(rt.stateRoot()).isNull();
    }
  }

  @Nested
  class CreateLane {
    private MockRuntime channel() {
      MockRuntime rt = runtime();
      rt.setBalance(TokenAmount.ofAtto(9));
      rt.setEpoch(1);
      construct(rt, PAYER, PAYEE);
      return rt;
    }

    private Voucher voucher() {
      Voucher v = new Voucher(0, 0, 1);
      v.timeLockMin = 1;
      v.timeLockMax = 0;
      return v;
    }

    @Test
    void succeeds() {
      // TestPaymentChannelActor_CreateLane "succeeds" and the resolved channel address case
      MockRuntime rt = channel();
      update(rt, PAYEE, voucher(), new byte[0]);
      assertThat(lanes(rt)).containsExactly(lane(1, 0));
      assertThat(state(rt).toSend()).isEqualTo(TokenAmount.ofAtto(1));

      rt = channel();
      Voucher v = voucher();
      v.channel = PAYCH_KEY;
      update(rt, PAYEE, v, new byte[0]);
      assertThat(lanes(rt)).hasSize(1);
    }

    @Test
    void failures() {
      // TestPaymentChannelActor_CreateLane failure cases, all ErrIllegalArgument.
      MockRuntime rt = channel();
      Voucher wrongChannel = voucher();
      wrongChannel.channel = Address.newId(210);
      updateAborts(rt, ExitCode.ERR_ILLEGAL_ARGUMENT, PAYEE, wrongChannel, new byte[0]);
      Voucher unresolvable = voucher();
      unresolvable.channel = Address.newBls(blsKey(1));
      updateAborts(rt, ExitCode.ERR_ILLEGAL_ARGUMENT, PAYEE, unresolvable, new byte[0]);
      Voucher tooMuch = voucher();
      tooMuch.amount = TokenAmount.ofAtto(10);
      updateAborts(rt, ExitCode.ERR_ILLEGAL_ARGUMENT, PAYEE, tooMuch, new byte[0]);
      Voucher negative = voucher();
      negative.amount = TokenAmount.ofAtto(-1);
      updateAborts(rt, ExitCode.ERR_ILLEGAL_ARGUMENT, PAYEE, negative, new byte[0]);
      Voucher unsigned = voucher();
      unsigned.signature = null;
      updateAborts(rt, ExitCode.ERR_ILLEGAL_ARGUMENT, PAYEE, unsigned, new byte[0]);
      Voucher early = voucher();
      early.timeLockMin = 10;
      updateAborts(rt, ExitCode.ERR_ILLEGAL_ARGUMENT, PAYEE, early, new byte[0]);
      rt.setEpoch(10);
      Voucher expired = voucher();
      expired.timeLockMax = 5;
      updateAborts(rt, ExitCode.ERR_ILLEGAL_ARGUMENT, PAYEE, expired, new byte[0]);
      assertThat(lanes(rt)).isEmpty();
    }

    @Test
    void badSignatureFails() {
      // "fails if signature not verified"
      MockRuntime rt = channel();
      SignedVoucher sv = voucher().build();
      rt.setCaller(PAYEE, ACCOUNT_CODE);
      rt.expectValidateCallerAddr(PAYER, PAYEE);
      rt.expectVerifySignature(sv.signature(), PAYER, sv.signingBytes(), false);
      rt.expectAbort(
          ExitCode.ERR_ILLEGAL_ARGUMENT,
          () ->
              rt.call(
                  actor,
                  MethodsPaych.UPDATE_CHANNEL_STATE,
                  new UpdateChannelStateParams(sv, new byte[0])));
    }

    @Test
    void onlyThePartiesMaySubmit() {
      MockRuntime rt = channel();
      rt.setCaller(OTHER, ACCOUNT_CODE);
      rt.expectValidateCallerAddr(PAYER, PAYEE);
      rt.expectAbort(
          ExitCode.SYS_ERR_FORBIDDEN,
          () ->
              rt.call(
                  actor,
                  MethodsPaych.UPDATE_CHANNEL_STATE,
                  new UpdateChannelStateParams(voucher().build(), new byte[0])));
    }

    @Test
    void secretLongerThan256BytesFails() {
      MockRuntime rt = channel();
      rt.setCaller(PAYEE, ACCOUNT_CODE);
      rt.expectValidateCallerAddr(PAYER, PAYEE);
      rt.expectAbort(
          ExitCode.ERR_ILLEGAL_ARGUMENT,
          () ->
              rt.call(
                  actor,
                  MethodsPaych.UPDATE_CHANNEL_STATE,
                  new UpdateChannelStateParams(voucher().build(), new byte[257])));
    }
  }

  @Nested
  class Redeem {
    @Test
    void redeemingUpdatesTheLaneAndToSend() {
      // TestActor_UpdateChannelStateRedeem "redeeming voucher updates correctly with one lane"
      MockRuntime rt = channelWithLanes(1);
      update(rt, PAYEE, new Voucher(0, 2, 9), new byte[0]);
      assertThat(lanes(rt)).containsExactly(lane(9, 2));
      assertThat(state(rt).toSend()).isEqualTo(TokenAmount.ofAtto(9));
    }

    @Test
    void redeemsOnTheVouchersLane() {
      // "redeems voucher for correct lane": lanes redeemed 1, 2, 3; lane 1 goes to 9.
      MockRuntime rt = channelWithLanes(3);
      assertThat(state(rt).toSend()).isEqualTo(TokenAmount.ofAtto(6));
      update(rt, PAYEE, new Voucher(1, 3, 9), new byte[0]);
      assertThat(lanes(rt)).containsExactly(lane(1, 1), lane(9, 3), lane(3, 3));
      assertThat(state(rt).toSend()).isEqualTo(TokenAmount.ofAtto(13));
    }

    @Test
    void reusedNonceFails() {
      // "redeeming voucher fails on nonce reuse"
      MockRuntime rt = channelWithLanes(1);
      updateAborts(rt, ExitCode.ERR_ILLEGAL_ARGUMENT, PAYEE, new Voucher(0, 1, 9), new byte[0]);
    }

    @Test
    void nonceComparesAsUnsigned() {
      // A nonce of 2^63 or more is larger than any smaller one, as Go's uint64.
      MockRuntime rt = channelWithLanes(1);
      update(rt, PAYEE, new Voucher(0, Long.MIN_VALUE, 5), new byte[0]);
      assertThat(lanes(rt)).containsExactly(lane(5, Long.MIN_VALUE));
      updateAborts(rt, ExitCode.ERR_ILLEGAL_ARGUMENT, PAYEE, new Voucher(0, 7, 6), new byte[0]);
    }
  }

  @Nested
  class Merges {
    @Test
    void mergeSucceeds() {
      // TestActor_UpdateChannelStateMergeSuccess: lane 1 merged into lane 0 at nonce 11.
      MockRuntime rt = channelWithLanes(3);
      Voucher v = new Voucher(0, 4, 3);
      v.merges = List.of(new Merge(1, 11));
      update(rt, PAYER, v, new byte[0]);
      assertThat(lanes(rt)).containsExactly(lane(3, 4), lane(2, 11), lane(3, 3));
      // ToSend 6 + (3 - (2 + 1))
      assertThat(state(rt).toSend()).isEqualTo(TokenAmount.ofAtto(6));
    }

    @Test
    void mergeFailures() {
      // TestActor_UpdateChannelStateMergeFailure cases
      assertMergeFails(1, 10, 1, 0);
      // Lane 1 is at nonce 2: merging it at the same nonce is outdated too.
      assertMergeFails(1, 10, 2, 0);
      assertMergeFails(1, 0, 10, 0);
      assertMergeFails(1, 10, 10, 1);
      assertMergeFails(0, 10, 10, 0);
      assertMergeFails(999, 10, 10, 0);
    }

    private void assertMergeFails(
        long mergeLane, long voucherNonce, long mergeNonce, long balance) {
      MockRuntime rt = channelWithLanes(2);
      if (balance > 0) {
        rt.setBalance(TokenAmount.ofAtto(balance));
      }
      Voucher v = new Voucher(0, voucherNonce, 2);
      v.merges = List.of(new Merge(mergeLane, mergeNonce));
      updateAborts(rt, ExitCode.ERR_ILLEGAL_ARGUMENT, PAYER, v, new byte[0]);
    }

    @Test
    void laneIdOverMaxFails() {
      // "Lane ID over max fails": lane 2^63
      MockRuntime rt = channelWithLanes(1);
      updateAborts(
          rt,
          ExitCode.ERR_ILLEGAL_ARGUMENT,
          PAYER,
          new Voucher(Long.MIN_VALUE, 2, 100),
          new byte[0]);
    }
  }

  @Nested
  class Extra {
    private final byte[] cborTrue = {(byte) 0xf5};

    private Voucher voucherWithExtra() {
      Voucher v = new Voucher(0, 2, 1);
      v.extra = new ModVerifyParams(OTHER, MethodsPaych.UPDATE_CHANNEL_STATE, cborTrue);
      return v;
    }

    @Test
    void extraCallMustSucceed() {
      // TestActor_UpdateChannelStateExtra
      MockRuntime rt = channelWithLanes(1);
      rt.expectSend(
          OTHER,
          MethodsPaych.UPDATE_CHANNEL_STATE,
          new RawBytes(cborTrue),
          TokenAmount.ZERO,
          null,
          ExitCode.OK);
      update(rt, PAYER, voucherWithExtra(), new byte[0]);

      rt = channelWithLanes(1);
      rt.expectSend(
          OTHER,
          MethodsPaych.UPDATE_CHANNEL_STATE,
          new RawBytes(cborTrue),
          TokenAmount.ZERO,
          null,
          ExitCode.ERR_ILLEGAL_ARGUMENT);
      updateAborts(rt, ExitCode.ERR_ILLEGAL_ARGUMENT, PAYER, voucherWithExtra(), new byte[0]);
    }

    @Test
    void secretMustHashToThePreimage() {
      // TestActor_UpdateChannelStateSecretPreimage, with a hasher that pads the data with 'X'.
      MockRuntime rt = channelWithLanes(1);
      rt.setHasher(
          data -> {
            byte[] out = new byte[32];
            Arrays.fill(out, (byte) 'X');
            System.arraycopy(data, 0, out, 0, Math.min(32, data.length));
            return out;
          });
      byte[] secret = "Profesr".getBytes(StandardCharsets.US_ASCII);
      Voucher good = new Voucher(0, 2, 1);
      good.secretPreimage = "ProfesrXXXXXXXXXXXXXXXXXXXXXXXXX".getBytes(StandardCharsets.US_ASCII);
      update(rt, PAYER, good, secret);
      Voucher bad = new Voucher(0, 3, 1);
      bad.secretPreimage = Arrays.copyOf("Magneto".getBytes(StandardCharsets.US_ASCII), 32);
      updateAborts(rt, ExitCode.ERR_ILLEGAL_ARGUMENT, PAYER, bad, secret);
    }
  }

  @Nested
  class Settling {
    @Test
    void minSettleHeightOnlyEverDelays() {
      // TestActor_UpdateChannelStateSettling: settled at 10 + 1440.
      MockRuntime rt = channelWithLanes(1);
      rt.setEpoch(10);
      settle(rt, PAYER);
      long settlingAt = 10 + PaychActor.SETTLE_DELAY;
      assertThat(state(rt).settlingAt()).isEqualTo(settlingAt);
      long[][] cases = {
        // voucher MinSettleHeight, expected SettlingAt, expected MinSettleHeight
        {0, settlingAt, 0},
        {2, settlingAt, 2},
        {12, settlingAt, 12},
        {settlingAt + 1, settlingAt + 1, settlingAt + 1},
      };
      long nonce = 2;
      for (long[] c : cases) {
        Voucher v = new Voucher(0, nonce++, 1);
        v.minSettleHeight = c[0];
        update(rt, PAYER, v, new byte[0]);
        assertThat(state(rt).settlingAt()).isEqualTo(c[1]);
        assertThat(state(rt).minSettleHeight()).isEqualTo(c[2]);
      }
    }

    @Test
    void settleAdjustsSettlingAtOnce() {
      // TestActor_Settle "Settle adjusts SettlingAt" and "settle fails if called twice"
      MockRuntime rt = channelWithLanes(1);
      rt.setEpoch(10);
      settle(rt, PAYEE);
      assertThat(state(rt).settlingAt()).isEqualTo(10 + PaychActor.SETTLE_DELAY);
      rt.setCaller(PAYER, ACCOUNT_CODE);
      rt.expectValidateCallerAddr(PAYER, PAYEE);
      rt.expectAbort(ExitCode.ERR_ILLEGAL_STATE, () -> rt.call(actor, MethodsPaych.SETTLE, null));
    }

    @Test
    void settleWaitsForMinSettleHeight() {
      // TestActor_Settle "Settle changes SettleHeight again if MinSettleHeight is less"
      MockRuntime rt = channelWithLanes(1);
      rt.setEpoch(10);
      Voucher v = new Voucher(0, 2, 1);
      v.minSettleHeight = 10 + PaychActor.SETTLE_DELAY + 1;
      update(rt, PAYER, v, new byte[0]);
      assertThat(state(rt).settlingAt()).isZero();
      settle(rt, PAYER);
      assertThat(state(rt).settlingAt()).isEqualTo(v.minSettleHeight);
    }

    @Test
    void voucherRejectedAfterSettling() {
      // TestActor_Settle "Voucher invalid after settling"
      MockRuntime rt = channelWithLanes(1);
      rt.setEpoch(10);
      settle(rt, PAYER);
      rt.setEpoch(state(rt).settlingAt() + 40);
      Voucher v = new Voucher(0, 2, 1);
      v.timeLockMin = 0;
      rt.setCaller(PAYER, ACCOUNT_CODE);
      rt.expectValidateCallerAddr(PAYER, PAYEE);
      rt.expectAbort(
          PaychActor.ERR_CHANNEL_STATE_UPDATE_AFTER_SETTLED,
          () ->
              rt.call(
                  actor,
                  MethodsPaych.UPDATE_CHANNEL_STATE,
                  new UpdateChannelStateParams(v.build(), new byte[0])));
    }
  }

  @Nested
  class Collect {
    @Test
    void collectPaysThePayeeAndDeletesTheChannel() {
      // TestActor_Collect "Happy path"
      MockRuntime rt = channelWithLanes(1);
      rt.setEpoch(10);
      settle(rt, PAYER);
      PaychState st = state(rt);
      rt.setEpoch(st.settlingAt() + 1);
      rt.setCaller(PAYER, ACCOUNT_CODE);
      rt.expectValidateCallerAddr(PAYER, PAYEE);
      rt.expectSend(PAYEE, Builtin.METHOD_SEND, null, st.toSend(), null, ExitCode.OK);
      rt.expectDeleteActor(PAYER);
      assertThat(rt.call(actor, MethodsPaych.COLLECT, null)).isEmpty();
      rt.verify();
      assertThat(rt.balance()).isEqualTo(TokenAmount.ofAtto(100_000 - 1));
    }

    @Test
    void collectFailures() {
      // TestActor_Collect failure cases
      MockRuntime rt = channelWithLanes(1);
      rt.setCaller(PAYER, ACCOUNT_CODE);
      rt.expectValidateCallerAddr(PAYER, PAYEE);
      rt.expectAbort(ExitCode.ERR_FORBIDDEN, () -> rt.call(actor, MethodsPaych.COLLECT, null));

      rt.setEpoch(10);
      settle(rt, PAYER);
      rt.setEpoch(10 + PaychActor.SETTLE_DELAY - 1);
      rt.expectValidateCallerAddr(PAYER, PAYEE);
      rt.expectAbort(ExitCode.ERR_FORBIDDEN, () -> rt.call(actor, MethodsPaych.COLLECT, null));

      rt.setEpoch(10 + PaychActor.SETTLE_DELAY);
      rt.expectValidateCallerAddr(PAYER, PAYEE);
      rt.expectSend(
          PAYEE,
          Builtin.METHOD_SEND,
          null,
          TokenAmount.ofAtto(1),
          null,
          ExitCode.ERR_ILLEGAL_ARGUMENT);
      rt.expectAbort(
          ExitCode.ERR_ILLEGAL_ARGUMENT, () -> rt.call(actor, MethodsPaych.COLLECT, null));
    }
  }

  @Test
  void signingBytesLeaveOutTheSignature() {
    SignedVoucher signed = new Voucher(3, 4, 5).build();
    SignedVoucher unsigned =
        new SignedVoucher(
            signed.channelAddr(),
            signed.timeLockMin(),
            signed.timeLockMax(),
            signed.secretPreimage(),
            signed.extra(),
            signed.lane(),
            signed.nonce(),
            signed.amount(),
            signed.minSettleHeight(),
            signed.merges(),
            null);
    assertThat(signed.signingBytes()).isEqualTo(unsigned.toCbor());
    byte[] encoded = unsigned.toCbor();
    assertThat(encoded[encoded.length - 1]).isEqualTo((byte) 0xf6);
    assertThat(signed.toCbor()).isNotEqualTo(encoded);
  }
}
