package io.filnode.actors.v2;

import static org.assertj.core.api.Assertions.assertThat;

import io.filnode.actors.chaos.ChaosActor;
import io.filnode.actors.chaos.ChaosState;
import io.filnode.actors.util.adt.AdtMap;
import io.filnode.actors.v2.account.AccountState;
import io.filnode.actors.v2.cron.CronState;
import io.filnode.actors.v2.init.InitState;
import io.filnode.actors.v2.system.SystemState;
import io.filnode.actors.v2.verifreg.VerifiedRegistryState;
import io.filnode.chain.blockstore.IpldStore;
import io.filnode.chain.cbor.CborEncodable;
import io.filnode.chain.cbor.CborException;
import io.filnode.chain.cbor.CborReader;
import io.filnode.chain.cid.Cid;
import io.filnode.chain.state.ActorKind;
import io.filnode.chain.state.BuiltinActors;
import io.filnode.chain.state.StateTree;
import io.filnode.chain.testing.ConformanceVector;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Every system, account, init, cron, verified registry and chaos state in the conformance vectors'
 * state trees decodes and re-encodes to the same bytes, and every init and verified registry HAMT
 * value decodes as the actors read it.
 */
class SimpleActorStatesVectorTest {
  private static final Map<Cid, CborReader.Decoder<? extends CborEncodable>> DECODERS =
      Map.of(
          BuiltinActors.codeCid(ActorKind.SYSTEM, 2),
          SystemState::decode,
          BuiltinActors.codeCid(ActorKind.ACCOUNT, 2),
          AccountState::decode,
          BuiltinActors.codeCid(ActorKind.INIT, 2),
          InitState::decode,
          BuiltinActors.codeCid(ActorKind.CRON, 2),
          CronState::decode,
          BuiltinActors.codeCid(ActorKind.VERIFIED_REGISTRY, 2),
          VerifiedRegistryState::decode,
          ChaosActor.CODE_CID,
          ChaosState::decode);

  @Test
  void statesRoundTripByteForByte() throws CborException {
    Map<Cid, Integer> seen = new HashMap<>();
    for (ConformanceVector v : ConformanceVector.all()) {
      IpldStore store = new IpldStore(v.blocks);
      for (Cid root : v.stateRootsPresent()) {
        StateTree tree = StateTree.load(store, root);
        tree.forEach(
            (id, actor) -> {
              CborReader.Decoder<? extends CborEncodable> decoder = DECODERS.get(actor.code());
              byte[] head = v.blocks.get(actor.head());
              if (decoder == null || head == null) {
                return;
              }
              CborEncodable st = CborReader.decodeWhole(head, v + " " + id, decoder);
              assertThat(st.toCbor()).as("%s %s", v, id).isEqualTo(head);
              checkMaps(store, st);
              seen.merge(actor.code(), 1, Integer::sum);
            });
      }
    }
    // the test must have seen every kind it covers (in the 107 vectors: 711 account, 209 each of
    // system, init, cron and verified registry, 78 chaos states)
    Map<String, Integer> byName = new TreeMap<>();
    seen.forEach(
        (code, n) -> byName.put(BuiltinActors.lookup(code).orElseThrow().kind().name(), n));
    assertThat(byName)
        .containsKeys("SYSTEM", "ACCOUNT", "INIT", "CRON", "VERIFIED_REGISTRY", "CHAOS");
  }

  private static void checkMaps(IpldStore store, CborEncodable st) throws CborException {
    if (st instanceof InitState init) {
      AdtMap.load(store, init.addressMap(), BuiltinActors.hamtOptions(2))
          .forEach((k, val) -> CborReader.decodeWhole(val, "actor id", CborReader::readInt64));
    } else if (st instanceof VerifiedRegistryState vr) {
      for (Cid c : new Cid[] {vr.verifiers(), vr.verifiedClients()}) {
        AdtMap.load(store, c, BuiltinActors.hamtOptions(2))
            .forEach((k, val) -> CborReader.decodeWhole(val, "datacap", CborReader::readBigInt));
      }
    }
  }
}
