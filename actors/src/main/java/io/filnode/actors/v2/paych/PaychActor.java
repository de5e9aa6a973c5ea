package io.filnode.actors.v2.paych;

import io.filnode.actors.builtin.AddressResolutionException;
import io.filnode.actors.builtin.Addresses;
import io.filnode.actors.builtin.Builtin;
import io.filnode.actors.builtin.Params;
import io.filnode.actors.builtin.RawBytes;
import io.filnode.actors.runtime.ActorCode;
import io.filnode.actors.runtime.ActorException;
import io.filnode.actors.runtime.ExitCode;
import io.filnode.actors.runtime.Runtime;
import io.filnode.actors.runtime.SyscallException;
import io.filnode.actors.util.adt.AdtArray;
import io.filnode.chain.address.Address;
import io.filnode.chain.amt.AmtOptions;
import io.filnode.chain.cid.Cid;
import io.filnode.chain.state.ActorKind;
import io.filnode.chain.state.BuiltinActors;
import io.filnode.chain.types.TokenAmount;
import java.util.Arrays;
import java.util.Optional;

/**
 * The specs-actors v2 payment channel actor. The party that did not sign a voucher submits it;
 * vouchers on a lane must have increasing nonces, and a voucher may merge other lanes into its own.
 * After Settle, either party may Collect once the settling epoch is reached: the payee gets what
 * was redeemed and the payer the rest, as the actor is deleted.
 */
public final class PaychActor implements ActorCode {
  /** Exit code of a voucher submitted once the channel has settled. */
  public static final int ERR_CHANNEL_STATE_UPDATE_AFTER_SETTLED =
      ExitCode.FIRST_ACTOR_SPECIFIC_EXIT_CODE;

  /** Epochs between Settle and the earliest Collect: 12 hours of 30-second epochs. */
  public static final long SETTLE_DELAY = 120 * 12;

  /** The most bytes a redeemer's secret may have. */
  public static final int MAX_SECRET_SIZE = 256;

  private static final Cid ACCOUNT_CODE = BuiltinActors.codeCid(ActorKind.ACCOUNT, 2);
  private static final Cid INIT_CODE = BuiltinActors.codeCid(ActorKind.INIT, 2);
  private static final byte[] NONE = new byte[0];

  @Override
  public byte[] invoke(Runtime rt, long method, byte[] params) {
    if (method == Builtin.MethodsPaych.CONSTRUCTOR) {
      constructor(rt, Params.decode(rt, params, ConstructorParams::decode));
    } else if (method == Builtin.MethodsPaych.UPDATE_CHANNEL_STATE) {
      updateChannelState(rt, Params.decode(rt, params, UpdateChannelStateParams::decode));
    } else if (method == Builtin.MethodsPaych.SETTLE) {
      settle(rt);
    } else if (method == Builtin.MethodsPaych.COLLECT) {
      collect(rt);
    } else {
      throw new ActorException(
          ExitCode.SYS_ERR_INVALID_METHOD, "invalid method " + Long.toUnsignedString(method));
    }
    return NONE;
  }

  void constructor(Runtime rt, ConstructorParams params) {
    // Only the init actor creates channels, on behalf of the payer.
    rt.validateImmediateCallerType(INIT_CODE);
    // Both parties must be able to sign vouchers, i.e. be accounts.
    Address to = resolveAccount(rt, params.to());
    Address from = resolveAccount(rt, params.from());
    Cid emptyLanes = AdtArray.create(rt.store(), AmtOptions.v2()).flush();
    rt.stateCreate(new PaychState(from, to, TokenAmount.ZERO, 0, 0, emptyLanes));
  }

  /** The ID address of {@code raw}, which must be an account actor. */
  private static Address resolveAccount(Runtime rt, Address raw) {
    Address resolved;
    try {
      resolved = Addresses.resolveToIdAddr(rt, raw);
    } catch (AddressResolutionException e) {
      // Go wraps the resolution error in ErrIllegalState, which hides a failed send's code.
      throw new ActorException(
          ExitCode.ERR_ILLEGAL_STATE, "failed to resolve address " + raw + ": " + e.getMessage());
    }
    Optional<Cid> code = rt.getActorCodeCid(resolved);
    if (code.isEmpty()) {
      throw new ActorException(ExitCode.ERR_ILLEGAL_ARGUMENT, "no code for address " + resolved);
    }
    if (!code.get().equals(ACCOUNT_CODE)) {
      throw new ActorException(
          ExitCode.ERR_FORBIDDEN, "actor " + raw + " must be an account, was " + code.get());
    }
    return resolved;
  }

  void updateChannelState(Runtime rt, UpdateChannelStateParams params) {
    PaychState st = rt.stateReadonly(PaychState::decode);
    // Both parties sign: the submitter by sending the message, the other on the voucher.
    rt.validateImmediateCallerIs(st.from(), st.to());
    Address signer = rt.caller().equals(st.from()) ? st.to() : st.from();
    SignedVoucher sv = params.sv();

    if (sv.signature() == null) {
      throw illegalArgument("voucher has no signature");
    }
    if (st.settlingAt() != 0 && rt.currEpoch() >= st.settlingAt()) {
      throw new ActorException(
          ERR_CHANNEL_STATE_UPDATE_AFTER_SETTLED,
          "no vouchers can be processed after SettlingAt epoch");
    }
    byte[] secret = params.secret();
    if (secret.length > MAX_SECRET_SIZE) {
      throw illegalArgument("secret must be at most 256 bytes long");
    }
    try {
      rt.verifySignature(sv.signature(), signer, sv.signingBytes());
    } catch (SyscallException e) {
      throw new ActorException(
          ExitCode.ERR_ILLEGAL_ARGUMENT, "voucher signature invalid: " + e.getMessage(), e);
    }
    Address channel =
        rt.resolveAddress(sv.channelAddr())
            .orElseThrow(
                () ->
                    illegalArgument(
                        "voucher payment channel address "
                            + sv.channelAddr()
                            + " does not resolve to an ID address"));
    if (!channel.equals(rt.receiver())) {
      throw illegalArgument(
          "voucher payment channel address " + channel + " does not match receiver");
    }
    if (rt.currEpoch() < sv.timeLockMin()) {
      throw illegalArgument("cannot use this voucher yet!");
    }
    if (sv.timeLockMax() != 0 && rt.currEpoch() > sv.timeLockMax()) {
      throw illegalArgument("this voucher has expired!");
    }
    if (sv.amount().signum() < 0) {
      throw illegalArgument("voucher amount must be non-negative, was " + sv.amount());
    }
    if (sv.secretPreimage().length > 0
        && !Arrays.equals(rt.hashBlake2b(secret), sv.secretPreimage())) {
      throw illegalArgument("incorrect secret!");
    }
    if (sv.extra() != null) {
      ModVerifyParams extra = sv.extra();
      rt.send(extra.actor(), extra.method(), new RawBytes(extra.data()), TokenAmount.ZERO)
          .requireSuccess("spend voucher verification failed");
    }

    rt.stateTransaction(
        PaychState::decode,
        s -> {
          redeem(rt, s, sv);
          return null;
        });
  }

  /** Applies the voucher to the lanes and to ToSend (the body of UpdateChannelState's write). */
  private static void redeem(Runtime rt, PaychState st, SignedVoucher sv) {
    AdtArray lanes = AdtArray.load(rt.store(), st.laneStates(), AmtOptions.v2());
    LaneState lane = findLane(lanes, sv.lane());
    if (lane == null) {
      lane = new LaneState(TokenAmount.ZERO, 0);
    } else if (Long.compareUnsigned(lane.nonce(), sv.nonce()) >= 0) {
      throw illegalArgument(
          "voucher has an outdated nonce, existing nonce: "
              + Long.toUnsignedString(lane.nonce())
              + ", voucher nonce: "
              + Long.toUnsignedString(sv.nonce())
              + ", cannot redeem");
    }

    // What the merged lanes already redeemed counts against this voucher's amount.
    TokenAmount redeemedFromOthers = TokenAmount.ZERO;
    for (Merge merge : sv.merges()) {
      if (merge.lane() == sv.lane()) {
        throw illegalArgument("voucher cannot merge lanes into its own lane");
      }
      LaneState other = findLane(lanes, merge.lane());
      if (other == null) {
        throw illegalArgument(
            "voucher specifies invalid merge lane " + Long.toUnsignedString(merge.lane()));
      }
      if (Long.compareUnsigned(other.nonce(), merge.nonce()) >= 0) {
        throw illegalArgument("merged lane in voucher has outdated nonce, cannot redeem");
      }
      redeemedFromOthers = redeemedFromOthers.add(other.redeemed());
      lanes.set(merge.lane(), new LaneState(other.redeemed(), merge.nonce()));
    }

    TokenAmount balanceDelta = sv.amount().subtract(redeemedFromOthers.add(lane.redeemed()));
    LaneState updated = new LaneState(sv.amount(), sv.nonce());
    TokenAmount newSendBalance = st.toSend().add(balanceDelta);
    if (newSendBalance.signum() < 0) {
      throw illegalArgument("voucher would leave channel balance negative");
    }
    if (newSendBalance.compareTo(rt.currentBalance()) > 0) {
      throw illegalArgument("not enough funds in channel to cover voucher");
    }
    st.setToSend(newSendBalance);

    // A voucher may push settlement later, never earlier.
    long minSettle = sv.minSettleHeight();
    if (minSettle != 0) {
      if (st.settlingAt() != 0 && st.settlingAt() < minSettle) {
        st.setSettlingAt(minSettle);
      }
      if (st.minSettleHeight() < minSettle) {
        st.setMinSettleHeight(minSettle);
      }
    }

    lanes.set(sv.lane(), updated);
    st.setLaneStates(lanes.flush());
  }

  /** The lane's state, or null when it has none; lane IDs above 2^63-1 are refused. */
  private static LaneState findLane(AdtArray lanes, long id) {
    if (id < 0) {
      throw illegalArgument("maximum lane ID is 2^63-1");
    }
    return lanes.get(id, LaneState::decode);
  }

  void settle(Runtime rt) {
    rt.stateTransaction(
        PaychState::decode,
        st -> {
          rt.validateImmediateCallerIs(st.from(), st.to());
          if (st.settlingAt() != 0) {
            throw new ActorException(ExitCode.ERR_ILLEGAL_STATE, "channel already settling");
          }
          st.setSettlingAt(Math.max(rt.currEpoch() + SETTLE_DELAY, st.minSettleHeight()));
          return null;
        });
  }

  void collect(Runtime rt) {
    PaychState st = rt.stateReadonly(PaychState::decode);
    rt.validateImmediateCallerIs(st.from(), st.to());
    if (st.settlingAt() == 0 || rt.currEpoch() < st.settlingAt()) {
      throw new ActorException(ExitCode.ERR_FORBIDDEN, "payment channel not settling or settled");
    }
    rt.send(st.to(), Builtin.METHOD_SEND, null, st.toSend())
        .requireSuccess("Failed to send funds to `To`");
    // Deleting the actor returns the rest of the balance to the payer.
    rt.deleteActor(st.from());
  }

  private static ActorException illegalArgument(String message) {
    return new ActorException(ExitCode.ERR_ILLEGAL_ARGUMENT, message);
  }
}
