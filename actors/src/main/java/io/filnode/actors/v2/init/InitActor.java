package io.filnode.actors.v2.init;

import io.filnode.actors.builtin.Builtin;
import io.filnode.actors.builtin.Builtin.MethodsInit;
import io.filnode.actors.builtin.Params;
import io.filnode.actors.builtin.RawBytes;
import io.filnode.actors.runtime.ActorCode;
import io.filnode.actors.runtime.ActorException;
import io.filnode.actors.runtime.ExitCode;
import io.filnode.actors.runtime.Runtime;
import io.filnode.actors.util.adt.AdtMap;
import io.filnode.chain.address.Address;
import io.filnode.chain.cid.Cid;
import io.filnode.chain.state.ActorKind;
import io.filnode.chain.state.BuiltinActors;

/**
 * The init actor (specs-actors v2 {@code builtin/init}): the only actor that creates other actors
 * (miners, multisigs, payment channels), giving each an ID and recording the robust address it was
 * created under.
 */
public final class InitActor implements ActorCode {
  private static final byte[] NONE = new byte[0];
  private static final Cid MINER = BuiltinActors.codeCid(ActorKind.STORAGE_MINER, 2);
  private static final Cid POWER = BuiltinActors.codeCid(ActorKind.STORAGE_POWER, 2);
  private static final Cid PAYCH = BuiltinActors.codeCid(ActorKind.PAYMENT_CHANNEL, 2);
  private static final Cid MULTISIG = BuiltinActors.codeCid(ActorKind.MULTISIG, 2);

  @Override
  public byte[] invoke(Runtime rt, long method, byte[] params) {
    if (method == MethodsInit.CONSTRUCTOR) {
      constructor(rt, Params.decode(rt, params, ConstructorParams::decode));
      return NONE;
    }
    if (method == MethodsInit.EXEC) {
      return exec(rt, Params.decode(rt, params, ExecParams::decode)).toCbor();
    }
    throw new ActorException(ExitCode.SYS_ERR_INVALID_METHOD, "invalid method " + method);
  }

  private static void constructor(Runtime rt, ConstructorParams params) {
    rt.validateImmediateCallerIs(Builtin.SYSTEM_ACTOR_ADDR);
    Cid emptyMap = AdtMap.create(rt.store(), BuiltinActors.hamtOptions(2)).flush();
    rt.stateCreate(InitState.construct(emptyMap, params.networkName()));
  }

  private static ExecReturn exec(Runtime rt, ExecParams params) {
    rt.validateImmediateCallerAcceptAny();
    Cid callerCode =
        rt.getActorCodeCid(rt.caller())
            .orElseThrow(() -> new IllegalStateException("no code for actor at " + rt.caller()));
    if (!canExec(callerCode, params.codeCid())) {
      throw ActorException.abortf(
          ExitCode.ERR_FORBIDDEN,
          "caller type %s cannot exec actor type %s",
          callerCode,
          params.codeCid());
    }
    // A re-org-stable address, so that messages from outside can name the new actor even if a
    // re-org gives it a different ID.
    Address uniqueAddress = rt.newActorAddress();
    Address idAddress =
        rt.stateTransaction(
            InitState::decode, st -> st.mapAddressToNewId(rt.store(), uniqueAddress));
    rt.createActor(params.codeCid(), idAddress);
    rt.send(
            idAddress,
            Builtin.METHOD_CONSTRUCTOR,
            new RawBytes(params.constructorParams()),
            rt.valueReceived())
        .requireSuccess("constructor failed");
    return new ExecReturn(idAddress, uniqueAddress);
  }

  /**
   * Which actors a caller may create (specs-actors v2 {@code canExec}): only the power actor makes
   * miners; anyone makes multisigs and payment channels; nobody makes anything else.
   */
  static boolean canExec(Cid callerCode, Cid execCode) {
    if (execCode.equals(MINER)) {
      return callerCode.equals(POWER);
    }
    return execCode.equals(PAYCH) || execCode.equals(MULTISIG);
  }
}
