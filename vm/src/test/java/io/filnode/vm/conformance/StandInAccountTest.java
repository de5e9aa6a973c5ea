package io.filnode.vm.conformance;

import static org.assertj.core.api.Assertions.assertThat;

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
  @ParameterizedTest
  @ValueSource(
      strings = {
        "actor_creation/on_transfer--ok-create-secp256k1--actorsv2.json",
        "actor_creation/on_transfer--fail-bls-insufficient-balance--actorsv2.json",
        "msg_application/gas_cost--msg-apply-fail-transfer-accountcreation-gas--actorsv2.json"
      })
  void accountCreationVectorsPass(String name) {
    ConformanceRunner runner =
        new ConformanceRunner(ConformanceRunner.chaosActor(), null, StandInActors::addMissing);
    List<RunResult> results = runner.run(SharedData.require("vectors/conformance/" + name));
    assertThat(results).isNotEmpty();
    assertThat(results).allSatisfy(r -> assertThat(r.lines()).isEmpty());
  }
}
