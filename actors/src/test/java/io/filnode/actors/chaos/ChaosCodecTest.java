package io.filnode.actors.chaos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.filnode.chain.address.Address;
import io.filnode.chain.cbor.CborException;
import io.filnode.chain.cbor.CborReader;
import io.filnode.chain.cid.Cid;
import io.filnode.chain.cid.Hex;
import io.filnode.chain.state.ActorKind;
import io.filnode.chain.state.BuiltinActors;
import io.filnode.chain.types.TokenAmount;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChaosCodecTest {
  private static CborReader in(String hex) {
    return new CborReader(Hex.decode(hex));
  }

  @Test
  void codeCidIsTheIdentityCidOfFil1Chaos() {
    // raw codec 0x55, identity multihash 0x00 of length 11 over "fil/1/chaos"
    assertThat(ChaosActor.CODE_CID.bytes())
        .isEqualTo(
            Hex.decode("0155000b" + Hex.encode("fil/1/chaos".getBytes(StandardCharsets.UTF_8))));
    assertThat(ChaosActor.ADDRESS).isEqualTo(Address.newId(98));
  }

  @Test
  void stateIsValueAndAnEmptyList() throws CborException {
    assertThat(Hex.encode(new ChaosState("").toCbor())).isEqualTo("826080");
    assertThat(Hex.encode(new ChaosState("ab").toCbor())).isEqualTo("8262616280");
    assertThat(ChaosState.decode(in("8262616280")).value()).isEqualTo("ab");
  }

  @Test
  void stateWithAnUnmarshallableElementFailsToDecode() {
    assertThatThrownBy(() -> ChaosState.decode(in("82608100"))).isInstanceOf(CborException.class);
    assertThatThrownBy(() -> ChaosState.decode(in("8260a0"))).isInstanceOf(CborException.class);
  }

  @Test
  void abortWithArgsAsTheConformanceVectorsEncodeThem() throws CborException {
    // params of vm_violations/actor_abort--custom-exit-code: [32, "custom exit code abort", false]
    String hex = "83182076637573746f6d206578697420636f64652061626f7274f4";
    AbortWithArgs args = AbortWithArgs.decode(in(hex));
    assertThat(args).isEqualTo(new AbortWithArgs(32, "custom exit code abort", false));
    assertThat(Hex.encode(args.toCbor())).isEqualTo(hex);
    // x--actor_abort--negative-exit-code: Code -1
    assertThat(
            AbortWithArgs.decode(in("832078186e65676174697665206578697420636f64652061626f7274f4"))
                .code())
        .isEqualTo(-1);
    // x--actor_abort--no-exit-code: uncontrolled
    assertThat(
            AbortWithArgs.decode(in("8300726e6f206578697420636f64652061626f7274f5")).uncontrolled())
        .isTrue();
  }

  @Test
  void callerValidationArgsRoundTrip() throws CborException {
    Cid account = BuiltinActors.codeCid(ActorKind.ACCOUNT, 2);
    CallerValidationArgs a =
        new CallerValidationArgs(
            CallerValidationArgs.BRANCH_IS_TYPE, List.of(Address.newId(101)), List.of(account));
    assertThat(CallerValidationArgs.decode(new CborReader(a.toCbor()))).isEqualTo(a);
    assertThat(Hex.encode(new CallerValidationArgs(-1, List.of(), List.of()).toCbor()))
        .isEqualTo("83208080");
  }

  @Test
  void createActorArgsRoundTrip() throws CborException {
    CreateActorArgs a =
        new CreateActorArgs(
            true, BuiltinActors.codeCid(ActorKind.ACCOUNT, 2), false, Address.newId(1000));
    byte[] enc = a.toCbor();
    assertThat(Hex.encode(enc)).startsWith("84f5d82a").endsWith("f44300e807");
    assertThat(CreateActorArgs.decode(new CborReader(enc))).isEqualTo(a);
  }

  @Test
  void sendArgsAndReturnRoundTrip() throws CborException {
    SendArgs s = new SendArgs(Address.newId(5), TokenAmount.ofAtto(1), 3, new byte[] {1, 2});
    assertThat(Hex.encode(s.toCbor())).isEqualTo("8442000542000103420102");
    assertThat(SendArgs.decode(new CborReader(s.toCbor()))).isEqualTo(s);
    SendReturn r = new SendReturn(new byte[0], 16);
    assertThat(Hex.encode(r.toCbor())).isEqualTo("824010");
    assertThat(SendReturn.decode(new CborReader(r.toCbor()))).isEqualTo(r);
  }

  @Test
  void resolveAndMutateAndInspectRoundTrip() throws CborException {
    ResolveAddressResponse res = new ResolveAddressResponse(Address.newId(0), false);
    assertThat(Hex.encode(res.toCbor())).isEqualTo("82420000f4");
    MutateStateArgs m = new MutateStateArgs("x", MutateStateArgs.AFTER_TRANSACTION);
    assertThat(Hex.encode(m.toCbor())).isEqualTo("82617802");
    InspectRuntimeReturn ir =
        new InspectRuntimeReturn(
            Address.newId(100), ChaosActor.ADDRESS, TokenAmount.ZERO, -1, TokenAmount.ZERO, "v");
    assertThat(Hex.encode(ir.toCbor())).isEqualTo("8642006442006240204082617680");
    assertThat(InspectRuntimeReturn.decode(new CborReader(ir.toCbor()))).isEqualTo(ir);
  }
}
