package io.filnode.actors.chaos;

import io.filnode.actors.builtin.GoPanic;
import io.filnode.actors.builtin.Params;
import io.filnode.actors.builtin.RawBytes;
import io.filnode.actors.runtime.ActorCode;
import io.filnode.actors.runtime.ActorException;
import io.filnode.actors.runtime.ExitCode;
import io.filnode.actors.runtime.Runtime;
import io.filnode.actors.runtime.SendResult;
import io.filnode.chain.address.Address;
import io.filnode.chain.cid.Cid;
import io.filnode.chain.state.ActorKind;
import io.filnode.chain.state.BuiltinActors;
import java.util.Optional;

/**
 * The chaos actor of Lotus's conformance tests ({@code conformance/chaos} at v1.10.0): a test-only
 * singleton whose methods break the VM's rules on purpose (no caller validation, validating twice,
 * mutating read-only state, aborting with any exit code, creating and deleting actors) so that
 * vectors can check how the VM enforces them. It never exists on a real network; the VM registers
 * it only for vectors whose selector asks for it.
 *
 * <p>Where the Go actor panics (its constructor, an unknown branch, an uncontrolled abort), this
 * one aborts with the code Lotus's runtime gives any non-abort panic: 1 up to network version 3,
 * SysErrReserved1 from version 4.
 */
public final class ChaosActor implements ActorCode {
  /** The code CID: the identity-multihash raw CID of {@code fil/1/chaos}. */
  public static final Cid CODE_CID = BuiltinActors.codeCid(ActorKind.CHAOS, 0);

  /** The singleton address, f098: the ID just below the burnt-funds actor's 99. */
  public static final Address ADDRESS = Address.newId(98);

  public static final long METHOD_CONSTRUCTOR = 1;
  public static final long METHOD_CALLER_VALIDATION = 2;
  public static final long METHOD_CREATE_ACTOR = 3;
  public static final long METHOD_RESOLVE_ADDRESS = 4;
  public static final long METHOD_DELETE_ACTOR = 5;
  public static final long METHOD_SEND = 6;
  public static final long METHOD_MUTATE_STATE = 7;
  public static final long METHOD_ABORT_WITH = 8;
  public static final long METHOD_INSPECT_RUNTIME = 9;
  public static final long METHOD_CREATE_STATE = 10;

  private static final byte[] NONE = new byte[0];

  @Override
  public byte[] invoke(Runtime rt, long method, byte[] params) {
    if (method == METHOD_CONSTRUCTOR) {
      throw GoPanic.of(
          rt, "constructor should not be called; the Chaos actor is a singleton actor");
    } else if (method == METHOD_CALLER_VALIDATION) {
      callerValidation(rt, Params.decode(rt, params, CallerValidationArgs::decode));
    } else if (method == METHOD_CREATE_ACTOR) {
      createActor(rt, Params.decode(rt, params, CreateActorArgs::decode));
    } else if (method == METHOD_RESOLVE_ADDRESS) {
      return resolveAddress(rt, Params.decode(rt, params, Address::decode)).toCbor();
    } else if (method == METHOD_DELETE_ACTOR) {
      Address beneficiary = Params.decode(rt, params, Address::decode);
      rt.validateImmediateCallerAcceptAny();
      rt.deleteActor(beneficiary);
    } else if (method == METHOD_SEND) {
      return send(rt, Params.decode(rt, params, SendArgs::decode)).toCbor();
    } else if (method == METHOD_MUTATE_STATE) {
      mutateState(rt, Params.decode(rt, params, MutateStateArgs::decode));
    } else if (method == METHOD_ABORT_WITH) {
      throw abortWith(rt, Params.decode(rt, params, AbortWithArgs::decode));
    } else if (method == METHOD_INSPECT_RUNTIME) {
      return inspectRuntime(rt).toCbor();
    } else if (method == METHOD_CREATE_STATE) {
      rt.validateImmediateCallerAcceptAny();
      rt.stateCreate(new ChaosState(""));
    } else {
      throw new ActorException(ExitCode.SYS_ERR_INVALID_METHOD, "invalid method " + method);
    }
    return NONE;
  }

  private static void callerValidation(Runtime rt, CallerValidationArgs args) {
    long branch = args.branch();
    if (branch == CallerValidationArgs.BRANCH_NONE) {
      return; // the VM must reject a method that validated nobody
    } else if (branch == CallerValidationArgs.BRANCH_TWICE) {
      rt.validateImmediateCallerAcceptAny();
      rt.validateImmediateCallerAcceptAny();
    } else if (branch == CallerValidationArgs.BRANCH_IS_ADDRESS) {
      rt.validateImmediateCallerIs(args.addrs().toArray(new Address[0]));
    } else if (branch == CallerValidationArgs.BRANCH_IS_TYPE) {
      rt.validateImmediateCallerType(args.types().toArray(new Cid[0]));
    } else {
      throw GoPanic.of(rt, "invalid branch passed to CallerValidation");
    }
  }

  /** Creates an actor; Go's {@code cid.Undef} and {@code address.Undef} reach the VM as null. */
  private static void createActor(Runtime rt, CreateActorArgs args) {
    rt.validateImmediateCallerAcceptAny();
    Cid code = args.undefActorCid() ? null : args.actorCid();
    Address address = args.undefAddress() ? null : args.address();
    rt.createActor(code, address);
  }

  private static ResolveAddressResponse resolveAddress(Runtime rt, Address address) {
    rt.validateImmediateCallerAcceptAny();
    Optional<Address> resolved = rt.resolveAddress(address);
    return new ResolveAddressResponse(resolved.orElse(Address.newId(0)), resolved.isPresent());
  }

  private static SendReturn send(Runtime rt, SendArgs args) {
    rt.validateImmediateCallerAcceptAny();
    SendResult result =
        rt.send(args.to(), args.method(), new RawBytes(args.params()), args.value());
    // Go's out value is only filled in by a successful call.
    byte[] ret = result.isSuccess() ? result.returnValue() : NONE;
    return new SendReturn(ret, result.exitCode());
  }

  private static void mutateState(Runtime rt, MutateStateArgs args) {
    rt.validateImmediateCallerAcceptAny();
    long branch = args.branch();
    if (branch == MutateStateArgs.IN_TRANSACTION) {
      rt.stateTransaction(
          ChaosState::decode,
          st -> {
            st.setValue(args.value());
            return null;
          });
    } else if (branch == MutateStateArgs.READONLY) {
      // Changing a read-only copy must change nothing.
      rt.stateReadonly(ChaosState::decode).setValue(args.value());
    } else if (branch == MutateStateArgs.AFTER_TRANSACTION) {
      ChaosState kept =
          rt.stateTransaction(
              ChaosState::decode,
              st -> {
                st.setValue(args.value() + "-in");
                return st;
              });
      // Changing the object after its transaction must change nothing either.
      kept.setValue(args.value());
    } else {
      throw GoPanic.of(rt, "unknown mutation type");
    }
  }

  /**
   * The abort AbortWith asks for. Lotus turns an abort with exit code 0 into a fatal VM error (the
   * message fails to apply at all); that, and a code beyond 32 bits that {@link ActorException}
   * cannot carry, are thrown as {@link IllegalStateException}.
   */
  private static RuntimeException abortWith(Runtime rt, AbortWithArgs args) {
    if (args.uncontrolled()) {
      return GoPanic.of(rt, args.message());
    }
    long code = args.code();
    if (code == 0 || code != (int) code) {
      return new IllegalStateException(
          "fatal: chaos actor aborted with exit code " + code + ": " + args.message());
    }
    return new ActorException((int) code, args.message());
  }

  private static InspectRuntimeReturn inspectRuntime(Runtime rt) {
    rt.validateImmediateCallerAcceptAny();
    ChaosState st = rt.stateReadonly(ChaosState::decode);
    return new InspectRuntimeReturn(
        rt.caller(),
        rt.receiver(),
        rt.valueReceived(),
        rt.currEpoch(),
        rt.currentBalance(),
        st.value());
  }
}
