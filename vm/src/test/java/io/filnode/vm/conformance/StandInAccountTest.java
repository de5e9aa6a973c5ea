package io.filnode.vm.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.filnode.actors.builtin.Builtin;
import io.filnode.actors.builtin.Params;
import io.filnode.actors.runtime.ActorCode;
import io.filnode.actors.runtime.ActorException;
import io.filnode.actors.runtime.ExitCode;
import io.filnode.actors.runtime.Runtime;
import io.filnode.chain.address.Address;
import io.filnode.chain.address.Protocol;
import io.filnode.chain.cbor.CborEncodable;
import io.filnode.chain.cbor.CborWriter;
import io.filnode.chain.state.ActorKind;
import io.filnode.chain.state.BuiltinActors;
import io.filnode.chain.testing.SharedData;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The VM's implicit account creation end to end, with a test-only account actor shaped as
 * specs-actors v2's (Constructor and PubkeyAddress) standing in for the real one while it is not
 * registered: the vectors check the constructor's gas, its state put and the new actor's ID.
 */
class StandInAccountTest {
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

  @ParameterizedTest
  @ValueSource(
      strings = {
        "actor_creation/on_transfer--ok-create-secp256k1--actorsv2.json",
        "actor_creation/on_transfer--fail-bls-insufficient-balance--actorsv2.json",
        "msg_application/gas_cost--msg-apply-fail-transfer-accountcreation-gas--actorsv2.json"
      })
  void accountCreationVectorsPass(String name) {
    var code = BuiltinActors.codeCid(ActorKind.ACCOUNT, 2);
    ConformanceRunner runner =
        new ConformanceRunner(
            ConformanceRunner.chaosActor(),
            null,
            r -> {
              if (r.get(code) == null) {
                r.register(code, ACCOUNT, 2, false);
              }
            });
    List<RunResult> results = runner.run(SharedData.require("vectors/conformance/" + name));
    assertThat(results).isNotEmpty();
    assertThat(results).allSatisfy(r -> assertThat(r.lines()).isEmpty());
  }
}
