package io.filnode.actors.v2.multisig;

import io.filnode.actors.builtin.AddressResolutionException;
import io.filnode.actors.builtin.Addresses;
import io.filnode.actors.builtin.Builtin;
import io.filnode.actors.builtin.Params;
import io.filnode.actors.builtin.RawBytes;
import io.filnode.actors.runtime.ActorCode;
import io.filnode.actors.runtime.ActorException;
import io.filnode.actors.runtime.ExitCode;
import io.filnode.actors.runtime.Runtime;
import io.filnode.actors.runtime.SendResult;
import io.filnode.actors.util.adt.AdtMap;
import io.filnode.actors.util.adt.Keys;
import io.filnode.chain.address.Address;
import io.filnode.chain.cid.Cid;
import io.filnode.chain.state.ActorKind;
import io.filnode.chain.state.BuiltinActors;
import io.filnode.chain.types.TokenAmount;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The specs-actors v2 multisig actor. Signers propose calls; a call runs once {@code
 * NumApprovalsThreshold} signers approved it and the unlocked balance covers its value. Signer
 * management methods may only be called by the wallet itself, i.e. through an approved proposal.
 */
public final class MultisigActor implements ActorCode {
  /** The most signers a multisig may have. */
  public static final int SIGNERS_MAX = 256;

  /** builtin.CallerTypesSignable: the actors that hold keys or are multisigs. */
  private static final Cid[] CALLER_TYPES_SIGNABLE = {
    BuiltinActors.codeCid(ActorKind.ACCOUNT, 2), BuiltinActors.codeCid(ActorKind.MULTISIG, 2)
  };

  private static final byte[] NONE = new byte[0];

  @Override
  public byte[] invoke(Runtime rt, long method, byte[] params) {
    if (method == Builtin.MethodsMultisig.CONSTRUCTOR) {
      constructor(rt, Params.decode(rt, params, ConstructorParams::decode));
      return NONE;
    } else if (method == Builtin.MethodsMultisig.PROPOSE) {
      return propose(rt, Params.decode(rt, params, ProposeParams::decode)).toCbor();
    } else if (method == Builtin.MethodsMultisig.APPROVE) {
      return approve(rt, Params.decode(rt, params, TxnIdParams::decode)).toCbor();
    } else if (method == Builtin.MethodsMultisig.CANCEL) {
      cancel(rt, Params.decode(rt, params, TxnIdParams::decode));
      return NONE;
    } else if (method == Builtin.MethodsMultisig.ADD_SIGNER) {
      addSigner(rt, Params.decode(rt, params, AddSignerParams::decode));
      return NONE;
    } else if (method == Builtin.MethodsMultisig.REMOVE_SIGNER) {
      removeSigner(rt, Params.decode(rt, params, RemoveSignerParams::decode));
      return NONE;
    } else if (method == Builtin.MethodsMultisig.SWAP_SIGNER) {
      swapSigner(rt, Params.decode(rt, params, SwapSignerParams::decode));
      return NONE;
    } else if (method == Builtin.MethodsMultisig.CHANGE_NUM_APPROVALS_THRESHOLD) {
      changeNumApprovalsThreshold(
          rt, Params.decode(rt, params, ChangeNumApprovalsThresholdParams::decode));
      return NONE;
    } else if (method == Builtin.MethodsMultisig.LOCK_BALANCE) {
      lockBalance(rt, Params.decode(rt, params, LockBalanceParams::decode));
      return NONE;
    }
    throw new ActorException(
        ExitCode.SYS_ERR_INVALID_METHOD, "invalid method " + Long.toUnsignedString(method));
  }

  void constructor(Runtime rt, ConstructorParams params) {
    rt.validateImmediateCallerIs(Builtin.INIT_ACTOR_ADDR);
    List<Address> signers = params.signers();
    if (signers.isEmpty()) {
      throw abort(ExitCode.ERR_ILLEGAL_ARGUMENT, "must have at least one signer");
    }
    if (signers.size() > SIGNERS_MAX) {
      throw abort(ExitCode.ERR_ILLEGAL_ARGUMENT, "cannot add more than 256 signers");
    }
    // Resolve every signer (possibly creating its account) and refuse duplicates.
    List<Address> resolvedSigners = new ArrayList<>(signers.size());
    Set<Address> seen = new HashSet<>();
    for (Address signer : signers) {
      Address resolved = resolve(rt, signer);
      if (!seen.add(resolved)) {
        throw abort(ExitCode.ERR_ILLEGAL_ARGUMENT, "duplicate signer not allowed: " + signer);
      }
      resolvedSigners.add(resolved);
    }
    if (Long.compareUnsigned(params.numApprovalsThreshold(), signers.size()) > 0) {
      throw abort(ExitCode.ERR_ILLEGAL_ARGUMENT, "must not require more approvals than signers");
    }
    if (params.numApprovalsThreshold() == 0) {
      throw abort(ExitCode.ERR_ILLEGAL_ARGUMENT, "must require at least one approval");
    }
    if (params.unlockDuration() < 0) {
      throw abort(ExitCode.ERR_ILLEGAL_ARGUMENT, "negative unlock duration disallowed");
    }
    Cid pending = AdtMap.create(rt.store(), BuiltinActors.hamtOptions(2)).flush();
    MultisigState st =
        new MultisigState(
            resolvedSigners, params.numApprovalsThreshold(), 0, TokenAmount.ZERO, 0, 0, pending);
    if (params.unlockDuration() != 0) {
      st.setLocked(params.startEpoch(), params.unlockDuration(), rt.valueReceived());
    }
    rt.stateCreate(st);
  }

  ProposeReturn propose(Runtime rt, ProposeParams params) {
    rt.validateImmediateCallerType(CALLER_TYPES_SIGNABLE);
    Address proposer = rt.caller();
    if (params.value().signum() < 0) {
      throw abort(
          ExitCode.ERR_ILLEGAL_ARGUMENT,
          "proposed value must be non-negative, was " + params.value().toAttoString());
    }
    Pending proposed =
        rt.stateTransaction(
            MultisigState::decode,
            st -> {
              requireSigner(st, proposer);
              AdtMap ptx = MultisigState.loadPending(rt.store(), st.pendingTxns());
              long txnId = st.nextTxnId();
              st.setNextTxnId(txnId + 1);
              Transaction txn =
                  new Transaction(
                      params.to(), params.value(), params.method(), params.params(), List.of());
              ptx.put(Keys.signed(txnId), txn);
              st.setPendingTxns(ptx.flush());
              return new Pending(txnId, txn);
            });
    Outcome outcome = approveTransaction(rt, proposed.id(), proposed.txn());
    // The ID may change under a reorg; approvers can pin the proposal by its hash instead.
    return new ProposeReturn(proposed.id(), outcome.applied(), outcome.code(), outcome.ret());
  }

  ApproveReturn approve(Runtime rt, TxnIdParams params) {
    rt.validateImmediateCallerType(CALLER_TYPES_SIGNABLE);
    Address caller = rt.caller();
    Pending found =
        rt.stateTransaction(
            MultisigState::decode,
            st -> {
              requireSigner(st, caller);
              AdtMap ptx = MultisigState.loadPending(rt.store(), st.pendingTxns());
              Transaction txn = getTransaction(rt, ptx, params);
              return new Pending(params.id(), txn, st);
            });
    // A transaction that already has enough approvals (the threshold was lowered) runs without
    // recording this approval.
    Outcome outcome = executeTransactionIfApproved(rt, found.state(), params.id(), found.txn());
    if (!outcome.applied()) {
      outcome = approveTransaction(rt, params.id(), found.txn());
    }
    return new ApproveReturn(outcome.applied(), outcome.code(), outcome.ret());
  }

  void cancel(Runtime rt, TxnIdParams params) {
    rt.validateImmediateCallerType(CALLER_TYPES_SIGNABLE);
    Address caller = rt.caller();
    rt.stateTransaction(
        MultisigState::decode,
        st -> {
          requireSigner(st, caller);
          AdtMap ptx = MultisigState.loadPending(rt.store(), st.pendingTxns());
          Transaction txn = getPendingTransaction(ptx, params.id(), "cancel");
          if (!txn.approved().get(0).equals(caller)) {
            throw abort(ExitCode.ERR_FORBIDDEN, "Cannot cancel another signers transaction");
          }
          byte[] hash = computeProposalHash(rt, txn);
          if (params.hasProposalHash() && !Arrays.equals(params.proposalHash(), hash)) {
            // Cancel reports a mismatch as ErrIllegalState, where Approve uses ErrIllegalArgument.
            throw abort(
                ExitCode.ERR_ILLEGAL_STATE,
                "hash does not match proposal params (ensure requester is an ID address)");
          }
          if (!ptx.delete(Keys.signed(params.id()))) {
            throw abort(ExitCode.ERR_ILLEGAL_STATE, "failed to delete pending transaction");
          }
          st.setPendingTxns(ptx.flush());
          return null;
        });
  }

  void addSigner(Runtime rt, AddSignerParams params) {
    rt.validateImmediateCallerIs(rt.receiver());
    Address newSigner = resolve(rt, params.signer());
    rt.stateTransaction(
        MultisigState::decode,
        st -> {
          if (st.signers().size() >= SIGNERS_MAX) {
            throw abort(ExitCode.ERR_FORBIDDEN, "cannot add more than 256 signers");
          }
          if (st.isSigner(newSigner)) {
            throw abort(ExitCode.ERR_FORBIDDEN, newSigner + " is already a signer");
          }
          List<Address> signers = new ArrayList<>(st.signers());
          signers.add(newSigner);
          st.setSigners(signers);
          if (params.increase()) {
            st.setNumApprovalsThreshold(st.numApprovalsThreshold() + 1);
          }
          return null;
        });
  }

  void removeSigner(Runtime rt, RemoveSignerParams params) {
    rt.validateImmediateCallerIs(rt.receiver());
    Address oldSigner = resolve(rt, params.signer());
    rt.stateTransaction(
        MultisigState::decode,
        st -> {
          if (!st.isSigner(oldSigner)) {
            throw abort(ExitCode.ERR_FORBIDDEN, oldSigner + " is not a signer");
          }
          int count = st.signers().size();
          if (count == 1) {
            throw abort(ExitCode.ERR_FORBIDDEN, "cannot remove only signer");
          }
          List<Address> remaining = new ArrayList<>(count);
          for (Address s : st.signers()) {
            if (!s.equals(oldSigner)) {
              remaining.add(s);
            }
          }
          long threshold = st.numApprovalsThreshold();
          // Removing a signer may not leave fewer signers than the threshold unless it drops too.
          if (!params.decrease() && Long.compareUnsigned(count - 1, threshold) < 0) {
            throw abort(
                ExitCode.ERR_ILLEGAL_ARGUMENT,
                "can't reduce signers to "
                    + (count - 1)
                    + " below threshold "
                    + Long.toUnsignedString(threshold)
                    + " with decrease=false");
          }
          if (params.decrease()) {
            if (Long.compareUnsigned(threshold, 2) < 0) {
              throw abort(
                  ExitCode.ERR_ILLEGAL_ARGUMENT, "can't decrease approvals from " + threshold);
            }
            st.setNumApprovalsThreshold(threshold - 1);
          }
          st.purgeApprovals(rt.store(), oldSigner);
          st.setSigners(remaining);
          return null;
        });
  }

  void swapSigner(Runtime rt, SwapSignerParams params) {
    rt.validateImmediateCallerIs(rt.receiver());
    Address from = resolve(rt, params.from());
    Address to = resolve(rt, params.to());
    rt.stateTransaction(
        MultisigState::decode,
        st -> {
          if (!st.isSigner(from)) {
            throw abort(ExitCode.ERR_FORBIDDEN, "from addr " + from + " is not a signer");
          }
          if (st.isSigner(to)) {
            throw abort(ExitCode.ERR_ILLEGAL_ARGUMENT, to + " already a signer");
          }
          List<Address> signers = new ArrayList<>(st.signers().size());
          for (Address s : st.signers()) {
            if (!s.equals(from)) {
              signers.add(s);
            }
          }
          signers.add(to);
          st.setSigners(signers);
          st.purgeApprovals(rt.store(), from);
          return null;
        });
  }

  void changeNumApprovalsThreshold(Runtime rt, ChangeNumApprovalsThresholdParams params) {
    rt.validateImmediateCallerIs(rt.receiver());
    rt.stateTransaction(
        MultisigState::decode,
        st -> {
          long threshold = params.newThreshold();
          if (threshold == 0 || Long.compareUnsigned(threshold, st.signers().size()) > 0) {
            throw abort(ExitCode.ERR_ILLEGAL_ARGUMENT, "New threshold value not supported");
          }
          st.setNumApprovalsThreshold(threshold);
          return null;
        });
  }

  void lockBalance(Runtime rt, LockBalanceParams params) {
    rt.validateImmediateCallerIs(rt.receiver());
    if (params.unlockDuration() <= 0) {
      // A zero duration would work but lock nothing, so it is refused as a probable mistake.
      throw abort(ExitCode.ERR_ILLEGAL_ARGUMENT, "unlock duration must be positive");
    }
    if (rt.networkVersion() >= 7 && params.amount().signum() < 0) {
      throw abort(ExitCode.ERR_ILLEGAL_ARGUMENT, "amount to lock must be positive");
    }
    rt.stateTransaction(
        MultisigState::decode,
        st -> {
          if (st.unlockDuration() != 0) {
            throw abort(ExitCode.ERR_FORBIDDEN, "modification of unlock disallowed");
          }
          st.setLocked(params.startEpoch(), params.unlockDuration(), params.amount());
          return null;
        });
  }

  /** Records the caller's approval of {@code txn}, then runs it if that met the threshold. */
  private Outcome approveTransaction(Runtime rt, long txnId, Transaction txn) {
    Address caller = rt.caller();
    if (txn.approved().contains(caller)) {
      throw abort(ExitCode.ERR_FORBIDDEN, caller + " already approved this message");
    }
    Transaction approved = txn.withApproval(caller);
    MultisigState after =
        rt.stateTransaction(
            MultisigState::decode,
            st -> {
              AdtMap ptx = MultisigState.loadPending(rt.store(), st.pendingTxns());
              ptx.put(Keys.signed(txnId), approved);
              st.setPendingTxns(ptx.flush());
              return st;
            });
    return executeTransactionIfApproved(rt, after, txnId, approved);
  }

  /**
   * Sends {@code txn} and removes it from the pending ones when it has enough approvals and the
   * unlocked balance covers it; the inner call's failure does not abort this one.
   */
  private static Outcome executeTransactionIfApproved(
      Runtime rt, MultisigState st, long txnId, Transaction txn) {
    int nv = rt.networkVersion();
    if (Long.compareUnsigned(txn.approved().size(), st.numApprovalsThreshold()) < 0) {
      return new Outcome(false, ExitCode.OK, NONE);
    }
    String unavailable = st.checkAvailable(rt.currentBalance(), txn.value(), rt.currEpoch());
    if (unavailable != null) {
      throw abort(ExitCode.ERR_INSUFFICIENT_FUNDS, "insufficient funds unlocked: " + unavailable);
    }
    SendResult sent = rt.send(txn.to(), txn.method(), new RawBytes(txn.params()), txn.value());
    rt.stateTransaction(
        MultisigState::decode,
        s -> {
          AdtMap ptx = MultisigState.loadPending(rt.store(), s.pendingTxns());
          byte[] key = Keys.signed(txnId);
          // From network version 6 a transaction purged meanwhile (its proposer was removed by
          // this very call) is skipped instead of failing the delete.
          boolean shouldDelete = nv < 6 || ptx.has(key);
          if (shouldDelete && !ptx.delete(key)) {
            throw abort(ExitCode.ERR_ILLEGAL_STATE, "failed to delete transaction for cleanup");
          }
          s.setPendingTxns(ptx.flush());
          return null;
        });
    return new Outcome(true, sent.exitCode(), sent.returnValue());
  }

  /**
   * The pending transaction to approve. Its hash is computed (through the syscall) even when the
   * caller gave none to compare, as Go does.
   */
  private static Transaction getTransaction(Runtime rt, AdtMap ptx, TxnIdParams params) {
    Transaction txn = getPendingTransaction(ptx, params.id(), "approval");
    byte[] hash = computeProposalHash(rt, txn);
    if (params.hasProposalHash() && !Arrays.equals(params.proposalHash(), hash)) {
      throw abort(
          ExitCode.ERR_ILLEGAL_ARGUMENT,
          "hash does not match proposal params (ensure requester is an ID address)");
    }
    return txn;
  }

  private static Transaction getPendingTransaction(AdtMap ptx, long txnId, String purpose) {
    Transaction txn = ptx.get(Keys.signed(txnId), Transaction::decode);
    if (txn == null) {
      throw abort(
          ExitCode.ERR_NOT_FOUND,
          "failed to get transaction for " + purpose + ": failed to find transaction " + txnId);
    }
    return txn;
  }

  /** BLAKE2b-256 of the transaction's {@link ProposalHashData}, through the hashing syscall. */
  public static byte[] computeProposalHash(Runtime rt, Transaction txn) {
    return rt.hashBlake2b(ProposalHashData.of(txn).toCbor());
  }

  private static void requireSigner(MultisigState st, Address address) {
    if (!st.isSigner(address)) {
      throw abort(ExitCode.ERR_FORBIDDEN, address + " is not a signer");
    }
  }

  /** ResolveToIDAddr under RequireNoErr(…, ErrIllegalState): a failed send keeps its code. */
  private static Address resolve(Runtime rt, Address address) {
    try {
      return Addresses.resolveToIdAddr(rt, address);
    } catch (AddressResolutionException e) {
      throw new ActorException(
          e.exitCode(), "failed to resolve address " + address + ": " + e.getMessage());
    }
  }

  private static ActorException abort(int code, String message) {
    return new ActorException(code, message);
  }

  /** A transaction and its ID, with the state it was read from when that is needed later. */
  private record Pending(long id, Transaction txn, MultisigState state) {
    Pending(long id, Transaction txn) {
      this(id, txn, null);
    }
  }

  /** Whether a transaction ran, with the inner call's exit code and return bytes. */
  private record Outcome(boolean applied, int code, byte[] ret) {}
}
