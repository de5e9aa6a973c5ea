package io.filnode.vm.conformance;

import io.filnode.actors.builtin.Builtin;
import io.filnode.actors.builtin.Params;
import io.filnode.actors.runtime.ActorCode;
import io.filnode.actors.runtime.ActorException;
import io.filnode.actors.runtime.ExitCode;
import io.filnode.actors.runtime.Runtime;
import io.filnode.chain.address.Address;
import io.filnode.chain.address.Protocol;
import io.filnode.chain.cbor.CborEncodable;
import io.filnode.chain.cbor.CborReader;
import io.filnode.chain.cbor.CborWriter;
import io.filnode.chain.state.ActorKind;
import io.filnode.chain.state.BuiltinActors;
import io.filnode.chain.types.TokenAmount;
import io.filnode.vm.ActorRegistry;
import java.util.ArrayList;
import java.util.List;

/**
 * Test-only stand-ins for the account and cron actors, shaped as specs-actors v2's (same state
 * reads and writes, same sends), used only while the real ones are not registered.
 */
final class StandInActors {
  private StandInActors() {}

  /** specs-actors v2 account.State: the tuple [Address]. */
  private record AccountState(Address address) implements CborEncodable {
    @Override
    public void encode(CborWriter w) {
      w.writeArrayHeader(1);
      address.encode(w);
    }
  }

  private static final ActorCode ACCOUNT =
      (Runtime rt, long method, byte[] params) -> {
        if (method == Builtin.METHOD_CONSTRUCTOR) {
          Address a = Params.decode(rt, params, Address::decode);
          rt.validateImmediateCallerIs(Builtin.SYSTEM_ACTOR_ADDR);
          if (a.protocol() != Protocol.SECP256K1 && a.protocol() != Protocol.BLS) {
            throw new ActorException(ExitCode.ERR_ILLEGAL_ARGUMENT, "not a key address");
          }
          rt.stateCreate(new AccountState(a));
          return new byte[0];
        }
        throw new ActorException(ExitCode.SYS_ERR_INVALID_METHOD, "stand-in: no method " + method);
      };

  /** specs-actors v2 cron: EpochTick sends every entry's method with no value, ignoring results. */
  private static final ActorCode CRON =
      (Runtime rt, long method, byte[] params) -> {
        if (method != 2) {
          throw new ActorException(
              ExitCode.SYS_ERR_INVALID_METHOD, "stand-in: no method " + method);
        }
        rt.validateImmediateCallerIs(Builtin.SYSTEM_ACTOR_ADDR);
        List<Object[]> entries =
            rt.stateReadonly(
                (CborReader r) -> {
                  r.readArrayHeader();
                  int n = r.readArrayHeader();
                  List<Object[]> out = new ArrayList<>();
                  for (int i = 0; i < n; i++) {
                    r.readArrayHeader();
                    out.add(new Object[] {Address.decode(r), r.readUint64()});
                  }
                  return out;
                });
        for (Object[] e : entries) {
          rt.send((Address) e[0], (Long) e[1], null, TokenAmount.ZERO);
        }
        return new byte[0];
      };

  /** Registers each stand-in whose real actor is missing from {@code r}. */
  static void addMissing(ActorRegistry r) {
    var account = BuiltinActors.codeCid(ActorKind.ACCOUNT, 2);
    if (r.get(account) == null) {
      r.register(account, ACCOUNT, 2, false);
    }
    var cron = BuiltinActors.codeCid(ActorKind.CRON, 2);
    if (r.get(cron) == null) {
      r.register(cron, CRON, 2, true);
    }
  }
}
