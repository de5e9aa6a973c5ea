package io.filnode.actors.v2;

import static org.assertj.core.api.Assertions.assertThat;

import io.filnode.actors.builtin.Builtin;
import io.filnode.actors.builtin.Builtin.MethodsInit;
import io.filnode.actors.builtin.Builtin.MethodsVerifiedRegistry;
import io.filnode.actors.chaos.AbortWithArgs;
import io.filnode.actors.chaos.CallerValidationArgs;
import io.filnode.actors.chaos.ChaosActor;
import io.filnode.actors.chaos.CreateActorArgs;
import io.filnode.actors.chaos.MutateStateArgs;
import io.filnode.actors.chaos.SendArgs;
import io.filnode.actors.v2.init.ExecParams;
import io.filnode.actors.v2.verifreg.AddVerifiedClientParams;
import io.filnode.actors.v2.verifreg.AddVerifierParams;
import io.filnode.actors.v2.verifreg.RestoreBytesParams;
import io.filnode.actors.v2.verifreg.UseBytesParams;
import io.filnode.chain.address.Address;
import io.filnode.chain.cbor.CborEncodable;
import io.filnode.chain.cbor.CborException;
import io.filnode.chain.cbor.CborReader;
import io.filnode.chain.cbor.CborWriter;
import io.filnode.chain.testing.ConformanceVector;
import io.filnode.chain.types.UnsignedMessage;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The parameters of every conformance-vector message to the init actor's Exec, the verified
 * registry and the chaos actor that decode at all re-encode to the same bytes.
 */
class SimpleActorParamsVectorTest {
  private static final Pattern MESSAGE_BYTES =
      Pattern.compile("\"bytes\"\\s*:\\s*\"([A-Za-z0-9+/=]+)\"");
  private static final Pattern TIPSET_MESSAGES =
      Pattern.compile("\"messages\"\\s*:\\s*\\[([^\\]]*)\\]");
  private static final Pattern QUOTED = Pattern.compile("\"([A-Za-z0-9+/=]+)\"");

  private static final Map<String, CborReader.Decoder<? extends CborEncodable>> DECODERS =
      Map.ofEntries(
          Map.entry(key(Builtin.INIT_ACTOR_ADDR, MethodsInit.EXEC), ExecParams::decode),
          Map.entry(
              key(Builtin.VERIFIED_REGISTRY_ACTOR_ADDR, MethodsVerifiedRegistry.ADD_VERIFIER),
              AddVerifierParams::decode),
          Map.entry(
              key(
                  Builtin.VERIFIED_REGISTRY_ACTOR_ADDR,
                  MethodsVerifiedRegistry.ADD_VERIFIED_CLIENT),
              AddVerifiedClientParams::decode),
          Map.entry(
              key(Builtin.VERIFIED_REGISTRY_ACTOR_ADDR, MethodsVerifiedRegistry.USE_BYTES),
              UseBytesParams::decode),
          Map.entry(
              key(Builtin.VERIFIED_REGISTRY_ACTOR_ADDR, MethodsVerifiedRegistry.RESTORE_BYTES),
              RestoreBytesParams::decode),
          Map.entry(
              key(ChaosActor.ADDRESS, ChaosActor.METHOD_CALLER_VALIDATION),
              CallerValidationArgs::decode),
          Map.entry(
              key(ChaosActor.ADDRESS, ChaosActor.METHOD_CREATE_ACTOR), CreateActorArgs::decode),
          Map.entry(
              key(ChaosActor.ADDRESS, ChaosActor.METHOD_RESOLVE_ADDRESS), AddressValue::decode),
          Map.entry(key(ChaosActor.ADDRESS, ChaosActor.METHOD_DELETE_ACTOR), AddressValue::decode),
          Map.entry(key(ChaosActor.ADDRESS, ChaosActor.METHOD_SEND), SendArgs::decode),
          Map.entry(
              key(ChaosActor.ADDRESS, ChaosActor.METHOD_MUTATE_STATE), MutateStateArgs::decode),
          Map.entry(key(ChaosActor.ADDRESS, ChaosActor.METHOD_ABORT_WITH), AbortWithArgs::decode));

  /** A bare address as a parameter, as Go's {@code *addr.Address}. */
  private record AddressValue(Address address) implements CborEncodable {
    @Override
    public void encode(CborWriter w) {
      address.encode(w);
    }

    static AddressValue decode(CborReader r) throws CborException {
      return new AddressValue(Address.decode(r));
    }
  }

  private static String key(Address to, long method) {
    return to + "/" + method;
  }

  private static List<byte[]> messages(ConformanceVector v) {
    List<byte[]> out = new ArrayList<>();
    Matcher m = MESSAGE_BYTES.matcher(v.json);
    while (m.find()) {
      out.add(Base64.getDecoder().decode(m.group(1)));
    }
    Matcher t = TIPSET_MESSAGES.matcher(v.json);
    while (t.find()) {
      Matcher q = QUOTED.matcher(t.group(1));
      while (q.find()) {
        out.add(Base64.getDecoder().decode(q.group(1)));
      }
    }
    return out;
  }

  @Test
  void paramsRoundTripByteForByte() throws CborException {
    Map<String, Integer> checked = new TreeMap<>();
    for (ConformanceVector v : ConformanceVector.all()) {
      for (byte[] bytes : messages(v)) {
        UnsignedMessage msg = UnsignedMessage.fromCbor(bytes);
        String key = key(msg.to(), msg.method());
        CborReader.Decoder<? extends CborEncodable> decoder = DECODERS.get(key);
        if (decoder == null) {
          continue;
        }
        byte[] params = msg.params();
        CborEncodable decoded;
        try {
          decoded = CborReader.decodeWhole(params, key, decoder);
        } catch (CborException e) {
          continue; // vectors also send malformed parameters on purpose
        }
        assertThat(decoded.toCbor()).as("%s %s", v, key).isEqualTo(params);
        checked.merge(key, 1, Integer::sum);
      }
    }
    // seen in the 107 vectors: 33 Exec; chaos CallerValidation 4, CreateActor 4,
    // ResolveAddress 4, DeleteActor 2, MutateState 2, AbortWith 15; no direct verifreg calls
    assertThat(checked)
        .containsKeys(
            key(Builtin.INIT_ACTOR_ADDR, MethodsInit.EXEC),
            key(ChaosActor.ADDRESS, ChaosActor.METHOD_CALLER_VALIDATION),
            key(ChaosActor.ADDRESS, ChaosActor.METHOD_CREATE_ACTOR),
            key(ChaosActor.ADDRESS, ChaosActor.METHOD_RESOLVE_ADDRESS),
            key(ChaosActor.ADDRESS, ChaosActor.METHOD_DELETE_ACTOR),
            key(ChaosActor.ADDRESS, ChaosActor.METHOD_MUTATE_STATE),
            key(ChaosActor.ADDRESS, ChaosActor.METHOD_ABORT_WITH));
  }
}
