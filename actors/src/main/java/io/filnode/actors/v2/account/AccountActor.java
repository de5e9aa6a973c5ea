package io.filnode.actors.v2.account;

import io.filnode.actors.builtin.Builtin;
import io.filnode.actors.builtin.Builtin.MethodsAccount;
import io.filnode.actors.builtin.Params;
import io.filnode.actors.runtime.ActorCode;
import io.filnode.actors.runtime.ActorException;
import io.filnode.actors.runtime.ExitCode;
import io.filnode.actors.runtime.Runtime;
import io.filnode.chain.address.Address;
import io.filnode.chain.address.Protocol;
import io.filnode.chain.cbor.CborWriter;

/**
 * The account actor (specs-actors v2 {@code builtin/account}): the actor behind a secp256k1 or BLS
 * key. The VM creates it implicitly when value is first sent to a public-key address.
 */
public final class AccountActor implements ActorCode {
  private static final byte[] NONE = new byte[0];

  @Override
  public byte[] invoke(Runtime rt, long method, byte[] params) {
    if (method == MethodsAccount.CONSTRUCTOR) {
      constructor(rt, Params.decode(rt, params, Address::decode));
      return NONE;
    }
    if (method == MethodsAccount.PUBKEY_ADDRESS) {
      CborWriter w = new CborWriter();
      pubkeyAddress(rt).encode(w);
      return w.toByteArray();
    }
    throw new ActorException(ExitCode.SYS_ERR_INVALID_METHOD, "invalid method " + method);
  }

  private static void constructor(Runtime rt, Address address) {
    // Not called through the init actor: the VM runs it, as the system actor, when it creates an
    // account for a new public-key address.
    rt.validateImmediateCallerIs(Builtin.SYSTEM_ACTOR_ADDR);
    Protocol protocol = address.protocol();
    if (protocol != Protocol.SECP256K1 && protocol != Protocol.BLS) {
      throw ActorException.abortf(
          ExitCode.ERR_ILLEGAL_ARGUMENT, "address must use BLS or SECP protocol, got %s", protocol);
    }
    rt.stateCreate(new AccountState(address));
  }

  private static Address pubkeyAddress(Runtime rt) {
    rt.validateImmediateCallerAcceptAny();
    return rt.stateReadonly(AccountState::decode).address();
  }
}
